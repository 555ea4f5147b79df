/** `section-required`: every configured pull-request section has a heading. */
import { matchSections } from '../model/checklist.js';
import type { RawFinding } from '../model/finding.js';
import { defineRule } from './rule.js';

export const sectionRequired = defineRule({
  id: 'section-required',
  kind: 'pull-request',
  title: 'Every required section is present',
  description: 'the description has each required section',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'a section of the checklist is missing',
      text: '## Deployment\n## Monitoring\n## Reliability\n',
      findings: ['1:1 Missing section "Resources". Add a "## Resources" heading with its checklist.'],
    },
    {
      name: 'headings match whatever their level, emoji and trailing colon',
      text: '## Deployment\n## Monitoring\n### 🛡️ Reliability:\n# Resources\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    for (const match of matchSections(doc, spec.sections)) {
      if (match.section) continue;
      const what = match.spec.items.length ? ' with its checklist' : '';
      out.push({
        message: `Missing section "${match.spec.name}". Add a "## ${match.spec.name}" heading${what}.`,
        line: 1,
        column: 1,
      });
    }
    return out;
  },
});
