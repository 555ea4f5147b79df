// Fixes: applied to whole lines without overlapping, shown as a diff git applies, and `check --fix` on disk.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFixes, fixDiff } from '../src/fix.js';
import { runCli } from './cli/run.js';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

describe('applyFixes', () => {
  const text = 'a\nb\nc\nd\n';

  it('replaces lines and inserts after a line, each at the line numbers of the text as it was', () => {
    const { text: out, applied } = applyFixes(text, [
      { line: 3, endLine: 3, text: 'C' },
      { line: 1, text: 'after a' },
      { line: 0, text: 'first' },
    ]);
    expect(out).toBe('first\na\nafter a\nb\nC\nd\n');
    expect(applied).toHaveLength(3);
  });

  it('leaves a fix that touches the lines of another for the next pass', () => {
    const {
      text: out,
      applied,
      deferred,
    } = applyFixes(text, [
      { line: 2, endLine: 3, text: 'BC' },
      { line: 3, endLine: 3, text: 'C' },
      { line: 1, text: 'one' },
      { line: 1, text: 'two' },
    ]);
    expect(out).toBe('a\none\nBC\nd\n');
    expect(applied.map((f) => f.text)).toEqual(['one', 'BC']);
    expect(deferred.map((f) => f.text)).toEqual(['two', 'C']);
  });

  it('on one line, inserts after it and replaces it', () => {
    expect(
      applyFixes(text, [
        { line: 2, endLine: 2, text: 'B' },
        { line: 2, text: 'after b' },
      ]).text,
    ).toBe('a\nB\nafter b\nc\nd\n');
  });

  it('ignores a fix outside the text', () => {
    expect(applyFixes(text, [{ line: 9, endLine: 9, text: 'x' }]).applied).toEqual([]);
  });
});

describe('fixDiff', () => {
  it('is a diff git applies, hunks joined where their context meets', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-fix-diff-'));
    temps.push(dir);
    const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const fixes = [
      { line: 2, endLine: 2, text: 'LINE 2' },
      { line: 5, text: 'after 5' },
      { line: 30, text: 'at the end' },
    ];
    const diff = fixDiff('f.txt', before, applyFixes(before, fixes).changes);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    await writeFile(path.join(dir, 'f.txt'), before);
    await writeFile(path.join(dir, 'f.diff'), diff);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['apply', 'f.diff'], { cwd: dir });
    expect(await readFile(path.join(dir, 'f.txt'), 'utf8')).toBe(applyFixes(before, fixes).text);
  });
});

describe('readiness-gate check --fix', () => {
  async function repository() {
    const repo = await mkdtemp(path.join(tmpdir(), 'rg-fix-'));
    temps.push(repo);
    await mkdir(path.join(repo, '.git'));
    await mkdir(path.join(repo, '.github/workflows'), { recursive: true });
    await mkdir(path.join(repo, 'docs/runbooks'), { recursive: true });
    await writeFile(path.join(repo, 'Dockerfile'), 'FROM node:20\nCMD node server.js --port 8080\n');
    await writeFile(
      path.join(repo, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  lint:\n    runs-on: ubuntu-latest\n    timeout-minutes:\n    steps:\n      - run: npm run lint\n',
    );
    await writeFile(
      path.join(repo, 'docs/runbooks/pay.md'),
      '# Runbook: payments\n\n## Overview\nRetries for payments.\n\n## Deployment Steps\n1. [ ] Deploy.\n\n## Verification\nDashboards are green.\n\n## Rollback Procedure\n1. [ ] Roll back.\n\n## Known Issues\nNone known.\n',
    );
    return repo;
  }
  const files = ['Dockerfile', '.github/workflows/ci.yml', 'docs/runbooks/pay.md'];

  it('applies what the rules offer, checks again, and reports what is left', async () => {
    const repo = await repository();
    const { stdout, code } = await runCli(['check', '--fix', '--format', 'json', ...files], { cwd: repo });
    const json = JSON.parse(stdout);
    expect(await readFile(path.join(repo, 'Dockerfile'), 'utf8')).toBe(
      'FROM node:20\nCMD ["node", "server.js", "--port", "8080"]\n',
    );
    expect(await readFile(path.join(repo, '.github/workflows/ci.yml'), 'utf8')).toContain(
      '  test:\n    timeout-minutes: 30\n    runs-on: ubuntu-latest\n',
    );
    // The section goes where the template puts it, its boxes unticked, its prose still to write.
    expect(await readFile(path.join(repo, 'docs/runbooks/pay.md'), 'utf8')).toContain(
      'Retries for payments.\n\n## Pre-Deployment Checklist\n\n<!-- Pre-Deployment Checklist: write it as the template asks. -->\n',
    );
    expect(json.findings.map((f: { source: string; ruleId: string }) => `${f.source} ${f.ruleId}`)).toEqual([
      // An empty timeout-minutes: a second key would not parse, so that job is left as it was.
      '.github/workflows/ci.yml workflow-job-timeout',
      // What needs a person: the Overview's fields, the section just added, a health check in Verification.
      'docs/runbooks/pay.md runbook-overview',
      'docs/runbooks/pay.md runbook-overview',
      'docs/runbooks/pay.md runbook-overview',
      'docs/runbooks/pay.md runbook-section-empty',
      'docs/runbooks/pay.md runbook-health-check',
    ]);
    expect(json.notes).toEqual([
      'Fixed 3 problems in 3 files: Dockerfile, .github/workflows/ci.yml, docs/runbooks/pay.md. The findings below are what is left.',
      'Not applied in .github/workflows/ci.yml: a fix after which it would not parse (Map keys must be unique).',
    ]);
    expect(code).toBe(1);
  });

  it('with --fix-dry-run, prints the diff and writes nothing', async () => {
    const repo = await repository();
    const { stdout } = await runCli(['check', '--fix-dry-run', 'Dockerfile'], { cwd: repo });
    expect(stdout).toContain(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM node:20\n-CMD node server.js --port 8080\n+CMD ["node", "server.js", "--port", "8080"]\n',
    );
    expect(await readFile(path.join(repo, 'Dockerfile'), 'utf8')).toBe(
      'FROM node:20\nCMD node server.js --port 8080\n',
    );
  });

  it('offers no fix where the exec form would mean something else', async () => {
    const repo = await repository();
    await writeFile(path.join(repo, 'Dockerfile'), 'FROM node:20\nENTRYPOINT node server.js\nCMD --port 8080\n');
    const { stdout } = await runCli(['check', '--fix-dry-run', 'Dockerfile'], { cwd: repo });
    // A shell-form ENTRYPOINT ignores CMD; in exec form it would take it as arguments. $HOME needs the shell.
    expect(stdout).not.toContain('+ENTRYPOINT');
    await writeFile(path.join(repo, 'Dockerfile'), 'FROM node:20\nCMD node server.js --home $HOME\n');
    expect((await runCli(['check', '--fix-dry-run', 'Dockerfile'], { cwd: repo })).stdout).not.toContain('--- a/');
  });
});
