/** `runbook-item-required`: each checklist item configured for a runbook section is in it (`runbooks.sections[].items`). */
import { CHECKLIST_MESSAGES, checklistProblems } from '../model/checklist.js';
import { defineRule } from './rule.js';

const CONFIG = 'runbooks:\n  sections:\n    - name: Escalation\n      items: [Paged on-call, Opened incident]\n';

export const runbookItemRequired = defineRule({
  id: 'runbook-item-required',
  kind: 'runbook',
  title: 'Every required runbook checklist item is present',
  description: 'each checklist item configured for a runbook section is there',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages: { missingItem: CHECKLIST_MESSAGES.missingItem },
  examples: [
    {
      name: 'an item left out',
      config: CONFIG,
      text: '## Escalation\n- [ ] Paged on-call\n',
      findings: [
        { at: '1:1', id: 'missingItem', data: { item: 'Opened incident', section: 'Escalation', suggestion: '' } },
      ],
    },
    {
      name: 'both there',
      config: CONFIG,
      text: '## Escalation\n- [ ] Paged on-call\n- [ ] Opened incident\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    if (!spec.sections.some((s) => s.items.length > 0 || s.policy)) return undefined; // no checklist configured
    return checklistProblems(doc, spec.sections).missing;
  },
});
