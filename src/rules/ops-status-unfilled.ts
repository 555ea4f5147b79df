/**
 * `ops-status-unfilled`: Operations Review tables are filled in: a status
 * still reading `✅/⚠️/❌` or `✅/❌`, an empty status, or a risk whose Impact
 * or Likelihood still reads `High/Med/Low`, is an error.
 */
import { headingKey } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { operationsReview, reviewTables, statusRows } from '../model/operations-review.js';
import { defineRule } from './rule.js';

const LEVEL_CHOICES = /\b(high|med|medium|low)\s*\/\s*(high|med|medium|low)\b/i;

export const opsStatusUnfilled = defineRule({
  id: 'ops-status-unfilled',
  kind: 'pull-request',
  title: 'Every Operations Review status is filled in',
  description: 'statuses still reading `✅/⚠️/❌`, empty statuses, risks still `High/Med/Low`',
  defaultSeverity: { devops: 'error', none: 'off' },
  examples: [
    {
      name: "the template's choices are still there",
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Zero-downtime | ✅/⚠️/❌ | [notes] |\n',
      findings: [
        '5:1 "Zero-downtime" in "Deployment Assessment" still has the template\'s status "✅/⚠️/❌". Pick one.',
      ],
    },
    {
      name: 'a risk level left as the choices',
      text: '## Operations Review\n### Operational Risks\n| Risk | Impact | Likelihood | Mitigation |\n|---|---|---|---|\n| Cache stampede | High/Med/Low | Low | request coalescing |\n',
      findings: [
        '5:1 "Cache stampede" in "Operational Risks" still has the template\'s impact "High/Med/Low". Pick High, Med or Low.',
      ],
    },
    {
      name: 'statuses chosen',
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Zero-downtime | ✅ | rolling update |\n',
      findings: [],
    },
  ],
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
});
