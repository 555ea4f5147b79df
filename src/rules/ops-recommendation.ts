/** `ops-recommendation`: an Operations Review ticks exactly one Recommendation, and it is "Production ready". */
import { inSection } from '../markdown/document.js';
import { at } from '../model/finding.js';
import { operationsReview, ownedByReviewer, readRecommendation, subsection } from '../model/operations-review.js';
import { defineRule } from './rule.js';

export const opsRecommendation = defineRule({
  id: 'ops-recommendation',
  kind: 'pull-request',
  title: 'The Operations Review recommends "Production ready"',
  description: 'an Operations Review ticks exactly one Recommendation, "Production ready"',
  defaultSeverity: { devops: 'error', none: 'off' },
  examples: [
    {
      name: 'another recommendation is ticked',
      text: '## Operations Review\n### Recommendation\n- [ ] **Production ready**\n- [x] **Needs operational improvements**\n',
      findings: [
        `4:1 The Operations Review recommends "Needs operational improvements". Resolve the review's points, then tick only "Production ready".`,
      ],
    },
    {
      name: 'two are ticked',
      text: '## Operations Review\n### Recommendation\n- [x] **Production ready**\n- [x] **Needs operational improvements**\n',
      findings: ['4:1 2 Recommendations are ticked. Tick exactly one.'],
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
      return [
        at(review, 'The Operations Review has no "Recommendation" section. Add it with "- [x] **Production ready**".'),
      ];
    }
    const recommendation = readRecommendation(inSection(doc.items, section));
    switch (recommendation.kind) {
      case 'ready':
        return [];
      case 'none':
        return [at(section, 'No Recommendation is ticked. Tick exactly one; the gate passes on "Production ready".')];
      case 'several':
        return [at(recommendation.second, `${recommendation.count} Recommendations are ticked. Tick exactly one.`)];
      case 'other':
        return [
          at(
            recommendation.choice,
            `The Operations Review recommends "${recommendation.name}". Resolve the review's points, then tick only "Production ready".`,
          ),
        ];
    }
  },
});
