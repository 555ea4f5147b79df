/**
 * `runbook-orphan`: in an audit of a whole repository's alerts (the CLI
 * with an `alerts` section and no files named), a runbook in a folder of
 * alert runbooks that no alert links: written for an alert since renamed or
 * removed, or never wired up, so on-call never reaches it from a page.
 */
import { folderOf } from '../model/paths.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  orphan:
    'No alert links this runbook, though alerts link others in {{folder}}: on-call never reaches it from a page. Link it from the alert it was written for (its runbook_url), or remove it.',
};
const say = sayer(messages);

export const runbookOrphan = defineRule({
  id: 'runbook-orphan',
  kind: 'runbook',
  title: 'Every alert runbook is linked by an alert',
  description:
    "in an audit of the repository's alerts (`readiness-gate check` with an `alerts` section and no files), a runbook beside those alerts link that no alert links",
  defaultSeverity: { devops: 'notice', none: 'off' },
  messages,
  examples: [
    {
      name: 'a runbook beside alert runbooks that no alert links',
      path: 'docs/runbooks/payments-slow.md',
      alertRunbooks: ['docs/runbooks/payments-down.md'],
      text: '# Payments slow\n',
      findings: [{ at: '1:1', id: 'orphan', data: { folder: 'docs/runbooks' } }],
    },
    {
      name: 'a runbook an alert links, whatever the case of its name, and one in a folder no alert links into',
      path: 'docs/runbooks/Payments-Down.md',
      alertRunbooks: ['docs/runbooks/payments-down.md', 'docs/guides/x.md'],
      text: '# Payments down\n',
      findings: [],
    },
  ],
  check({ path, alertRunbooks }) {
    if (!alertRunbooks) return undefined;
    if (alertRunbooks.has(path.toLowerCase())) return [];
    const folder = folderOf(path).toLowerCase();
    if (![...alertRunbooks].some((p) => folderOf(p) === folder)) return [];
    return [
      {
        message: say('orphan', { folder: folderOf(path) || 'the repository root' }),
        line: 1,
        column: 1,
      },
    ];
  },
});
