/**
 * `ops-checklist`: in an Operations Review, every box under "DevOps
 * Sign-off" and "Runbook Items" is ticked.
 *
 * Fails: `- [ ] Rollback plan defined` under `### 🔧 DevOps Sign-off`.
 * Message: `"Rollback plan defined" in "DevOps Sign-off" is not ticked. The review is complete only when every box is.`
 */
import { inSection } from '../markdown/document.js';
import { operationsReview, ownedByReviewer, subsection } from './operations-review.js';
import { at, type PullRequestRule, type RawFinding } from './rule.js';

const LISTS = ['DevOps Sign-off', 'Runbook Items'] as const;

export const opsChecklist: PullRequestRule = {
  id: 'ops-checklist',
  target: 'pull-request',
  title: 'Every Operations Review sign-off and runbook box is ticked',
  check({ doc, config }) {
    const review = operationsReview(doc);
    const lists = LISTS.filter((name) => !ownedByReviewer(config, name));
    if (!review || lists.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const name of lists) {
      const section = subsection(doc, review, name);
      if (!section) {
        out.push(
          at(review, `The Operations Review has no "${name}" section. Add it from the template and tick its boxes.`),
        );
        continue;
      }
      for (const item of inSection(doc.items, section)) {
        if (item.checked) continue;
        out.push(
          at(
            item,
            `"${item.label ?? item.text}" in "${name}" is not ticked. The review is complete only when every box is.`,
          ),
        );
      }
    }
    return out;
  },
};
