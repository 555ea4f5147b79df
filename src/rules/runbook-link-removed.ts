/**
 * `runbook-link-removed`: no runbook links a file the pull request removes
 * or renames. Teams keep shared procedures (failover, escalation) that many
 * runbooks link; renaming one breaks them all, in files nobody touched. The
 * run finds the runbooks that mention the file and reads them.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { linkedPath, whereItWent } from '../model/removed.js';
import { defineRule } from './rule.js';

const messages = {
  removed:
    'This runbook links {{path}}, which this pull request {{what}}: a reader following it gets a dead link. {{instead}}.',
};
const say = sayer(messages);

const RENAMED = {
  changedFiles: {
    files: [{ path: 'docs/procedures/failover-v2.md', previous: 'docs/procedures/failover.md' }],
    truncated: false,
    total: 1,
  },
};

export const runbookLinkRemoved = defineRule({
  id: 'runbook-link-removed',
  kind: 'runbook',
  title: 'No runbook links a file the pull request removes',
  description:
    'a runbook, changed or not, with a link (relative, from the root, or a GitHub URL to this repository) to a file the pull request removes or renames',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'a shared procedure renamed: a runbook that links it by a relative path',
      path: 'docs/runbooks/payments-down.md',
      pullRequest: RENAMED,
      text: '# Payments down\n\nFail over as [the procedure](../procedures/failover.md#steps) says.\n',
      findings: [
        {
          at: '3:14',
          id: 'removed',
          data: {
            path: 'docs/procedures/failover.md',
            what: 'renames to docs/procedures/failover-v2.md',
            instead: 'Link docs/procedures/failover-v2.md',
          },
        },
      ],
    },
    {
      name: 'a reference-style link, as GitHub renders it from the definition; brackets with no definition are text',
      path: 'docs/runbooks/payments-down.md',
      pullRequest: RENAMED,
      text: '# Payments down\n\nFail over as [the procedure][failover] says, not as [the old note] did.\n\n[failover]: ../procedures/failover.md\n',
      findings: [
        {
          at: '3:14',
          id: 'removed',
          data: {
            path: 'docs/procedures/failover.md',
            what: 'renames to docs/procedures/failover-v2.md',
            instead: 'Link docs/procedures/failover-v2.md',
          },
        },
      ],
    },
    {
      name: 'links to the renamed file by its new name, to a page of the same name elsewhere, and to another host',
      path: 'docs/runbooks/payments-down.md',
      pullRequest: RENAMED,
      text: '# Payments down\n\nSee [failover](../procedures/failover-v2.md), [old notes](failover.md) and [the wiki](https://wiki.example.com/docs/procedures/failover.md).\n',
      findings: [],
    },
  ],
  check({ doc, path, removed, repository }) {
    if (!removed || removed.size === 0) return undefined;
    const out: RawFinding[] = [];
    for (const ref of doc.references) {
      if (ref.kind !== 'link') continue;
      const target = linkedPath(ref.target, path, repository);
      const gone = target === undefined ? undefined : removed.get(target.toLowerCase());
      if (!gone) continue;
      out.push({
        message: say('removed', { path: gone.path, ...whereItWent(gone) }),
        line: ref.line,
        column: ref.column,
      });
    }
    return out;
  },
});
