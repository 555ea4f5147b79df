// The pre-commit hook (.pre-commit-hooks.yaml) as pre-commit runs it: `pre-commit try-repo` on this checkout's
// package (dist/ as built) installs it into its own environment and runs the hook on a sample repository's
// staged files. Skipped, saying so, where pre-commit is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, toolRuns } from '../helpers.js';

const PRE_COMMIT = toolRuns(
  'pre-commit',
  ['--version'],
  'the hook test is skipped (Debian: apt-get install pre-commit).',
);

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

describe.skipIf(!PRE_COMMIT)('the pre-commit hook', () => {
  it('validates as a hooks manifest', () => {
    const result = spawnSync('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('checks the runbooks and Dockerfiles of a sample repository, and not its README', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-pre-commit-'));
    temps.push(dir);
    const sample = path.join(dir, 'sample');
    await mkdir(path.join(sample, 'docs/runbooks'), { recursive: true });
    await writeFile(path.join(sample, 'docs/runbooks/rotate.md'), '# Rotate certs\n\nNothing here yet.\n');
    await writeFile(path.join(sample, 'README.md'), '# Sample\n\nA readme, not a runbook.\n');
    await writeFile(path.join(sample, 'Dockerfile'), 'FROM node:20\nCMD node server.js\n');
    execFileSync('git', ['init', '-q'], { cwd: sample });
    execFileSync('git', ['add', '-A'], { cwd: sample });
    // The hook's repository as this checkout has it now, committed: try-repo takes changes to tracked files only,
    // and a new chunk of dist/ is not tracked until it is committed.
    const hookRepo = path.join(dir, 'hook');
    await mkdir(hookRepo);
    for (const entry of ['.pre-commit-hooks.yaml', 'package.json', 'package-lock.json', 'bin', 'dist', 'LICENSE']) {
      await cp(path.join(ROOT, entry), path.join(hookRepo, entry), { recursive: true });
    }
    const commit = (cwd: string) => {
      execFileSync('git', ['init', '-q'], { cwd });
      execFileSync('git', ['add', '-A'], { cwd });
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'snapshot'], {
        cwd,
      });
    };
    commit(hookRepo);
    const run = spawnSync('pre-commit', ['try-repo', hookRepo, 'readiness-gate', '--all-files'], {
      cwd: sample,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, PRE_COMMIT_HOME: path.join(dir, 'home'), NO_COLOR: '1' },
    });
    const out = run.stdout;
    expect(run.status).toBe(1);
    expect(out).toMatch(/readiness-gate\.+Failed/);
    expect(out).toContain('docs/runbooks/rotate.md:1:1  error    Missing section "Overview".');
    expect(out).toContain('Dockerfile:2:1  warning  CMD is in shell form');
    expect(out).toContain('Not checked: 1 file (1: no runbook template selects it (see runbooks.paths): README.md).');
  }, 300_000);
});
