/**
 * `item-checked`: required checklist items are ticked, or waived: left
 * unticked with `N/A` and a reason (`- [ ] **Feature Flags**: N/A — config-only change`).
 * Under `any` or `{at-least: N}` policies, enough of the section's items are
 * ticked (a waiver does not count there); under `one`, exactly one, as for
 * a Yes / No question. A section with a policy and no configured items
 * applies it to every box in it (under `one`, to its outermost boxes: a box
 * nested under an answer is a follow-up to it, not another answer).
 */
import { checklistProblems, TICK_MESSAGES } from '../model/checklist.js';
import { defineRule } from './rule.js';

export const itemChecked = defineRule({
  id: 'item-checked',
  kind: 'pull-request',
  title: 'Every required checklist item is ticked or waived',
  description:
    'each required item is ticked or waived; `any`/`one`/`at-least` policies count ticks only; a policy without items covers every box',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages: TICK_MESSAGES,
  examples: [
    {
      name: 'an item is left unticked',
      text: '## Monitoring\n- [x] **Metrics**: p99 latency\n- [ ] **Alerts**: Are failure conditions alerted?\n',
      findings: [{ at: '3:1', id: 'notTicked', data: { item: 'Alerts', section: 'Monitoring' } }],
    },
    {
      name: 'N/A later in the text is not a waiver',
      text: '## Reliability\n- [ ] **Timeouts**: TODO, ask whether the N/A path needs one\n',
      findings: [{ at: '2:1', id: 'notTicked', data: { item: 'Timeouts', section: 'Reliability' } }],
    },
    {
      name: 'under `any`, a waiver is not a tick',
      config: 'extends: none\npull-request:\n  sections:\n    - {name: Testing, policy: any, items: [Unit, Load]}\n',
      text: '## Testing\n- [ ] **Unit**: N/A — no code\n- [ ] **Load**\n',
      findings: [
        { at: '1:1', id: 'tooFew', data: { section: 'Testing', need: '1', of: '"Unit", "Load"', have: '0 are' } },
      ],
    },
    {
      name: 'a policy without items covers every box',
      config: 'extends: none\npull-request:\n  sections:\n    - {name: Checklist, policy: all}\n',
      text: '## Checklist\n- [x] I ran the tests\n- [ ] I updated the docs\n',
      findings: [{ at: '3:1', id: 'notTicked', data: { item: 'I updated the docs', section: 'Checklist' } }],
    },
    {
      name: 'an answer group: both answers ticked, or none',
      config:
        "extends: none\npull-request:\n  sections:\n    - {name: Breaking changes, policy: one}\n    - {name: Catalog upgrade, policy: one, items: ['No', 'Yes']}\n",
      text: '#### Breaking changes\n- [x] No Breaking changes\n- [x] There are breaking changes:\n  - [ ] Change in error code\n\n#### Catalog upgrade\n- [ ] No\n- [ ] Yes\n  - [x] Updated docs with SQL for downgrading\n',
      findings: [
        {
          at: '3:1',
          id: 'tooMany',
          data: {
            section: 'Breaking changes',
            count: '2',
            ticked: '"No Breaking changes", "There are breaking changes:"',
          },
        },
        { at: '6:1', id: 'noneOfOne', data: { section: 'Catalog upgrade', of: '"No", "Yes"' } },
      ],
    },
    {
      name: 'one answer, a follow-up under it',
      config:
        "extends: none\npull-request:\n  sections:\n    - {name: Catalog upgrade, policy: one, items: ['No', 'Yes']}\n",
      text: '#### Catalog upgrade\n- [ ] No\n- [x] Yes\n  - [x] Updated docs with SQL for downgrading\n',
      findings: [],
    },
    {
      name: "ticked, or waived with a reason (after the label's own parenthetical too)",
      text: '## Monitoring\n- [x] **Metrics**: p99 latency\n- [ ] **Alerts**: N/A — a batch job; the scheduler pages\n- [ ] **Dashboards** (if needed): N/A — dev only\n- [x] **Logging**\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    return checklistProblems(doc, spec.sections).unchecked;
  },
});
