/**
 * `item-checked`: required checklist items are ticked, or waived: left
 * unticked with `N/A` and a reason (`- [ ] **Feature Flags**: N/A — config-only change`).
 * Under `any` or `{at-least: N}` policies, enough of the section's items are
 * ticked (a waiver does not count there). A section with a policy and no
 * configured items applies it to every box in it.
 */
import { checklistProblems } from '../model/checklist.js';
import { defineRule } from './rule.js';

export const itemChecked = defineRule({
  id: 'item-checked',
  kind: 'pull-request',
  title: 'Every required checklist item is ticked or waived',
  description:
    'each required item is ticked or waived; `any`/`at-least` policies count ticks only; a policy without items covers every box',
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
      name: 'N/A later in the text is not a waiver',
      text: '## Reliability\n- [ ] **Timeouts**: TODO, ask whether the N/A path needs one\n',
      findings: [
        '2:1 "Timeouts" in "Reliability" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
      ],
    },
    {
      name: 'under `any`, a waiver is not a tick',
      config: 'extends: none\npull-request:\n  sections:\n    - {name: Testing, policy: any, items: [Unit, Load]}\n',
      text: '## Testing\n- [ ] **Unit**: N/A — no code\n- [ ] **Load**\n',
      findings: ['1:1 "Testing" needs at least 1 of "Unit", "Load" ticked; 0 are.'],
    },
    {
      name: 'a policy without items covers every box',
      config: 'extends: none\npull-request:\n  sections:\n    - {name: Checklist, policy: all}\n',
      text: '## Checklist\n- [x] I ran the tests\n- [ ] I updated the docs\n',
      findings: [
        '3:1 "I updated the docs" in "Checklist" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
      ],
    },
    {
      name: 'ticked, or waived with a reason',
      text: '## Monitoring\n- [x] **Metrics**: p99 latency\n- [ ] **Alerts**: N/A — a batch job; the scheduler pages\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    return checklistProblems(doc, spec.sections).unchecked;
  },
});
