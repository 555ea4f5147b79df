/** `section-required`: every configured pull-request section has a heading. */
import { matchSections } from '../model/checklist.js';
import { closest, didYouMean } from '../model/closest.js';
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
      name: 'a near miss is named, at its line',
      text: '## Deployment\n## Monitoring & Alerting\n## Reliability\n## Resources\n',
      findings: [
        '2:1 Missing section "Monitoring". Add a "## Monitoring" heading with its checklist. Did you mean "Monitoring & Alerting" at line 2? If so, add it to the aliases.',
      ],
    },
    {
      name: 'a typo is named too',
      text: '## Deployment\n## Monitoring\n## Reliabilty\n## Resources\n',
      findings: [
        '3:1 Missing section "Reliability". Add a "## Reliability" heading with its checklist. Did you mean "Reliabilty" at line 3? If so, add it to the aliases.',
      ],
    },
    {
      name: 'headings match whatever their level, emoji, shortcodes and trailing colon',
      text: '## Deployment\n## :rocket: Monitoring\n### 🛡️ Reliability:\n# Resources\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    for (const match of matchSections(doc, spec.sections)) {
      if (match.section) continue;
      const what = match.spec.items.length ? ' with its checklist' : '';
      const near = closest(match.spec.name, doc.sections, (s) => s.title);
      out.push({
        message: `Missing section "${match.spec.name}". Add a "## ${match.spec.name}" heading${what}.${didYouMean(near, near?.title)}`,
        line: near?.line ?? 1,
        column: near?.column ?? 1,
      });
    }
    return out;
  },
});
