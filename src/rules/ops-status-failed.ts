/**
 * `ops-status-failed`: no row of the Deployment Assessment or Monitoring
 * Checklist tables has the status ❌.
 *
 * Fails: `| Rollback plan | ❌ | none yet |`
 * Message: `"Rollback plan" in "Deployment Assessment" is ❌. Fix it and set the status to ✅.`
 */
import { operationsReview, statusRows } from './operations-review.js';
import { at, type PullRequestRule } from './rule.js';

export const opsStatusFailed: PullRequestRule = {
  id: 'ops-status-failed',
  target: 'pull-request',
  title: 'No Operations Review status is ❌',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    return statusRows(doc)
      .filter((row) => row.state === 'failed')
      .map((row) => at(row, `"${row.name}" in "${row.table}" is ❌. Fix it and set the status to ✅.`));
  },
};
