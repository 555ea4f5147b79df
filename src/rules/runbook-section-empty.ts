/**
 * `runbook-section-empty`: no required runbook section is empty or
 * near-empty: a heading followed only by other headings or HTML comments,
 * or by `N/A`, `-`, `To be written.`, `TODO: …`, a placeholder or the
 * template's own placeholders (see `model/near-empty.ts`), is not written.
 */
import { findSection, sectionBody } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { nearEmptyReason, placeholderPattern } from '../model/near-empty.js';
import { defineRule } from './rule.js';

export const runbookSectionEmpty = defineRule({
  id: 'runbook-section-empty',
  kind: 'runbook',
  title: 'No required runbook section is empty',
  description:
    'no required runbook section is empty or near-empty (only headings, comments, `N/A`, `-`, `To be written.`, `TODO: …`, a placeholder)',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'a heading with nothing under it',
      text: '## Rollback Procedure\n<!-- fill in -->\n## Known Issues\nNone known.\n',
      findings: [
        '1:1 Section "Rollback Procedure" is empty. Write its content, or "None known" where that is the truth.',
      ],
    },
    {
      name: 'only a bare N/A, a dash or a note to write it later',
      text: '## Overview\nN/A\n## Rollback Procedure\n...\n## Known Issues\nfixme: list them\n',
      findings: [
        '1:1 Section "Overview" holds only "N/A". Write its content, or "None known" where that is the truth.',
        '3:1 Section "Rollback Procedure" holds only "...". Write its content, or "None known" where that is the truth.',
        '5:1 Section "Known Issues" holds "fixme" first. Write its content, or "None known" where that is the truth.',
      ],
    },
    {
      name: 'content under it, an image, "None known"',
      text: '## Rollback Procedure\n1. `helm rollback api`\n## Verification\n![dashboard](dash.png)\n## Known Issues\nNone known.\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    const own = spec.template.placeholders.map(placeholderPattern);
    for (const wanted of spec.sections) {
      const section = findSection(doc, keysOf(wanted));
      if (!section || wanted.text === 'optional') continue;
      const why = section.hasContent ? nearEmptyReason(sectionBody(doc, section), own) : 'nothing';
      if (why === undefined) continue;
      const what = why === 'nothing' ? 'is empty' : `holds ${why}`;
      out.push(
        at(section, `Section "${wanted.name}" ${what}. Write its content, or "None known" where that is the truth.`),
      );
    }
    return out;
  },
});
