/** `when-runbook`: a pull request that matches a `when` entry with `require.runbook` links a runbook; N/A does not do. */
import type { RawFinding } from '../model/finding.js';
import { readRunbookLinks } from '../model/runbook-links.js';
import { matchedEntries } from '../model/conditions.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CONFIG = "when:\n  - name: Deploy changes\n    changed-files: ['deploy/**']\n    require: {runbook: true}\n";

const messages = {
  noRunbook: '{{why}}: link the runbook this change follows; N/A is not accepted here.',
};
const say = sayer(messages);

export const whenRunbook = defineRule({
  id: 'when-runbook',
  kind: 'pull-request',
  title: 'A runbook is linked where a matched `when` entry requires one',
  description: 'a matched `when` entry with `require.runbook` has a runbook linked, not waived',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'deploy files changed, the runbook waived',
      config: CONFIG,
      text: '## Runbook\nN/A — small change\n',
      pullRequest: { changedFiles: { files: [{ path: 'deploy/api.yaml' }], truncated: false, total: 1 } },
      findings: [{ at: '1:1', id: 'noRunbook', data: { why: '"Deploy changes" matched deploy/api.yaml' } }],
    },
    {
      name: 'deploy files changed, a runbook linked',
      config: CONFIG,
      text: '## Runbook\n[Deploy](docs/runbooks/deploy.md)\n',
      pullRequest: { changedFiles: { files: [{ path: 'deploy/api.yaml' }], truncated: false, total: 1 } },
      findings: [],
    },
  ],
  check({ doc, spec, when }) {
    if (!spec.when.some((w) => w.require.runbook)) return undefined;
    const { section, links, external } = readRunbookLinks(doc, spec.runbook);
    const linked = links.length > 0 || external.some((l) => spec.runbook.external.some((p) => l.url.startsWith(p)));
    const out: RawFinding[] = [];
    for (const match of when.matched) {
      if (!match.entry.require.runbook || linked) continue;
      const why = `"${match.entry.name}" matched${match.files.length ? ` ${match.files.join(', ')}` : ` (${match.reasons.join('; ')})`}`;
      out.push({
        message: say('noRunbook', { why }),
        line: section?.line ?? 1,
        column: section?.column ?? 1,
      });
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
