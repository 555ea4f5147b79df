/** `ops-recommendation`: an Operations Review ticks exactly one Recommendation, and it is "Production ready". */
import { inSection } from '../markdown/document.js';
import { at } from '../model/finding.js';
import { operationsReview, ownedByReviewer, readRecommendation, subsection } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  noSection: 'The Operations Review has no "Recommendation" section. Add it with "- [x] **Production ready**".',
  none: 'No Recommendation is ticked. Tick exactly one; the gate passes on "Production ready".',
  several: '{{count}} Recommendations are ticked. Tick exactly one.',
  other:
    'The Operations Review recommends "{{recommendation}}". Resolve the review\'s points, then tick only "Production ready".',
};
const say = sayer(messages);

export const opsRecommendation = defineRule({
  id: 'ops-recommendation',
  kind: 'pull-request',
  title: 'The Operations Review recommends "Production ready"',
  description: 'an Operations Review ticks exactly one Recommendation, "Production ready"',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'another recommendation is ticked',
      text: '## Operations Review\n### Recommendation\n- [ ] **Production ready**\n- [x] **Needs operational improvements**\n',
      findings: [{ at: '4:1', id: 'other', data: { recommendation: 'Needs operational improvements' } }],
    },
    {
      name: 'two are ticked',
      text: '## Operations Review\n### Recommendation\n- [x] **Production ready**\n- [x] **Needs operational improvements**\n',
      findings: [{ at: '4:1', id: 'several', data: { count: '2' } }],
    },
    {
      name: 'production ready',
      text: '## Operations Review\n### Recommendation\n- [x] **Production ready**\n- [ ] **Needs operational improvements**\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const review = operationsReview(doc);
    if (!review || ownedByReviewer(spec.signOff, 'Recommendation')) return undefined;
    const section = subsection(doc, review, 'Recommendation');
    if (!section) {
      return [at(review, say('noSection'))];
    }
    const recommendation = readRecommendation(inSection(doc.items, section));
    switch (recommendation.kind) {
      case 'ready':
        return [];
      case 'none':
        return [at(section, say('none'))];
      case 'several':
        return [at(recommendation.second, say('several', { count: recommendation.count }))];
      case 'other':
        return [at(recommendation.choice, say('other', { recommendation: recommendation.name }))];
    }
  },
});
