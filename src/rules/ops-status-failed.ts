/**
 * `ops-status-failed`: no row of the Deployment Assessment or Monitoring
 * Checklist tables has the status ❌.
 *
 * Fails: `| Rollback plan | ❌ | none yet |`
 * Message: `"Rollback plan" in "Deployment Assessment" is ❌. Fix it and set the status to ✅.`
 */
import { FAILED, STATUS_TABLES, TEMPLATE_CHOICES, operationsReview, reviewTables } from './operations-review.js';
import { at, type PullRequestRule, type RawFinding } from './rule.js';

export const opsStatusFailed: PullRequestRule = {
  id: 'ops-status-failed',
  target: 'pull-request',
  title: 'No Operations Review status is ❌',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const { name, table } of reviewTables(doc, STATUS_TABLES)) {
      for (const row of table.rows) {
        const status = row.cells.get('status') ?? '';
        if (!FAILED.test(status) || TEMPLATE_CHOICES.test(status)) continue;
        out.push(at(row, `"${row.values[0] ?? ''}" in "${name}" is ❌. Fix it and set the status to ✅.`));
      }
    }
    return out;
  },
};
