/**
 * `ops-risk-mitigation`: every Operational Risk with High impact names a
 * mitigation.
 *
 * Fails: `| Cache stampede | High | Med | |`
 * Message: `Risk "Cache stampede" has High impact and no mitigation. Say what reduces or contains it.`
 */
import { headingKey } from '../markdown/heading.js';
import { operationsReview, reviewTables } from './operations-review.js';
import { at, type PullRequestRule, type RawFinding } from './rule.js';

const NO_MITIGATION = new Set(['', 'none', 'tbd', 'todo', 'n a', 'action', 'unknown']);

export const opsRiskMitigation: PullRequestRule = {
  id: 'ops-risk-mitigation',
  target: 'pull-request',
  title: 'Every high-impact risk has a mitigation',
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const { table } of reviewTables(doc, ['Operational Risks'])) {
      for (const row of table.rows) {
        if (headingKey(row.cells.get('impact') ?? '') !== 'high') continue;
        const mitigation = row.cells.get('mitigation') ?? '';
        if (!NO_MITIGATION.has(headingKey(mitigation)) && !/^\[[^\]]*\]$/.test(mitigation)) continue;
        out.push(
          at(row, `Risk "${row.values[0] ?? ''}" has High impact and no mitigation. Say what reduces or contains it.`),
        );
      }
    }
    return out;
  },
};
