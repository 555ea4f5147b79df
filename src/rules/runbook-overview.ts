/**
 * `runbook-overview`: the Overview fills in `**Purpose**`, `**Risk Level**`
 * (Low, Medium or High) and `**Estimated Duration**`. A value left as a
 * template placeholder (`[Time]`) is reported by `runbook-placeholder`.
 *
 * Fails: `- **Risk Level**: Low/Medium/High`
 * Message: `"Risk Level" is "Low/Medium/High". Write one of Low, Medium or High.`
 */
import { RUNBOOK_SECTIONS } from '../presets/devops.js';
import { headingKey } from '../markdown/heading.js';
import { at, type RawFinding, type RunbookRule } from './rule.js';
import { fieldIn, templateSection, unfilled } from './runbook-template.js';

const FIELDS = ['Purpose', 'Risk Level', 'Estimated Duration'] as const;
const RISK_LEVELS = ['low', 'medium', 'high'];

export const runbookOverview: RunbookRule = {
  id: 'runbook-overview',
  target: 'runbook',
  title: 'The Overview gives purpose, risk level and duration',
  check({ doc, config }) {
    const overview = templateSection(doc, config, RUNBOOK_SECTIONS.overview);
    if (!overview) return undefined;
    const out: RawFinding[] = [];
    for (const name of FIELDS) {
      const field = fieldIn(doc, overview, name);
      if (!field) {
        out.push(at(overview, `The Overview has no "**${name}**:" field. Add "- **${name}**: …".`));
      } else if (field.value === '') {
        out.push(at(field, `"${name}" is empty. Write the value after "**${name}**:".`));
      } else if (name === 'Risk Level' && !RISK_LEVELS.includes(headingKey(field.value)) && !unfilled(field.value)) {
        out.push(at(field, `"Risk Level" is "${field.value}". Write one of Low, Medium or High.`));
      }
    }
    return out;
  },
};
