/** `waiver-reason`: a waived item gives its reason. A bare `N/A` says nothing a reviewer can check. */
import { CHECKLIST_MESSAGES, checklistProblems } from '../model/checklist.js';
import { defineRule } from './rule.js';

export const waiverReason = defineRule({
  id: 'waiver-reason',
  kind: 'pull-request',
  title: 'Every waiver gives a reason',
  description: 'a waiver says why',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages: { bareNa: CHECKLIST_MESSAGES.bareNa },
  examples: [
    {
      name: 'a bare N/A',
      text: '## Deployment\n- [ ] **Feature Flags**: N/A\n',
      findings: [{ at: '2:1', id: 'bareNa', data: { item: 'Feature Flags' } }],
    },
    {
      name: 'a reason that says nothing: TBD, a dash, "to be added"',
      text: '## Deployment\n- [ ] **Feature Flags**: N/A — TBD\n- [ ] **Database Migrations**: N/A: to be added\n',
      findings: [
        { at: '2:1', id: 'bareNa', data: { item: 'Feature Flags' } },
        { at: '3:1', id: 'bareNa', data: { item: 'Database Migrations' } },
      ],
    },
    {
      name: 'N/A with a reason',
      text: '## Deployment\n- [ ] **Feature Flags**: N/A — config-only change\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    return checklistProblems(doc, spec.sections).bareNa;
  },
});
