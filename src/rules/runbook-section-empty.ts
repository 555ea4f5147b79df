/** `runbook-section-empty`: no required runbook section is empty: a heading followed only by other headings or HTML comments does not count. */
import { findSection } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { defineRule } from './rule.js';

export const runbookSectionEmpty = defineRule({
  id: 'runbook-section-empty',
  kind: 'runbook',
  title: 'No required runbook section is empty',
  description: 'no required runbook section is empty (a heading followed only by headings or comments)',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'a heading with nothing under it',
      text: '## Rollback Procedure\n<!-- fill in -->\n## Known Issues\nNone known.\n',
      findings: [
        '1:1 Section "Rollback Procedure" is empty. Write its content, or "None known" where that is the truth.',
      ],
    },
    { name: 'content under it', text: '## Rollback Procedure\n1. `helm rollback api`\n', findings: [] },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    for (const wanted of spec.sections) {
      const section = findSection(doc, keysOf(wanted));
      if (!section || section.hasContent) continue;
      out.push(
        at(section, `Section "${wanted.name}" is empty. Write its content, or "None known" where that is the truth.`),
      );
    }
    return out;
  },
});
