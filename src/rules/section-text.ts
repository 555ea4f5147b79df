/**
 * `section-text`: a description section whose text is required holds
 * written text: not empty, not only the template's HTML comments or
 * headings, not a placeholder (`{Please write here}`, `[…]`, `<…>`, the
 * config's `pull-request.placeholders`), not near-empty (`N/A`, `-`, `TBD`,
 * `To be written.`; see `model/near-empty.ts`). A section listed without
 * items requires text unless it says `text: optional`; a checklist section
 * requires it only with `text: required`, and then its boxes are not its
 * text: the prose around them must be written.
 */
import { sectionBody } from '../markdown/document.js';
import { matchSections } from '../model/checklist.js';
import { at, type RawFinding } from '../model/finding.js';
import { nearEmptyReason, placeholderPattern } from '../model/near-empty.js';
import { sayer } from '../model/messages.js';
import { keysOf } from '../markdown/heading.js';
import { authorsLines } from '../model/template.js';
import { defineRule } from './rule.js';

const CONFIG =
  "extends: none\npull-request:\n  sections: [Context, Changes proposed, {name: Deployment Plan, aliases: ['Deployment Plan / Instructions']}]\n";

const messages = {
  empty: 'Section "{{section}}" is empty. Write it: the template\'s comments and headings are not text.',
  template:
    'Section "{{section}}" holds only what the pull-request template wrote ({{template}}). Write it: the template\'s own text is not the author\'s.',
  placeholder: 'Section "{{section}}" holds {{what}}. Write it: the template\'s comments and headings are not text.',
};
const say = sayer(messages);

export const sectionText = defineRule({
  id: 'section-text',
  kind: 'pull-request',
  title: 'Every section that needs text is written',
  description:
    'a description section whose `text` is required (the default without items) holds written text, not only comments, a placeholder or `N/A`',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: "only the template's comments and text left",
      config: CONFIG,
      text: '## Context\n<!-- Why is this change needed? -->\n\n## Changes proposed\n<!-- What does it change? -->\n\n## Deployment Plan / Instructions\n{Please write here}\n',
      findings: [
        { at: '1:1', id: 'empty', data: { section: 'Context' } },
        { at: '4:1', id: 'empty', data: { section: 'Changes proposed' } },
        {
          at: '7:1',
          id: 'placeholder',
          data: { section: 'Deployment Plan', what: 'only the placeholder "{Please write here}"' },
        },
      ],
    },
    {
      name: "near-empty, and the team's own placeholder",
      config: `${CONFIG}  placeholders: ['Describe the change here']\n`,
      text: '## Context\nN/A\n\n## Changes proposed\nDescribe the change here.\n\n## Deployment Plan\nTBD\n',
      findings: [
        { at: '1:1', id: 'placeholder', data: { section: 'Context', what: 'only "N/A"' } },
        {
          at: '4:1',
          id: 'placeholder',
          data: { section: 'Changes proposed', what: 'only the placeholder "Describe the change here"' },
        },
        { at: '7:1', id: 'placeholder', data: { section: 'Deployment Plan', what: 'only "TBD"' } },
      ],
    },
    {
      name: 'a placeholder copied as authors copy it: with its colon, in bold',
      config: `${CONFIG}  placeholders: ['Problem Summary']\n`,
      text: '## Context\n**Problem Summary:**\n\n## Changes proposed\nProblem summary: the pool is too small.\n\n## Deployment Plan\nThe usual pipeline.\n',
      findings: [
        {
          at: '1:1',
          id: 'placeholder',
          data: { section: 'Context', what: 'only the placeholder "Problem Summary"' },
        },
      ],
    },
    {
      name: "the repository's template left as it was, a line of it kept under a written one",
      config: "extends: none\npull-request:\n  sections: ['What is the purpose of the change', 'Brief change log']\n",
      template:
        '## What is the purpose of the change\n\n*(For example: This pull request makes task deployment go through the blob server.)*\n\n## Brief change log\n\n*(for example:)*\n  - *The TaskInfo is stored in the blob store*\n',
      text: '## What is the purpose of the change\n\n*(For example: This pull request makes task deployment go through the blob server.)*\n\n## Brief change log\n\n*(for example:)*\n- Retries read their timeout from the config.\n',
      findings: [
        {
          at: '1:1',
          id: 'template',
          data: { section: 'What is the purpose of the change', template: '.github/pull_request_template.md' },
        },
      ],
    },
    {
      name: 'written, or "None" where that is the answer',
      config: CONFIG,
      text: '## Context\nCheckout times out under load.\n\n## Changes proposed\n- Raise the pool to 20.\n\n## Deployment Plan\nNone: a config change, rolled out by the usual pipeline.\n',
      findings: [],
    },
  ],
  check({ doc, spec, template }) {
    const required = spec.sections.filter((s) => s.text === 'required');
    if (required.length === 0) return undefined;
    const own = spec.placeholders.map(placeholderPattern);
    const out: RawFinding[] = [];
    for (const { spec: wanted, section } of matchSections(doc, spec.sections)) {
      if (!section || wanted.text !== 'required') continue;
      const body = sectionBody(doc, section, { withoutBoxes: true });
      // What the repository's template wrote in the section is not the author's text.
      const written = [section.key, ...keysOf(wanted)].reduce((text, key) => authorsLines(template, key, text), body);
      const why = section.hasContent ? nearEmptyReason(written, own) : 'nothing';
      if (why === undefined) continue;
      const leftAsTemplate = template !== undefined && written !== body && nearEmptyReason(body, own) === undefined;
      out.push(
        at(
          section,
          leftAsTemplate
            ? say('template', { section: wanted.name, template: template.file.path })
            : why === 'nothing'
              ? say('empty', { section: wanted.name })
              : say('placeholder', { section: wanted.name, what: why }),
        ),
      );
    }
    return out;
  },
});
