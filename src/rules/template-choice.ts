/**
 * `template-choice`: a question the repository's pull-request template asks
 * with its options inline, `(yes / no / don't know)`, is answered: the
 * description's line for it no longer offers every option; and of the
 * paragraphs it offers to pick one of, with `(or)` between them ("This
 * change is a trivial rework … (or) … covered by existing tests … (or) …
 * added tests"), one is left. Left as the template wrote it, the question
 * is unanswered, whatever else the author wrote; the template is read at
 * the base commit, so the pull request cannot change the question.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { normaliseLine, optionWords } from '../model/template.js';
import { defineRule } from './rule.js';

const TEMPLATE =
  "## Does this pull request potentially affect one of the following parts:\n\n  - Dependencies (does it add or upgrade a dependency): (yes / no)\n  - Anything that affects deployment or recovery: JobManager (and its components), Checkpointing, Kubernetes/Yarn, ZooKeeper: (yes / no / don't know)\n";

const VERIFYING =
  '## Verifying this change\n\n*(Please pick either of the following options)*\n\nThis change is a trivial rework / code cleanup without any test coverage.\n\n*(or)*\n\nThis change is already covered by existing tests, such as *(please describe tests)*.\n\n*(or)*\n\nThis change added tests and can be verified as follows:\n';

const messages = {
  unanswered: '"{{question}}" still offers every answer the template does ({{options}}). Keep the one that is true.',
  alternatives:
    '"{{section}}" still holds {{count}} of the options the template offers to pick one of ("{{first}}…", "{{second}}…"). Keep the one that is true.',
};
const say = sayer(messages);

export const templateChoice = defineRule({
  id: 'template-choice',
  kind: 'pull-request',
  title: 'Every question the template asks with options is answered',
  description:
    "a question the repository's pull-request template asks with inline options, `(yes / no / don't know)`, no longer offers them all",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'an option list left as the template wrote it, and one answered',
      template: TEMPLATE,
      text: TEMPLATE.replace('dependency): (yes / no)', 'dependency): no'),
      findings: [
        {
          at: '4:3',
          id: 'unanswered',
          data: {
            question:
              'Anything that affects deployment or recovery: JobManager (and its components), Checkpointing, Kubernetes/Yarn, ZooKeeper',
            options: "yes / no / don't know",
          },
        },
      ],
    },
    {
      name: 'every alternative left, one of them filled in',
      template: VERIFYING,
      text: VERIFYING.replace('such as *(please describe tests)*', 'such as CheckpointCoordinatorTest'),
      findings: [
        {
          at: '1:1',
          id: 'alternatives',
          data: {
            section: 'Verifying this change',
            count: 3,
            first: 'this change is a trivial rework',
            second: 'this change is already covered by',
          },
        },
      ],
    },
    {
      name: 'one alternative kept, and written',
      template: VERIFYING,
      text: '## Verifying this change\n\n*(Please pick either of the following options)*\n\nThis change is already covered by existing tests, such as CheckpointCoordinatorTest.\n',
      findings: [],
    },
    {
      name: 'every question answered, one of them rewritten',
      template: TEMPLATE,
      text: '## Does this pull request potentially affect one of the following parts:\n\n  - Dependencies (does it add or upgrade a dependency): no\n  - Anything that affects deployment or recovery: yes, the checkpoint coordinator restarts\n',
      findings: [],
    },
  ],
  check({ doc, template }) {
    if (!template || (template.choices.length === 0 && template.alternatives.length === 0)) return undefined;
    const out: RawFinding[] = [];
    const lines = doc.source.split('\n');
    for (const group of template.alternatives) {
      const section = doc.sections.find((s) => s.key === group.key);
      if (!section) continue;
      const paragraphs = doc.source
        .slice(section.contentStart, section.end)
        .split(/\n\s*\n/)
        .map(optionWords);
      const left = group.options.filter((option) => paragraphs.some((p) => p.startsWith(option)));
      if (left.length < 2) continue;
      out.push({
        message: say('alternatives', { section: group.section, count: left.length, first: left[0]!, second: left[1]! }),
        line: section.line,
        column: section.column,
      });
    }
    for (const choice of template.choices) {
      lines.forEach((raw, i) => {
        if (!normaliseLine(raw).startsWith(choice.question)) return;
        const left = /\(([^()]*)\)/g;
        for (let match = left.exec(raw); match; match = left.exec(raw)) {
          const offered = match[1]!.split('/').map((o) => o.trim().toLowerCase());
          const all = choice.options.every((o) => offered.includes(o.toLowerCase()));
          if (!all) continue;
          const column = raw.search(/\S/) + 1;
          out.push({
            message: say('unanswered', { question: choice.asked, options: choice.options.join(' / ') }),
            line: i + 1,
            column,
          });
          return;
        }
      });
    }
    return out;
  },
});
