/**
 * `ops-status-warning`: rows of the Deployment Assessment or Monitoring
 * Checklist tables with the status ⚠️ are reported as warnings.
 *
 * Fails: `| Config management | ⚠️ | env vars pending |`
 * Message: `"Config management" in "Deployment Assessment" is ⚠️. Resolve it or explain in Notes why it is acceptable.`
 */
import {
  FAILED,
  STATUS_TABLES,
  TEMPLATE_CHOICES,
  WARNED,
  operationsReview,
  reviewTables,
} from './operations-review.js';
import { at, type PullRequestRule, type RawFinding } from './rule.js';

export const opsStatusWarning: PullRequestRule = {
  id: 'ops-status-warning',
  target: 'pull-request',
  title: 'No Operations Review status is ⚠️',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const { name, table } of reviewTables(doc, STATUS_TABLES)) {
      for (const row of table.rows) {
        const status = row.cells.get('status') ?? '';
        if (!WARNED.test(status) || FAILED.test(status) || TEMPLATE_CHOICES.test(status)) continue;
        out.push(
          at(row, `"${row.values[0] ?? ''}" in "${name}" is ⚠️. Resolve it or explain in Notes why it is acceptable.`),
        );
      }
    }
    return out;
  },
};
