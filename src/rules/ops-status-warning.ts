/** `ops-status-warning`: rows of the Deployment Assessment or Monitoring Checklist tables with the status ⚠️. */
import { at } from '../model/finding.js';
import { operationsReview, statusRows } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  warned: '"{{aspect}}" in "{{table}}" is ⚠️. Resolve it or explain in Notes why it is acceptable.',
};
const say = sayer(messages);

export const opsStatusWarning = defineRule({
  id: 'ops-status-warning',
  kind: 'pull-request',
  title: 'No Operations Review status is ⚠️',
  description: '⚠️ in the Deployment Assessment and Monitoring Checklist tables',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'an aspect with a warning',
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Config management | ⚠️ | env vars pending |\n',
      findings: [{ at: '5:1', id: 'warned', data: { aspect: 'Config management', table: 'Deployment Assessment' } }],
    },
    {
      name: 'every aspect ✅',
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Config management | ✅ | from the ConfigMap |\n',
      findings: [],
    },
  ],
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    return statusRows(doc)
      .filter((row) => row.state === 'warned')
      .map((row) => at(row, say('warned', { aspect: row.name, table: row.table })));
  },
});
