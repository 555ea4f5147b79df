/**
 * `item-checked`: required checklist items are ticked, or waived: left
 * unticked with `N/A` and a reason (`- [ ] **Feature Flags**: N/A — config-only change`).
 * Under `any` or `{at-least: N}` policies, enough of the section's items are.
 *
 * Fails: `- [ ] **Alerts**: Are failure conditions alerted?`
 * Message: `"Alerts" in "Monitoring" is not ticked. Tick it once done, or write "N/A — reason" after the label.`
 */
import { required, satisfied, matchSections } from './checklist.js';
import type { PullRequestRule, RawFinding } from './rule.js';

export const itemChecked: PullRequestRule = {
  id: 'item-checked',
  target: 'pull-request',
  title: 'Every required checklist item is ticked or waived',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const { spec, section, items } of matchSections(doc, config.pullRequest.sections)) {
      if (!section) continue;
      if (spec.policy === 'all') {
        for (const match of items) {
          if (!match.item || match.state?.kind !== 'unchecked') continue;
          out.push({
            message: `"${match.label}" in "${spec.name}" is not ticked. Tick it once done, or write "N/A — reason" after the label.`,
            line: match.item.line,
            column: match.item.column,
          });
        }
        continue;
      }
      const need = required(spec.policy, items.length);
      const have = items.filter(satisfied).length;
      if (have >= need) continue;
      out.push({
        message: `"${spec.name}" needs at least ${need} of ${items.map((i) => `"${i.label}"`).join(', ')} ticked or waived; ${have} ${have === 1 ? 'is' : 'are'}.`,
        line: section.line,
        column: section.column,
      });
    }
    return out;
  },
};
