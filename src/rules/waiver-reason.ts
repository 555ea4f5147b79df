/**
 * `waiver-reason`: a waived item gives its reason. A bare `N/A` says nothing
 * a reviewer can check.
 *
 * Fails: `- [ ] **Feature Flags**: N/A`
 * Message: `"Feature Flags" is waived with a bare "N/A". Say why after it: "N/A — config-only change".`
 */
import { matchSections } from './checklist.js';
import type { PullRequestRule, RawFinding } from './rule.js';

export const waiverReason: PullRequestRule = {
  id: 'waiver-reason',
  target: 'pull-request',
  title: 'Every waiver gives a reason',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const { items } of matchSections(doc, config.pullRequest.sections)) {
      for (const match of items) {
        if (!match.item || match.state?.kind !== 'bare-na') continue;
        out.push({
          message: `"${match.label}" is waived with a bare "N/A". Say why after it: "N/A — config-only change".`,
          line: match.item.line,
          column: match.item.column,
        });
      }
    }
    return out;
  },
};
