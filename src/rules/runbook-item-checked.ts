/**
 * `runbook-item-checked`: each checklist item configured for a runbook
 * section is ticked or waived with a reason, and a section's policy
 * (`any`, `{at-least: N}`) is met, as for the description.
 */
import { CHECKLIST_MESSAGES, checklistProblems, TICK_MESSAGES } from '../model/checklist.js';
import { defineRule } from './rule.js';

const CONFIG = 'runbooks:\n  sections:\n    - name: Escalation\n      items: [Paged on-call, Opened incident]\n';

export const runbookItemChecked = defineRule({
  id: 'runbook-item-checked',
  kind: 'runbook',
  title: 'Every required runbook checklist item is ticked or waived',
  description: 'each checklist item configured for a runbook section is ticked or waived with a reason',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages: { ...TICK_MESSAGES, bareNa: CHECKLIST_MESSAGES.bareNa },
  examples: [
    {
      name: 'an item unticked, another waived without a reason',
      config: CONFIG,
      text: '## Escalation\n- [ ] Paged on-call\n- [ ] Opened incident: N/A\n',
      findings: [
        { at: '2:1', id: 'notTicked', data: { item: 'Paged on-call', section: 'Escalation' } },
        { at: '3:1', id: 'bareNa', data: { item: 'Opened incident' } },
      ],
    },
    {
      name: 'ticked and waived',
      config: CONFIG,
      text: '## Escalation\n- [x] Paged on-call\n- [ ] Opened incident: N/A — a planned change\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    if (!spec.sections.some((s) => s.items.length > 0 || s.policy)) return undefined; // no checklist configured
    const { unchecked, bareNa } = checklistProblems(doc, spec.sections);
    return [...unchecked, ...bareNa];
  },
});
