/**
 * `ops-recommendation`: an Operations Review ticks exactly one
 * Recommendation, and it is "Production ready".
 *
 * Fails: `- [x] **Needs operational improvements**`
 * Message: `The Operations Review recommends "Needs operational improvements". Resolve the review's points, then tick only "Production ready".`
 */
import { inSection } from '../markdown/document.js';
import { operationsReview, ownedByReviewer, readRecommendation, subsection } from './operations-review.js';
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
};
