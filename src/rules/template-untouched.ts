/**
 * `template-untouched`: the description is more than the repository's
 * pull-request template as it was: some line of it is the author's, or a
 * box is ticked. A template of comments and instructions alone (nothing to
 * fill in, so no other rule asks for anything) left as it was, or deleted
 * to nothing, describes nothing: a reviewer's first question, "is this
 * still the template?", answered for them.
 */
import { sayer } from '../model/messages.js';
import { onlyTemplate } from '../model/template.js';
import { defineRule } from './rule.js';

const TEMPLATE =
  '<!--\n    Please give your PR a title in the form "area: short description".\n\n    If your PR is to fix an issue, put "Fixes #issue-number" in the description.\n -->\n';

const messages = {
  untouched:
    "The description holds only the pull-request template ({{template}}): nothing of the author's is written. Say what the change does and why.",
};
const say = sayer(messages);

export const templateUntouched = defineRule({
  id: 'template-untouched',
  kind: 'pull-request',
  title: 'The description is more than the template',
  description: "the description holds something of the author's, not only the repository's pull-request template",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a template of comments alone, left as it was',
      template: TEMPLATE,
      text: TEMPLATE,
      findings: [{ at: '1:1', id: 'untouched', data: { template: '.github/pull_request_template.md' } }],
    },
    {
      name: 'instructions left, and nothing else',
      template:
        '**Before submitting a pull request,** please make sure the following is done:\n\n1. Run `yarn test`.\n2. Run `yarn lint`.\n',
      text: '**Before submitting a pull request,** please make sure the following is done:\n\n1. Run `yarn test`.\n2. Run `yarn lint`.\n',
      findings: [{ at: '1:1', id: 'untouched', data: { template: '.github/pull_request_template.md' } }],
    },
    {
      name: 'a line of the author’s under the template’s comments',
      template: TEMPLATE,
      text: `${TEMPLATE}\ntsdb: compaction no longer blocks head appends. Fixes #14210.\n`,
      findings: [],
    },
  ],
  check({ doc, template }) {
    if (!template) return undefined;
    return onlyTemplate(template, doc)
      ? [{ message: say('untouched', { template: template.file.path }), line: 1, column: 1 }]
      : [];
  },
});
