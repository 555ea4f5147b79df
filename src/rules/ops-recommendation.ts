/**
 * `ops-recommendation`: an Operations Review ticks exactly one
 * Recommendation, and it is "Production ready".
 *
 * Fails: `- [x] **Needs operational improvements**`
 * Message: `The Operations Review recommends "Needs operational improvements". Resolve the review's points, then tick only "Production ready".`
 */
import { headingKey } from '../markdown/heading.js';
import { inSection } from '../markdown/document.js';
import { operationsReview, ownedByReviewer, subsection } from './operations-review.js';
import { at, type PullRequestRule } from './rule.js';

export const opsRecommendation: PullRequestRule = {
  id: 'ops-recommendation',
  target: 'pull-request',
  title: 'The Operations Review recommends "Production ready"',
  check({ doc, config }) {
    const review = operationsReview(doc);
    if (!review || ownedByReviewer(config, 'Recommendation')) return undefined;
    const section = subsection(doc, review, 'Recommendation');
    if (!section) {
      return [
        at(review, 'The Operations Review has no "Recommendation" section. Add it with "- [x] **Production ready**".'),
      ];
    }
    const ticked = inSection(doc.items, section).filter((i) => i.checked);
    if (ticked.length === 0) {
      return [at(section, 'No Recommendation is ticked. Tick exactly one; the gate passes on "Production ready".')];
    }
    if (ticked.length > 1) {
      return [at(ticked[1]!, `${ticked.length} Recommendations are ticked. Tick exactly one.`)];
    }
    const choice = ticked[0]!;
    const name = choice.label ?? choice.text;
    if (headingKey(name) === 'production ready') return [];
    return [
      at(
        choice,
        `The Operations Review recommends "${name}". Resolve the review's points, then tick only "Production ready".`,
      ),
    ];
  },
};
