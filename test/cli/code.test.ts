// The CLI on source files: a file named is judged whole; the changed files with --base-ref are judged on the
// lines git diff says the working tree adds, as the action judges a pull request on its patch.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const FILE = 'svc/client.py';
const BEFORE = 'import requests\n\n\ndef legacy(url):\n    return requests.get(url)\n';
const AFTER = `${BEFORE}\n\ndef charge(url):\n    return requests.post(url)\n`;

let dir: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { stdio: 'pipe' });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rg-code-'));
  await mkdir(path.join(dir, 'svc'));
  await writeFile(path.join(dir, FILE), BEFORE);
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  await writeFile(path.join(dir, FILE), AFTER);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lines = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { ruleId: string; line: number }[] }).findings
    .filter((f) => f.ruleId === 'code-network-timeout')
    .map((f) => f.line);

describe('readiness-gate check on source files', () => {
  it('judges a file named whole', async () => {
    const run = await runCli(['check', '--format', 'json', FILE], { cwd: dir });
    expect(lines(run.stdout)).toEqual([5, 9]);
  });

  it('judges the changed files on the lines they add since --base-ref', async () => {
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: `M\t${FILE}\n`,
    });
    expect(lines(run.stdout)).toEqual([9]);
  });

  it('judges a file added since --base-ref, not committed yet, whole, as a new file', async () => {
    await writeFile(path.join(dir, 'svc/new.py'), 'import requests\n\nrequests.get(url)\n');
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: 'A\tsvc/new.py\n',
    });
    expect(lines(run.stdout)).toEqual([3]);
  });

  it('judges the changed files whole without a base to diff against', async () => {
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-'], { cwd: dir, input: `${FILE}\n` });
    expect(lines(run.stdout)).toEqual([5, 9]);
  });

  it('reports a call the change took the timeout out of, though it added no line of it', async () => {
    const bounded =
      'import requests\n\n\ndef charge(url):\n    return requests.post(\n        url,\n        timeout=5,\n    )\n';
    await writeFile(path.join(dir, FILE), bounded);
    git('commit', '-q', '-am', 'bounded');
    await writeFile(path.join(dir, FILE), bounded.replace('        timeout=5,\n', ''));
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: `M\t${FILE}\n`,
    });
    expect(lines(run.stdout)).toEqual([5]);
  });
});
