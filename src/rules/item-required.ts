/**
 * `item-required`: under the `all` policy, each configured checklist item is
 * in its section, found by its bold label (or an alias). A deleted or renamed
 * item is an error, not a silent pass.
 *
 * Fails: `## Reliability` without `- [ ] **Timeouts**`.
 * Message: `Missing checklist item "Timeouts" in "Reliability". Restore "- [ ] **Timeouts**" and tick it or waive it with "N/A — reason".`
 */
import { matchSections } from './checklist.js';
import type { PullRequestRule, RawFinding } from './rule.js';

export const itemRequired: PullRequestRule = {
  id: 'item-required',
  target: 'pull-request',
  title: 'Every required checklist item is present',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const { spec, section, items } of matchSections(doc, config.pullRequest.sections)) {
      if (!section || spec.policy !== 'all') continue;
      for (const match of items) {
        if (match.item) continue;
        out.push({
          message: `Missing checklist item "${match.label}" in "${spec.name}". Restore "- [ ] **${match.label}**" and tick it or waive it with "N/A — reason".`,
          line: section.line,
          column: section.column,
        });
      }
    }
    return out;
  },
};
