/**
 * `ops-resource-placeholder`: Resource Estimates hold numbers, not the
 * template's `X MB`, `Y%` or `X`.
 *
 * Fails: `| Memory | X MB | Y MB |`
 * Message: `"Memory" in "Resource Estimates" still has the placeholder "X MB" under "Expected". Put the estimate.`
 */
import { operationsReview, reviewTables } from './operations-review.js';
import { at, type PullRequestRule, type RawFinding } from './rule.js';

const PLACEHOLDER = /^[XYN]\s*(%|[KMGTP]i?B|cores?|ops|rps)?$/i;

export const opsResourcePlaceholder: PullRequestRule = {
  id: 'ops-resource-placeholder',
  target: 'pull-request',
  title: 'Resource Estimates are filled in',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const { name, table } of reviewTables(doc, ['Resource Estimates'])) {
      for (const row of table.rows) {
        row.values.forEach((value, i) => {
          if (i === 0 || !PLACEHOLDER.test(value)) return;
          const column = table.header[i] ?? `column ${i + 1}`;
          out.push(
            at(
              row,
              `"${row.values[0] ?? ''}" in "${name}" still has the placeholder "${value}" under "${column}". Put the estimate.`,
            ),
          );
        });
      }
    }
    return out;
  },
};
