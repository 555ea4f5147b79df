/** `runbook-exists`: every runbook the description links exists in the repository (at the pull request's head). */
import type { RawFinding } from '../model/finding.js';
import { closestPath } from '../model/closest.js';
import { readRunbookLinks } from '../model/runbook-links.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  missing: 'Linked runbook "{{path}}" does not exist. Add the file in this pull request or fix the link.',
  nearest:
    'Linked runbook "{{path}}" does not exist; "{{nearest}}" does. Fix the link, or add the file in this pull request.',
};
const say = sayer(messages);

export const runbookExists = defineRule({
  id: 'runbook-exists',
  kind: 'pull-request',
  title: 'Every linked runbook exists',
  description: 'every linked runbook exists at the head commit',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'the linked file is not there',
      text: '## Runbook\n[Deploy](docs/runbooks/missing.md)\n',
      findings: [{ at: '2:1', id: 'missing', data: { path: 'docs/runbooks/missing.md' } }],
    },
    {
      name: 'a link one letter off a file the pull request adds',
      text: '## Runbook\n[Deploy](docs/runbooks/payment-deploy.md)\n',
      files: { 'docs/runbooks/payments-deploy.md': '# Deploy\n' },
      findings: [
        {
          at: '2:1',
          id: 'nearest',
          data: { path: 'docs/runbooks/payment-deploy.md', nearest: 'docs/runbooks/payments-deploy.md' },
        },
      ],
    },
    {
      name: 'the linked file is there',
      text: '## Runbook\nFollow `docs/runbooks/deploy.md`.\n',
      files: { 'docs/runbooks/deploy.md': '# Deploy\n' },
      findings: [],
    },
  ],
  check({ doc, spec, files, pullRequest }) {
    const { links } = readRunbookLinks(doc, spec.runbook);
    if (links.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const link of links) {
      const file = files.get(link.path);
      // A file that exists but could not be read is reported as unreadable, not as missing.
      if (file?.text !== undefined || file?.unread) continue;
      // The nearest file the gate knows exists: one it read, or one the pull request adds or changes.
      const nearest = closestPath(link.path, existing(files, pullRequest.changedFiles?.files));
      out.push({
        message: nearest ? say('nearest', { path: link.path, nearest }) : say('missing', { path: link.path }),
        line: link.line,
        column: link.column,
      });
    }
    return out;
  },
});

function* existing(
  files: ReadonlyMap<string, { text: string | undefined }>,
  changed: readonly { path: string; removed?: true }[] | undefined,
): Generator<string> {
  for (const [path, file] of files) if (file.text !== undefined) yield path;
  for (const file of changed ?? []) if (!file.removed) yield file.path;
}
