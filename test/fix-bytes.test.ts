// A fix changes exactly what it says: every byte outside it is kept, lines are Git's (a lone \r breaks none), and a
// fix that does not fix, or makes things worse, is not kept. The files are built byte by byte here, so no editor or
// Git setting normalises them.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { applyFixes, fixDiff, gitPath } from '../src/fix.js';
import { planReview } from '../src/report/review.js';
import { runCli } from './cli/run.js';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

async function repository(files: Record<string, Buffer | string>): Promise<string> {
  const repo = await mkdtemp(path.join(tmpdir(), 'rg-fix-bytes-'));
  temps.push(repo);
  await mkdir(path.join(repo, '.git'));
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(repo, name)), { recursive: true });
    await writeFile(path.join(repo, name), bytes);
  }
  return repo;
}

const fix = (repo: string, ...args: string[]) => runCli(['check', '--fix', '--format', 'json', ...args], { cwd: repo });
const bytesOf = (repo: string, name: string) => readFile(path.join(repo, name));

describe('check --fix keeps every byte it does not mean to change', () => {
  it('leaves a file that is not UTF-8 alone, and says why', async () => {
    // "Café" in Latin-1: the é is one byte, 0xE9, which is no UTF-8.
    const latin1 = Buffer.concat([
      Buffer.from('FROM node:20\n# Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nCMD node server.js\n'),
    ]);
    const repo = await repository({ Dockerfile: latin1 });
    const { stdout } = await fix(repo, 'Dockerfile');
    expect((await bytesOf(repo, 'Dockerfile')).equals(latin1)).toBe(true);
    expect(JSON.parse(stdout).notes).toContain(
      'Not applied in Dockerfile: it is not UTF-8 text (a Latin-1 byte?): rewriting it would change bytes the fix does not mean to.',
    );
  });

  it('keeps a byte order mark, CRLF line ends and a missing final line break', async () => {
    const workflow =
      '\uFEFFon: push\r\njobs:\r\n  test:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: npm test';
    const dockerfile = 'FROM node:20\r\nCMD node server.js';
    const repo = await repository({ '.github/workflows/ci.yml': workflow, Dockerfile: dockerfile });
    await fix(repo, '.github/workflows/ci.yml', 'Dockerfile');
    expect((await bytesOf(repo, '.github/workflows/ci.yml')).toString('utf8')).toBe(
      '\uFEFFon: push\r\njobs:\r\n  test:\r\n    timeout-minutes: 30\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: npm test',
    );
    expect((await bytesOf(repo, 'Dockerfile')).toString('utf8')).toBe('FROM node:20\r\nCMD ["node", "server.js"]');
  });

  it('reads a lone \\r in a Dockerfile as Docker does, and never fixes the wrong line', async () => {
    // Docker breaks lines at \n only: the comment runs on past the \r, and USER node stays where it is.
    const text = 'FROM node:20\n# built by ci\rsee the wiki\nUSER node\nCMD node server.js\n';
    const repo = await repository({ Dockerfile: text });
    await fix(repo, 'Dockerfile');
    expect(await readFile(path.join(repo, 'Dockerfile'), 'utf8')).toBe(
      'FROM node:20\n# built by ci\rsee the wiki\nUSER node\nCMD ["node", "server.js"]\n',
    );
  });

  it('does not read a command after a \\r in a comment as an instruction', async () => {
    const config = loadConfig(undefined, 'x.yml');
    const text = 'FROM node:20\nCMD node server.js\n# note\rCMD ["node", "server.js"]\n';
    const report = check({ files: [{ path: 'Dockerfile', kind: 'dockerfile', text }], config });
    const finding = report.findings.find((f) => f.ruleId === 'dockerfile-exec-form');
    expect(finding).toMatchObject({ line: 2, column: 1 });
  });

  it('puts a missing runbook section where the template does, whatever lone \\r the text holds', async () => {
    const runbook =
      '# Runbook: payments\n\n## Overview\rRetries for payments.\n\n## Pre-Deployment Checklist\n- [ ] Backup.\n\n## Deployment Steps\n1. Deploy.\n\n## Verification\nGreen.\n\n## Known Issues\nNone known.\n';
    const repo = await repository({ 'docs/runbooks/pay.md': runbook });
    await fix(repo, 'docs/runbooks/pay.md');
    const after = await readFile(path.join(repo, 'docs/runbooks/pay.md'), 'utf8');
    expect(after.indexOf('## Rollback Procedure')).toBeGreaterThan(after.indexOf('## Verification'));
    expect(after.indexOf('## Rollback Procedure')).toBeLessThan(after.indexOf('## Known Issues'));
    // The line with the \r is as it was.
    expect(after).toContain('## Overview\rRetries for payments.\n');
  });

  it('does not put a heading inside an unclosed code fence, where it would be no heading', async () => {
    const runbook =
      '# Runbook: payments\n\n## Overview\nRetries.\n\n## Pre-Deployment Checklist\n- [ ] Backup.\n\n## Deployment Steps\n1. Deploy.\n\n## Verification\n```sh\ncurl -fsS https://pay/health\n';
    const repo = await repository({ 'docs/runbooks/pay.md': runbook });
    const { stdout } = await fix(repo, 'docs/runbooks/pay.md');
    expect(await readFile(path.join(repo, 'docs/runbooks/pay.md'), 'utf8')).toBe(runbook);
    const json = JSON.parse(stdout);
    expect(json.notes[0]).toBe('No fix to apply: what is left needs a person.');
    expect(json.notes.some((n: string) => n.startsWith('Not applied in docs/runbooks/pay.md: a fix that leaves'))).toBe(
      true,
    );
  });

  it('splits a shell command into exec form only where sh splits it', async () => {
    // A no-break space is part of a word to sh; a shell-form command with \v in it gets no fix.
    const repo = await repository({ Dockerfile: 'FROM node:20\nCMD node\u00a0app.js --port 8080\n' });
    await fix(repo, 'Dockerfile');
    expect(await readFile(path.join(repo, 'Dockerfile'), 'utf8')).toBe(
      'FROM node:20\nCMD ["node\u00a0app.js", "--port", "8080"]\n',
    );
    const odd = 'FROM node:20\nCMD node\vapp.js\n';
    const other = await repository({ Dockerfile: odd });
    await fix(other, 'Dockerfile');
    expect(await readFile(path.join(other, 'Dockerfile'), 'utf8')).toBe(odd);
  });
});

