/**
 * `when-files-truncated`: GitHub lists at most 3,000 changed files. Past
 * that, `when` entries are matched against the files listed only, and
 * `skip.only-changed-files` never applies; the report says so.
 */
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  truncated:
    'GitHub lists only the first {{listed}} of {{total}} changed files: `when` entries were matched against those, and skip.only-changed-files does not apply.',
};
const say = sayer(messages);

export const whenFilesTruncated = defineRule({
  id: 'when-files-truncated',
  kind: 'pull-request',
  title: 'Every changed file was listed',
  description: 'GitHub listed every changed file (it lists at most 3,000)',
  defaultSeverity: { devops: 'warning', none: 'warning' },
  messages,
  examples: [
    {
      name: 'more files than GitHub lists',
      config:
        "when:\n  - name: Migrations\n    changed-files: ['migrations/**']\n    require: {items: [Database Migrations]}\n",
      text: '## Summary\nA large rename.\n',
      pullRequest: { changedFiles: { files: [{ path: 'a.ts' }], truncated: true, total: 3500 } },
      findings: [{ at: '1:1', id: 'truncated', data: { listed: '1', total: '3500' } }],
    },
    {
      name: 'every file listed',
      config:
        "when:\n  - name: Migrations\n    changed-files: ['migrations/**']\n    require: {items: [Database Migrations]}\n",
      text: '## Summary\nA small change.\n',
      pullRequest: { changedFiles: { files: [{ path: 'a.ts' }], truncated: false, total: 1 } },
      findings: [],
    },
  ],
  check({ pullRequest }) {
    const changed = pullRequest.changedFiles;
    if (!changed) return undefined;
    if (!changed.truncated) return [];
    return [
      {
        message: say('truncated', { listed: changed.files.length, total: changed.total }),
        line: 1,
        column: 1,
      },
    ];
  },
});
