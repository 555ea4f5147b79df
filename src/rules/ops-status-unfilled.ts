/**
 * `ops-status-unfilled`: Operations Review tables are filled in: a status
 * still reading `✅/⚠️/❌` or `✅/❌`, an empty status, or a risk whose Impact
 * or Likelihood still reads `High/Med/Low`, is an error.
 *
 * Fails: `| Zero-downtime | ✅/⚠️/❌ | [notes] |`
 * Message: `"Zero-downtime" in "Deployment Assessment" still has the template's status "✅/⚠️/❌". Pick one.`
 */
import { headingKey } from '../markdown/heading.js';
import { operationsReview, reviewTables, statusRows } from './operations-review.js';
import { at, type PullRequestRule, type RawFinding } from './rule.js';

const LEVEL_CHOICES = /\b(high|med|medium|low)\s*\/\s*(high|med|medium|low)\b/i;

export const opsStatusUnfilled: PullRequestRule = {
  id: 'ops-status-unfilled',
  target: 'pull-request',
  title: 'Every Operations Review status is filled in',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const row of statusRows(doc)) {
      const what = `"${row.name}" in "${row.table}"`;
      if (row.state === 'template') {
        out.push(at(row, `${what} still has the template's status "${row.status}". Pick one.`));
      } else if (row.state === 'none') {
        out.push(at(row, `${what} has no status. Set ✅, ⚠️ or ❌.`));
      }
    }
    for (const { name, table } of reviewTables(doc, ['Operational Risks'])) {
      for (const row of table.rows) {
        for (const column of ['impact', 'likelihood']) {
          const value = row.cells.get(column);
          if (value === undefined || !LEVEL_CHOICES.test(value)) continue;
          out.push(
            at(
              row,
              `"${row.values[0] ?? ''}" in "${name}" still has the template's ${headingKey(column)} "${value}". Pick High, Med or Low.`,
            ),
          );
        }
      }
    }
    return out;
  },
};
