/**
 * `ops-status-unfilled`: Operations Review tables are filled in: a status
 * still reading `✅/⚠️/❌` or `✅/❌`, an empty status, or a risk whose Impact
 * or Likelihood still reads `High/Med/Low`, is an error.
 */
import { headingKey } from '../markdown/heading.js';
import { at, gatherOf, NAMES, type RawFinding } from '../model/finding.js';
import { operationsReview, reviewTables, statusRows } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const LEVEL_CHOICES = /\b(high|med|medium|low)\s*\/\s*(high|med|medium|low)\b/i;

const messages = {
  template: '"{{aspect}}" in "{{table}}" still has the template\'s status "{{status}}". Pick one.',
  templateTogether: 'Still the template\'s status "{{status}}" in "{{table}}": {{names}}. Pick one for each.',
  none: '"{{aspect}}" in "{{table}}" has no status. Set ✅, ⚠️ or ❌.',
  riskLevel: '"{{risk}}" in "{{table}}" still has the template\'s {{column}} "{{value}}". Pick High, Med or Low.',
  riskLevelTogether: 'Still the template\'s "High/Med/Low" in "{{table}}": {{names}}. Pick High, Med or Low for each.',
};
const say = sayer(messages);

export const opsStatusUnfilled = defineRule({
  id: 'ops-status-unfilled',
  kind: 'pull-request',
  title: 'Every Operations Review status is filled in',
  description: 'statuses still reading `✅/⚠️/❌`, empty statuses, risks still `High/Med/Low`',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: "the template's choices are still there",
      text: '## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n| Zero-downtime | ✅/⚠️/❌ | [notes] |\n',
      findings: [
        {
          at: '5:1',
          id: 'template',
          data: { aspect: 'Zero-downtime', table: 'Deployment Assessment', status: '✅/⚠️/❌' },
        },
      ],
    },
    {
      name: 'a risk level left as the choices',
      text: '## Operations Review\n### Operational Risks\n| Risk | Impact | Likelihood | Mitigation |\n|---|---|---|---|\n| Cache stampede | High/Med/Low | Low | request coalescing |\n',
      findings: [
        {
          at: '5:1',
          id: 'riskLevel',
          data: { risk: 'Cache stampede', table: 'Operational Risks', column: 'impact', value: 'High/Med/Low' },
        },
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
      const where = { aspect: row.name, table: row.table };
      if (row.state === 'template') {
        const status = row.status ?? '';
        out.push({
          ...at(row, say('template', { ...where, status })),
          gather: gatherOf(
            `template\0${row.table}\0${status}`,
            row.name,
            say('templateTogether', { table: row.table, status, names: NAMES }),
          ),
        });
      } else if (row.state === 'none') {
        out.push(at(row, say('none', where)));
      }
    }
    for (const { name, table } of reviewTables(doc, ['Operational Risks'])) {
      for (const row of table.rows) {
        for (const column of ['impact', 'likelihood']) {
          const value = row.cells.get(column);
          if (value === undefined || !LEVEL_CHOICES.test(value)) continue;
          const risk = row.values[0] ?? '';
          const said = say('riskLevel', { risk, table: name, column: headingKey(column), value });
          // Only the template's own "High/Med/Low" is said together: another unpicked list is named in full.
          out.push(
            value === 'High/Med/Low'
              ? {
                  ...at(row, said),
                  gather: gatherOf(
                    `riskLevel\0${name}`,
                    `${risk}, ${headingKey(column)}`,
                    say('riskLevelTogether', { table: name, names: NAMES }),
                  ),
                }
              : at(row, said),
          );
        }
      }
    }
    return out;
  },
});
