/** `runbook-exists`: every runbook the description links exists in the repository (at the pull request's head). */
import type { RawFinding } from '../model/finding.js';
import { readRunbookLinks } from '../model/runbook-links.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  missing: 'Linked runbook "{{path}}" does not exist. Add the file in this pull request or fix the link.',
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
      name: 'the linked file is there',
      text: '## Runbook\nFollow `docs/runbooks/deploy.md`.\n',
      files: { 'docs/runbooks/deploy.md': '# Deploy\n' },
      findings: [],
    },
  ],
  check({ doc, spec, files }) {
    const { links } = readRunbookLinks(doc, spec.runbook);
    if (links.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const link of links) {
      const file = files.get(link.path);
      // A file that exists but could not be read is reported as unreadable, not as missing.
      if (file?.text !== undefined || file?.unread) continue;
      out.push({
        message: say('missing', { path: link.path }),
        line: link.line,
        column: link.column,
      });
    }
    return out;
  },
});
