/**
 * `when-unevaluated`: a `when` entry that needs a fact the adapter was not
 * given (the CLI without `--changed-files`, say) is reported, never passed
 * or failed in silence.
 */
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  unevaluated: '"{{entry}}" was not evaluated: it needs {{needs}}.',
  approvalsInCli: '"{{entry}}" matched and needs {{approvals}} approvals, which only the action checks.',
};
const say = sayer(messages);

export const whenUnevaluated = defineRule({
  id: 'when-unevaluated',
  kind: 'pull-request',
  title: 'Every `when` entry was evaluated',
  description: 'a `when` entry that needs a fact the CLI was not given is reported (a notice)',
  defaultSeverity: { devops: 'notice', none: 'notice' },
  messages,
  examples: [
    {
      name: 'the CLI without --changed-files',
      config:
        "when:\n  - name: Migrations\n    changed-files: ['migrations/**']\n    require: {items: [Database Migrations]}\n",
      text: '## Summary\n',
      findings: [{ at: '1:1', id: 'unevaluated', data: { entry: 'Migrations', needs: '--changed-files' } }],
    },
    {
      name: 'given the changed files',
      config:
        "when:\n  - name: Migrations\n    changed-files: ['migrations/**']\n    require: {items: [Database Migrations]}\n",
      text: '## Summary\n',
      pullRequest: { changedFiles: { files: [], truncated: false, total: 0 } },
      findings: [],
    },
  ],
  check({ spec, when, pullRequest }) {
    if (spec.when.length === 0) return undefined;
    const unevaluated = when.unevaluated.map(({ entry, needs }) => ({
      message: say('unevaluated', { entry: entry.name, needs: needs.join(', ') }),
      line: 1,
      column: 1,
    }));
    const approvals = pullRequest.approvals
      ? []
      : when.matched
          .filter((m) => m.entry.require.approvals > 0)
          .map((m) => ({
            message: say('approvalsInCli', { entry: m.entry.name, approvals: m.entry.require.approvals }),
            line: 1,
            column: 1,
          }));
    return [...unevaluated, ...approvals];
  },
});