describe('a manifest is read as kubectl reads it', () => {
  it('ends a comment at a lone \\r, NEL, U+2028 or U+2029, as go-yaml does', () => {
    const config = loadConfig(undefined, 'x.yml');
    for (const end of ['\r', '\u0085', '\u2028', '\u2029']) {
      const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  # rotated${end}  password: hunter2\n`;
      const report = check({ files: [{ path: 'deploy/secret.yaml', kind: 'manifest', text }], config });
      const finding = report.findings.find((f) => f.ruleId === 'manifest-secret-literal');
      // On Git's line 6, where "# rotated" and the password both are.
      expect(finding, JSON.stringify(end)).toMatchObject({ line: 6 });
      expect(finding!.message).toContain('(password)');
    }
  });

  it('agrees with kubectl on the same bytes', (context) => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  # rotated\r  password: hunter2\n';
    let out: string;
    try {
      out = execFileSync('kubectl', ['label', '--local', '-f', '-', '-o', 'json', 'checked=yes'], {
        input: text,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'ignore'],
      });
    } catch {
      context.skip('kubectl is not installed here: the oracle comparison is skipped');
      return;
    }
    expect((JSON.parse(out) as { stringData?: Record<string, string> }).stringData).toEqual({ password: 'hunter2' });
  });
});

describe('the dry run and review suggestions', () => {
  it('quotes a path as Git does, so a tab or a line break cannot point git apply at another file', async () => {
    expect(gitPath('a/', 'deploy/api.yaml')).toBe('a/deploy/api.yaml');
    expect(gitPath('a/', 'x\ty/Dockerfile')).toBe('"a/x\\ty/Dockerfile"');
    expect(gitPath('b/', 'x\nDockerfile')).toBe('"b/x\\nDockerfile"');
    expect(gitPath('a/', 'caf\u00e9/"q"')).toBe('"a/caf\\303\\251/\\"q\\""');
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-fix-path-'));
    temps.push(dir);
    const name = 'odd\tname.txt';
    const before = 'one\ntwo\n';
    const applied = applyFixes(before, [{ line: 2, endLine: 2, text: 'TWO' }]);
    await writeFile(path.join(dir, name), before);
    await writeFile(path.join(dir, 'two'), 'not me\n');
    await writeFile(path.join(dir, 'f.diff'), fixDiff(name, before, applied.changes));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['apply', 'f.diff'], { cwd: dir });
    expect(await readFile(path.join(dir, name), 'utf8')).toBe('one\nTWO\n');
    expect(await readFile(path.join(dir, 'two'), 'utf8')).toBe('not me\n');
  });

  it('writes a diff git applies to a CRLF file with no final line break', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-fix-crlf-'));
    temps.push(dir);
    const before = 'a\r\nb\r\nc';
    const applied = applyFixes(before, [
      { line: 3, endLine: 3, text: 'C' },
      { line: 1, text: 'after a' },
    ]);
    expect(applied.text).toBe('a\r\nafter a\r\nb\r\nC');
    await writeFile(path.join(dir, 'f.txt'), before);
    await writeFile(path.join(dir, 'f.diff'), fixDiff('f.txt', before, applied.changes));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['apply', 'f.diff'], { cwd: dir });
    expect(await readFile(path.join(dir, 'f.txt'), 'utf8')).toBe(applied.text);
  });

  it('offers no suggestion longer than GitHub takes in a comment', () => {
    const finding = {
      ruleId: 'runbook-section',
      severity: 'error' as const,
      message: 'Missing section.',
      source: 'docs/runbooks/a.md',
      line: 2,
      column: 1,
      fix: { line: 1, text: `## Rollback\n${'x'.repeat(70_000)}` },
    };
    const patch = '@@ -0,0 +1,2 @@\n+# A\n+## B';
    const plan = planReview([finding], new Map([[finding.source, patch]]));
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.body).not.toContain('```suggestion');
    expect(plan.comments[0]!.body.length).toBeLessThan(65_536);
    const short = planReview(
      [{ ...finding, fix: { line: 1, text: '## Rollback' } }],
      new Map([[finding.source, patch]]),
    );
    expect(short.comments[0]!.body).toContain('```suggestion');
  });
});
