/** `section-required`: every configured pull-request section has a heading. */
import { matchSections } from '../model/checklist.js';
import { closest, didYouMean } from '../model/closest.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  missing: 'Missing section "{{section}}". Add a "## {{section}}" heading.{{suggestion}}',
  missingChecklist: 'Missing section "{{section}}". Add a "## {{section}}" heading with its checklist.{{suggestion}}',
};
const say = sayer(messages);

export const sectionRequired = defineRule({
  id: 'section-required',
  kind: 'pull-request',
  title: 'Every required section is present',
  description: 'the description has each required section',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'a section of the checklist is missing',
      text: '## Deployment\n## Monitoring\n## Reliability\n',
      findings: [{ at: '1:1', id: 'missingChecklist', data: { section: 'Resources', suggestion: '' } }],
    },
    {
      name: 'a near miss is named, at its line',
      text: '## Deployment\n## Monitoring & Alerting\n## Reliability\n## Resources\n',
      findings: [
        {
          at: '2:1',
          id: 'missingChecklist',
          data: {
            section: 'Monitoring',
            suggestion: ' Did you mean "Monitoring & Alerting" at line 2? If so, add it to the aliases.',
          },
        },
      ],
    },
    {
      name: 'a typo is named too',
      text: '## Deployment\n## Monitoring\n## Reliabilty\n## Resources\n',
      findings: [
        {
          at: '3:1',
          id: 'missingChecklist',
          data: {
            section: 'Reliability',
            suggestion: ' Did you mean "Reliabilty" at line 3? If so, add it to the aliases.',
          },
        },
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
      const near = closest(match.spec.name, doc.sections, (s) => s.title);
      out.push({
        message: say(match.spec.items.length ? 'missingChecklist' : 'missing', {
          section: match.spec.name,
          suggestion: didYouMean(near, near?.title),
        }),
        line: near?.line ?? 1,
        column: near?.column ?? 1,
      });
    }
    return out;
  },
});
