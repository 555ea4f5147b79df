/**
 * `item-checked`: required checklist items are ticked, or waived: left
 * unticked with `N/A` and a reason (`- [ ] **Feature Flags**: N/A — config-only change`).
 * Under `any` or `{at-least: N}` policies, enough of the section's items are.
 */
import { matchSections, required, satisfied } from '../model/checklist.js';
import type { RawFinding } from '../model/finding.js';
import { defineRule } from './rule.js';

export const itemChecked = defineRule({
  id: 'item-checked',
  kind: 'pull-request',
  title: 'Every required checklist item is ticked or waived',
  description: 'each required item is ticked or waived; `any`/`at-least` policies count ticks',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'an item is left unticked',
      text: '## Monitoring\n- [x] **Metrics**: p99 latency\n- [ ] **Alerts**: Are failure conditions alerted?\n',
      findings: [
        '3:1 "Alerts" in "Monitoring" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
      ],
    },
    {
      name: 'ticked, or waived with a reason',
      text: '## Monitoring\n- [x] **Metrics**: p99 latency\n- [ ] **Alerts**: N/A — a batch job; the scheduler pages\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    for (const { spec: wanted, section, items } of matchSections(doc, spec.sections)) {
      if (!section) continue;
      if (wanted.policy === 'all') {
        for (const match of items) {
          if (!match.item || match.state?.kind !== 'unchecked') continue;
          out.push({
            message: `"${match.label}" in "${wanted.name}" is not ticked. Tick it once done, or write "N/A — reason" after the label.`,
            line: match.item.line,
            column: match.item.column,
          });
        }
        continue;
      }
      const need = required(wanted.policy, items.length);
      const have = items.filter(satisfied).length;
      if (have >= need) continue;
      out.push({
        message: `"${wanted.name}" needs at least ${need} of ${items.map((i) => `"${i.label}"`).join(', ')} ticked or waived; ${have} ${have === 1 ? 'is' : 'are'}.`,
        line: section.line,
        column: section.column,
      });
    }
    return out;
  },
});
