/** `ops-status-failed`: no row of the Deployment Assessment or Monitoring Checklist tables has the status ❌. */
import { at } from '../model/finding.js';
import { operationsReview, statusRows } from '../model/operations-review.js';
import { defineRule } from './rule.js';

export const opsStatusFailed = defineRule({
  id: 'ops-status-failed',
  kind: 'pull-request',
  title: 'No Operations Review status is ❌',
  description: 'no ❌ in the Deployment Assessment and Monitoring Checklist tables',
  defaultSeverity: { devops: 'error', none: 'off' },
  examples: [
    {
      name: 'a failed aspect',
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Rollback plan | ❌ | none yet |\n',
      findings: ['5:1 "Rollback plan" in "Deployment Assessment" is ❌. Fix it and set the status to ✅.'],
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
      .map((row) => at(row, `"${row.name}" in "${row.table}" is ❌. Fix it and set the status to ✅.`));
  },
});
