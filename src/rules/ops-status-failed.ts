/** `ops-status-failed`: no row of the Deployment Assessment or Monitoring Checklist tables has the status ❌. */
import { at } from '../model/finding.js';
import { operationsReview, statusRows } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  failed: '"{{aspect}}" in "{{table}}" is ❌. Fix it and set the status to ✅.',
};
const say = sayer(messages);

export const opsStatusFailed = defineRule({
  id: 'ops-status-failed',
  kind: 'pull-request',
  title: 'No Operations Review status is ❌',
  description: 'no ❌ in the Deployment Assessment and Monitoring Checklist tables',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a failed aspect',
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Rollback plan | ❌ | none yet |\n',
      findings: [{ at: '5:1', id: 'failed', data: { aspect: 'Rollback plan', table: 'Deployment Assessment' } }],
    },
    {
      name: 'every aspect ✅',
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Rollback plan | ✅ | helm rollback |\n',
      findings: [],
    },
  ],
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    return statusRows(doc)
      .filter((row) => row.state === 'failed')
      .map((row) => at(row, say('failed', { aspect: row.name, table: row.table })));
  },
});
