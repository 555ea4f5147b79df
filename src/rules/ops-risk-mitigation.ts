/** `ops-risk-mitigation`: every Operational Risk with High impact names a mitigation. */
import { headingKey } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { operationsReview, reviewTables } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const NO_MITIGATION = new Set(['', 'none', 'tbd', 'todo', 'n a', 'action', 'unknown']);

const messages = {
  noMitigation: 'Risk "{{risk}}" has High impact and no mitigation. Say what reduces or contains it.',
};
const say = sayer(messages);

export const opsRiskMitigation = defineRule({
  id: 'ops-risk-mitigation',
  kind: 'pull-request',
  title: 'Every high-impact risk has a mitigation',
  description: 'a High-impact Operational Risk has a mitigation',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a high-impact risk without mitigation',
      text: '## Operations Review\n### Operational Risks\n| Risk | Impact | Likelihood | Mitigation |\n|---|---|---|---|\n| Cache stampede | High | Med | |\n',
      findings: [{ at: '5:1', id: 'noMitigation', data: { risk: 'Cache stampede' } }],
    },
    {
      name: 'mitigated',
      text: '## Operations Review\n### Operational Risks\n| Risk | Impact | Likelihood | Mitigation |\n|---|---|---|---|\n| Cache stampede | High | Med | request coalescing |\n',
      findings: [],
    },
  ],
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const { table } of reviewTables(doc, ['Operational Risks'])) {
      for (const row of table.rows) {
        if (headingKey(row.cells.get('impact') ?? '') !== 'high') continue;
        const mitigation = row.cells.get('mitigation') ?? '';
        if (!NO_MITIGATION.has(headingKey(mitigation)) && !/^\[[^\]]*\]$/.test(mitigation)) continue;
        out.push(at(row, say('noMitigation', { risk: row.values[0] ?? '' })));
      }
    }
    return out;
  },
});
