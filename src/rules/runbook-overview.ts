/**
 * `runbook-overview`: the Overview fills in `**Purpose**`, `**Risk Level**`
 * (Low, Medium or High) and `**Estimated Duration**`. A value left as a
 * template placeholder (`[Time]`) is reported by `runbook-placeholder`. A
 * field given twice anywhere (a copy in a footnote-like `<details>` block) is
 * an error: the gate and a reviewer could read different values.
 */
import { headingKey } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { nearEmpty } from '../model/near-empty.js';
import { fieldIn, fieldsNamed, RUNBOOK_SECTIONS, templateSection } from '../model/runbook-template.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const FIELDS = ['Purpose', 'Risk Level', 'Estimated Duration'] as const;
const RISK_LEVELS = ['low', 'medium', 'high'];

const messages = {
  twice:
    '"{{field}}" is given twice (lines {{first}} and {{second}}). Keep one, so that the gate and a reviewer read the same value.',
  missing: 'The Overview has no "**{{field}}**:" field. Add "- **{{field}}**: …".',
  empty: '"{{field}}" is empty. Write the value after "**{{field}}**:".',
  riskLevel: '"Risk Level" is "{{value}}". Write one of Low, Medium or High.',
};
const say = sayer(messages);

export const runbookOverview = defineRule({
  id: 'runbook-overview',
  kind: 'runbook',
  title: 'The Overview gives purpose, risk level and duration',
  description: 'Purpose, Risk Level (Low/Medium/High), Estimated Duration are filled',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: "the risk level still reads the template's choices",
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low/Medium/High\n- **Estimated Duration**: 20 minutes\n',
      findings: [{ at: '3:3', id: 'riskLevel', data: { value: 'Low/Medium/High' } }],
    },
    {
      name: 'a field is missing',
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low\n',
      findings: [{ at: '1:1', id: 'missing', data: { field: 'Estimated Duration' } }],
    },
    {
      name: 'a field given twice',
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low\n- **Estimated Duration**: 20 minutes\n\n<details>\n\n**Risk Level**: High\n\n</details>\n',
      findings: [{ at: '8:1', id: 'twice', data: { field: 'Risk Level', first: '3', second: '8' } }],
    },
    {
      name: 'every field filled',
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low\n- **Estimated Duration**: 20 minutes\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    if (!spec.template.builtin) return undefined; // written for the role document's Runbook Template
    const overview = templateSection(doc, spec.sections, RUNBOOK_SECTIONS.overview);
    if (!overview) return undefined;
    const out: RawFinding[] = [];
    for (const name of FIELDS) {
      const [first, second] = fieldsNamed(doc, name);
      if (first && second) {
        out.push(at(second, say('twice', { field: name, first: first.line, second: second.line })));
      }
      const field = fieldIn(doc, overview, name);
      if (!field) {
        out.push(at(overview, say('missing', { field: name })));
      } else if (field.value === '') {
        out.push(at(field, say('empty', { field: name })));
      } else if (name === 'Risk Level' && !RISK_LEVELS.includes(headingKey(field.value)) && !nearEmpty(field.value)) {
        out.push(at(field, say('riskLevel', { value: field.value })));
      }
    }
    return out;
  },
});
