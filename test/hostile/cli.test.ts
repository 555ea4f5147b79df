// The CLI on a hostile checkout: special files, links out of the tree, and text made to fool a terminal or a CI log.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { NODE } from '../action/harness.js';
import { ROOT } from '../helpers.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function repo(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rg-hostile-'));
  temps.push(dir);
  await mkdir(path.join(dir, 'runbooks'));
  return dir;
}
const cli = (args: string[], cwd: string) => runCli(args, { cwd });

describe('files the CLI will not read', () => {
  it('a FIFO, a link to a device, a link out of the tree and an oversized file are reported, not read', async () => {
    const dir = await repo();
    const outside = await mkdtemp(path.join(tmpdir(), 'rg-outside-'));
    temps.push(outside);
    await writeFile(path.join(outside, 'secret.md'), '# not yours\n');
    await symlink('/dev/zero', path.join(dir, 'runbooks/zero.md'));
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'runbooks/escape.md'));
    await writeFile(path.join(dir, 'runbooks/big.md'), `# Big\n${'x'.repeat(1_100_000)}\n`);
    const fifo = await promisify(execFile)('mkfifo', [path.join(dir, 'runbooks/fifo.md')]).then(
      () => true,
      () => false,
    );
    const started = Date.now();
    // A glob lists none of the special files; named, each is refused.
    const named = ['zero', 'escape', 'big', ...(fifo ? ['fifo'] : [])].map((n) => `runbooks/${n}.md`);
    const { code, stdout } = await cli(['check', '--format', 'json', 'runbooks/*.md', ...named], dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    const found = (JSON.parse(stdout) as { findings: { ruleId: string; source: string; message: string }[] }).findings;
    const unread = Object.fromEntries(
      found.filter((f) => f.ruleId === 'document-unreadable').map((f) => [f.source, f.message]),
    );
    expect(unread['runbooks/zero.md']).toMatch(/it leads outside the repository root/);
    expect(unread['runbooks/escape.md']).toMatch(/it leads outside the repository root/);
    expect(unread['runbooks/big.md']).toMatch(/over the 1048576-byte limit/);
    if (fifo) expect(unread['runbooks/fifo.md']).toMatch(/it is not a regular file/);
    expect(stdout).not.toContain('not yours');
  });
});

describe('text output', () => {
  it('quoted document text stays on one line, without escape sequences or workflow commands', async () => {
    const dir = await repo();
    await writeFile(
      path.join(dir, 'runbooks/evil.md'),
      '## Overview\n- **Purpose**: x\n- **Risk Level**: Extreme ::error file=a.md::pwned \u001b[2J\u001b]0;title\u0007\n- **Estimated Duration**: 1h\n' +
        '## Pre-Deployment Checklist\n- [ ] Backup\n  ::error::pwned twice\n\n<details>\n\n**Risk Level**: High\n\n</details>\n',
    );
    const { stdout } = await cli(['check', 'runbooks/evil.md'], dir);
    expect(stdout).toContain(
      '"Risk Level" is "Extreme :\u200b:error file=a.md:\u200b:pwned ". Write one of Low, Medium or High.',
    );
    expect(stdout).toContain('"Backup :\u200b:error:\u200b:pwned twice" in "Pre-Deployment Checklist" is not ticked.');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('\u0007');
    for (const line of stdout.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
  });
});

describe('many files under a low limit of open files', () => {
  it('checks 300 files under `ulimit -n 256` (macOS’s default) without running out (the bundle, in a shell)', async () => {
    const dir = await repo();
    const runbook = '## Overview\n- **Purpose**: x\n- **Risk Level**: Low\n- **Estimated Duration**: 1h\n';
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(path.join(dir, `runbooks/r${i}.md`), runbook)));
    const command = `ulimit -n 256 && "${NODE}" "${path.join(ROOT, 'bin/readiness-gate.js')}" check --format json 'runbooks/*.md'`;
    const result = await promisify(execFile)('sh', ['-c', command], { cwd: dir }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'document-unreadable')).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
  });
});
