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
import { defineRule } from './rule.js';

const FIELDS = ['Purpose', 'Risk Level', 'Estimated Duration'] as const;
const RISK_LEVELS = ['low', 'medium', 'high'];

export const runbookOverview = defineRule({
  id: 'runbook-overview',
  kind: 'runbook',
  title: 'The Overview gives purpose, risk level and duration',
  description: 'Purpose, Risk Level (Low/Medium/High), Estimated Duration are filled',
  defaultSeverity: { devops: 'error', none: 'off' },
  examples: [
    {
      name: "the risk level still reads the template's choices",
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low/Medium/High\n- **Estimated Duration**: 20 minutes\n',
      findings: ['3:3 "Risk Level" is "Low/Medium/High". Write one of Low, Medium or High.'],
    },
    {
      name: 'a field is missing',
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low\n',
      findings: ['1:1 The Overview has no "**Estimated Duration**:" field. Add "- **Estimated Duration**: …".'],
    },
    {
      name: 'a field given twice',
      text: '## Overview\n- **Purpose**: Rotate the TLS certificates\n- **Risk Level**: Low\n- **Estimated Duration**: 20 minutes\n\n<details>\n\n**Risk Level**: High\n\n</details>\n',
      findings: [
        '8:1 "Risk Level" is given twice (lines 3 and 8). Keep one, so that the gate and a reviewer read the same value.',
      ],
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
        out.push(
          at(
            second,
            `"${name}" is given twice (lines ${first.line} and ${second.line}). Keep one, so that the gate and a reviewer read the same value.`,
          ),
        );
      }
      const field = fieldIn(doc, overview, name);
      if (!field) {
        out.push(at(overview, `The Overview has no "**${name}**:" field. Add "- **${name}**: …".`));
      } else if (field.value === '') {
        out.push(at(field, `"${name}" is empty. Write the value after "**${name}**:".`));
      } else if (name === 'Risk Level' && !RISK_LEVELS.includes(headingKey(field.value)) && !nearEmpty(field.value)) {
        out.push(at(field, `"Risk Level" is "${field.value}". Write one of Low, Medium or High.`));
      }
    }
    return out;
  },
});
