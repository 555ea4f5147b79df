/**
 * `item-required`: under the `all` policy, each configured checklist item is
 * in its section, found by its bold label (or an alias). A deleted or renamed
 * item is an error, not a silent pass.
 */
import { CHECKLIST_MESSAGES, checklistProblems } from '../model/checklist.js';
import { defineRule } from './rule.js';

export const itemRequired = defineRule({
  id: 'item-required',
  kind: 'pull-request',
  title: 'Every required checklist item is present',
  description: 'each required checklist item is there (a deleted or renamed item fails)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages: { missingItem: CHECKLIST_MESSAGES.missingItem },
  examples: [
    {
      name: 'an item was deleted from its section',
      text: '## Reliability\n- [x] **Health Checks**\n- [x] **Graceful Shutdown**\n- [x] **Circuit Breakers**\n',
      findings: [{ at: '1:1', id: 'missingItem', data: { item: 'Timeouts', section: 'Reliability', suggestion: '' } }],
    },
    {
      name: 'a renamed item is named, at its line',
      text: '## Reliability\n- [x] **Health Checks**\n- [x] **Graceful Shutdown**\n- [x] **Circuit Breakers**\n- [x] **Network timeouts**\n',
      findings: [
        {
          at: '5:1',
          id: 'missingItem',
          data: {
            item: 'Timeouts',
            section: 'Reliability',
            suggestion: ' Did you mean "Network timeouts" at line 5? If so, add it to the aliases.',
          },
        },
      ],
    },
    {
      name: 'every item is there, ticked or not',
      text: '## Reliability\n- [x] **Health Checks**\n- [x] **Graceful Shutdown**\n- [x] **Circuit Breakers**\n- [ ] **Timeouts**\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    return checklistProblems(doc, spec.sections).missing;
  },
});
