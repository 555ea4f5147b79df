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
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  empty: 'Section "{{section}}" is empty. Write its content, or "None known" where that is the truth.',
  placeholder: 'Section "{{section}}" holds {{what}}. Write its content, or "None known" where that is the truth.',
};
const say = sayer(messages);

export const runbookSectionEmpty = defineRule({
  id: 'runbook-section-empty',
  kind: 'runbook',
  title: 'No required runbook section is empty',
  description:
    'no required runbook section is empty or near-empty (only headings, comments, `N/A`, `-`, `To be written.`, `TODO: …`, a placeholder)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'a heading with nothing under it',
      text: '## Rollback Procedure\n<!-- fill in -->\n## Known Issues\nNone known.\n',
      findings: [{ at: '1:1', id: 'empty', data: { section: 'Rollback Procedure' } }],
    },
    {
      name: 'only a bare N/A, a dash or a note to write it later',
      text: '## Overview\nN/A\n## Rollback Procedure\n...\n## Known Issues\nfixme: list them\n',
      findings: [
        { at: '1:1', id: 'placeholder', data: { section: 'Overview', what: 'only "N/A"' } },
        { at: '3:1', id: 'placeholder', data: { section: 'Rollback Procedure', what: 'only "..."' } },
        { at: '5:1', id: 'placeholder', data: { section: 'Known Issues', what: '"fixme" first' } },
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
      out.push(
        at(
          section,
          why === 'nothing'
            ? say('empty', { section: wanted.name })
            : say('placeholder', { section: wanted.name, what: why }),
        ),
      );
    }
    return out;
  },
});
