/**
 * `when-changed`: a pull request that matches a `when` entry with
 * `require.changed` changes those files too, each path or glob matching a
 * changed file: the role document's "don't deviate without updating the
 * runbook". Without the list of changed files (the CLI without
 * `--changed-files`) nothing shows the files changed, so the gate fails.
 */
import { globMatcher } from '../model/paths.js';
import { matchedEntries } from '../model/conditions.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CONFIG =
  "when:\n  - name: Payments\n    changed-files: ['services/payments/**']\n    require: {changed: [docs/runbooks/payments.md]}\n";

const messages = {
  unknown:
    '{{why}}, so {{wanted}} must change too, and the changed files are not known here. Give them (`--changed-files`) to check.',
  unchanged:
    '{{why}}, so {{wanted}} must change too: nothing this pull request changes matches it. Update it with the change.',
};
const say = sayer(messages);

export const whenChanged = defineRule({
  id: 'when-changed',
  kind: 'pull-request',
  title: 'The files a matched `when` entry requires changed too',
  description: 'a matched `when` entry’s `require.changed` files (paths or globs) are changed in the same pull request',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'the service changed, its runbook did not',
      config: CONFIG,
      text: '## Summary\nRetry payments twice.\n',
      pullRequest: {
        changedFiles: { files: [{ path: 'services/payments/retry.ts' }], truncated: false, total: 1 },
      },
      findings: [
        {
          at: '1:1',
          id: 'unchanged',
          data: { why: '"Payments" matched services/payments/retry.ts', wanted: 'docs/runbooks/payments.md' },
        },
      ],
    },
    {
      name: 'the runbook changed with it',
      config: CONFIG,
      text: '## Summary\nRetry payments twice.\n',
      pullRequest: {
        changedFiles: {
          files: [{ path: 'services/payments/retry.ts' }, { path: 'docs/runbooks/payments.md' }],
          truncated: false,
          total: 2,
        },
      },
      findings: [],
    },
    {
      name: 'a glob that a renamed file matches by its old path does not count: the new path must',
      config: "when:\n  - name: Alerts\n    labels: [alerts]\n    require: {changed: ['docs/runbooks/*.md']}\n",
      text: '## Summary\nMove the runbooks.\n',
      pullRequest: {
        labels: ['alerts'],
        changedFiles: {
          files: [{ path: 'docs/old/payments.md', previous: 'docs/runbooks/payments.md' }],
          truncated: false,
          total: 1,
        },
      },
      findings: [
        { at: '1:1', id: 'unchanged', data: { why: '"Alerts" matched (label: alerts)', wanted: 'docs/runbooks/*.md' } },
      ],
    },
    {
      name: 'deleting the runbook is not updating it',
      config: CONFIG,
      text: '## Summary\nRetry payments twice.\n',
      pullRequest: {
        changedFiles: {
          files: [{ path: 'services/payments/retry.ts' }, { path: 'docs/runbooks/payments.md', removed: true }],
          truncated: false,
          total: 2,
        },
      },
      findings: [
        {
          at: '1:1',
          id: 'unchanged',
          data: { why: '"Payments" matched services/payments/retry.ts', wanted: 'docs/runbooks/payments.md' },
        },
      ],
    },
    {
      name: 'the changed files are not known',
      config: "when:\n  - name: Alerts\n    labels: [alerts]\n    require: {changed: ['docs/runbooks/*.md']}\n",
      text: '## Summary\nTune an alert.\n',
      pullRequest: { labels: ['alerts'] },
      findings: [
        { at: '1:1', id: 'unknown', data: { why: '"Alerts" matched (label: alerts)', wanted: 'docs/runbooks/*.md' } },
      ],
    },
  ],
  check({ doc, pullRequest, when }) {
    const wanting = when.matched.filter((m) => m.entry.require.changed.length > 0);
    if (wanting.length === 0) return undefined;
    // The paths the pull request leaves changed: a renamed file's new path, not the one it moved from; a deleted
    // runbook is not an updated one.
    const changed = pullRequest.changedFiles?.files.filter((f) => !f.removed).map((f) => f.path);
    const out: RawFinding[] = [];
    const line = doc.sections[0]?.line ?? 1;
    for (const match of wanting) {
      const why = `"${match.entry.name}" matched${match.files.length ? ` ${match.files.join(', ')}` : ` (${match.reasons.join('; ')})`}`;
      for (const wanted of match.entry.require.changed) {
        if (changed === undefined) {
          out.push({
            message: say('unknown', { why, wanted }),
            line,
            column: 1,
          });
          continue;
        }
        const matches = globMatcher(wanted);
        if (changed.some((p) => matches(p))) continue;
        out.push({
          message: say('unchanged', { why, wanted }),
          line,
          column: 1,
        });
      }
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
