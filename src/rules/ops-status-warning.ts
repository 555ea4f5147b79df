/**
 * `ops-status-warning`: rows of the Deployment Assessment or Monitoring
 * Checklist tables with the status ⚠️ are reported as warnings.
 *
 * Fails: `| Config management | ⚠️ | env vars pending |`
 * Message: `"Config management" in "Deployment Assessment" is ⚠️. Resolve it or explain in Notes why it is acceptable.`
 */
import { operationsReview, statusRows } from './operations-review.js';
import { at, type PullRequestRule } from './rule.js';

export const opsStatusWarning: PullRequestRule = {
  id: 'ops-status-warning',
  target: 'pull-request',
  title: 'No Operations Review status is ⚠️',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    return statusRows(doc)
      .filter((row) => row.state === 'warned')
      .map((row) =>
        at(row, `"${row.name}" in "${row.table}" is ⚠️. Resolve it or explain in Notes why it is acceptable.`),
      );
  },
};
