import { describe, expect, it } from 'vitest';
import { repositoryPath } from '../../src/model/link-targets.js';
import { example, fixture, onDescription } from '../helpers.js';

describe('runbook-linked', () => {
  it('passes a Markdown link to a runbook file', () => {
    expect(onDescription('runbook-linked', example('pull-request.md'))).toEqual([]);
  });

  it('passes an inline-code path and a waiver with a reason', () => {
    expect(onDescription('runbook-linked', '## Runbook\nSee `docs/runbooks/deploy.md`.\n')).toEqual([]);
    expect(onDescription('runbook-linked', '## Runbook\nN/A — docs-only change.\n')).toEqual([]);
  });

  it('fails a section that links nothing', () => {
    expect(onDescription('runbook-linked', fixture('pull-requests/checklist-problems.md'))).toEqual([
      '28:1 The "Runbook" section links no runbook file. Link one (`docs/runbooks/name.md`) or write "N/A — reason".',
    ]);
  });

  it('fails a bare N/A and a missing section', () => {
    expect(onDescription('runbook-linked', '## Runbook\nN/A\n')).toEqual([
      '1:1 The "Runbook" section says a bare "N/A". Say why no runbook is needed: "N/A — reason".',
    ]);
    expect(onDescription('runbook-linked', '## Summary\n')).toEqual([
      '1:1 Missing section "Runbook". Add "## Runbook" with a link to the runbook file, or "N/A — reason".',
    ]);
  });

  it('is off when the config does not require a runbook', () => {
    expect(
      onDescription('runbook-linked', '## Summary\n', { yaml: 'pull-request:\n  runbook:\n    required: false\n' }),
    ).toEqual([]);
  });

  it('resolves repository paths and refuses what is not one', () => {
    expect(repositoryPath('./docs/runbooks/a.md#rollback')).toBe('docs/runbooks/a.md');
    expect(repositoryPath('/docs/runbooks/a%20b.md')).toBeUndefined();
    const repository = { host: 'github.com', owner: 'o', repo: 'r' };
    expect(repositoryPath('https://github.com/o/r/blob/main/docs/x.md', repository)).toBe('docs/x.md');
    expect(repositoryPath('https://github.com/O/R/blob/0a1b2c3/docs/x.md', repository)).toBe('docs/x.md');
    // Another repository's file is not this one's, whatever its path: it is an external link.
    expect(repositoryPath('https://github.com/other/r/blob/main/docs/x.md', repository)).toBeUndefined();
    expect(repositoryPath('https://github.com/o/r/blob/main/docs/x.md')).toBeUndefined();
    expect(repositoryPath('https://wiki.example.com/runbook.md')).toBeUndefined();
    expect(repositoryPath('../../etc/passwd.md')).toBeUndefined();
    expect(repositoryPath('docs/runbooks/a.txt')).toBeUndefined();
  });
});
