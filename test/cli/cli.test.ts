// The CLI from source (src/cli/main.ts) with its input and output in memory; test/smoke runs the bundle.
import { mkdir, mkdtemp as makeTemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { loadConfig } from '../../src/config/load.js';
import { ROOT, ROTATE_CERTS_FIRST_FINDING } from '../helpers.js';

const temps: string[] = [];
async function mkdtemp(prefix: string): Promise<string> {
  const dir = await makeTemp(prefix);
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});
const cli = (args: string[], options: { cwd?: string; input?: string } = {}) =>
  runCli(args, { ...options, cwd: options.cwd ?? ROOT });

describe('readiness-gate check', () => {
  it('reports the examples: a passing description and runbook, a failing runbook; exit 1', async () => {
    const { code, stdout, stderr } = await cli([
      'check',
      '--body',
      'examples/pull-request.md',
      'examples/runbooks/*.md',
      'examples/deploy/',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain(
      // The description is named by the file it was read from, as an editor's problem matcher opens it.
      '✔ examples/pull-request.md\n✔ examples/runbooks/deploy-payments.md\n✖ examples/runbooks/rotate-certs.md\n',
    );
    expect(stdout).toContain('✔ examples/deploy/Dockerfile\n✔ examples/deploy/payments-api.yaml\n');
    expect(stdout).toContain('Gate failed: 8 errors, 1 warning in 5 documents.');
  });

  it('with --only-selected, checks only the named files the config selects (the pre-commit hook)', async () => {
    // The built-in templates select docs/runbooks/**: the examples' runbooks and README.md are named, not selected.
    const { code, stdout } = await cli([
      'check',
      '--only-selected',
      '--format',
      'json',
      'README.md',
      'examples/runbooks/rotate-certs.md',
      'examples/deploy/Dockerfile',
    ]);
    const json = JSON.parse(stdout);
    expect(json.documents.map((d: { source: string }) => d.source)).toEqual(['examples/deploy/Dockerfile']);
    expect(json.notChecked).toEqual([
      { path: 'README.md', reason: 'no runbook template selects it (see runbooks.paths)' },
      { path: 'examples/runbooks/rotate-certs.md', reason: 'no runbook template selects it (see runbooks.paths)' },
    ]);
    expect(code).toBe(0);
    // Without it, a Markdown file named is read as a runbook wherever it is.
    const all = JSON.parse((await cli(['check', '--format', 'json', 'examples/runbooks/rotate-certs.md'])).stdout);
    expect(all.documents.map((d: { source: string }) => d.source)).toEqual(['examples/runbooks/rotate-certs.md']);
  });

  it('judges review dates by --today, and refuses a --today that is no date', async () => {
    const repo = await makeTemp(path.join(tmpdir(), 'rg-today-'));
    try {
      await mkdir(path.join(repo, '.git'));
      await mkdir(path.join(repo, 'alerts'));
      await writeFile(
        path.join(repo, 'review.yml'),
        "extends: none\nrunbooks:\n  templates:\n    - name: alerts\n      paths: ['alerts/**']\n      review: {field: last_reviewed, max-age: 6m}\n",
      );
      await writeFile(path.join(repo, 'alerts/kubelet.md'), '---\nlast_reviewed: 2026-05-01\n---\n# KubeletDown\n');
      const on = async (today: string) =>
        JSON.parse(
          (
            await cli(['check', '--config', 'review.yml', '--format', 'json', '--today', today, 'alerts/kubelet.md'], {
              cwd: repo,
            })
          ).stdout,
        ).findings.map((f: { ruleId: string; line: number; message: string }) => `${f.line} ${f.ruleId} ${f.message}`);
      expect(await on('2026-10-01')).toEqual([]);
      expect(await on('2026-11-30')).toEqual([
        '2 runbook-review-due Last reviewed 2026-05-01, 213 days ago: the "alerts" template allows 180. Review the runbook and update last_reviewed.',
      ]);
      const bad = await cli(['check', '--today', 'yesterday', 'alerts/kubelet.md'], { cwd: repo });
      expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
        2,
        'readiness-gate: --today must be a date, YYYY-MM-DD, not "yesterday".',
      ]);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('exits 0 on a pass, and with --exit-zero on a failure', async () => {
    expect((await cli(['check', '--body', 'examples/pull-request.md'])).code).toBe(0);
    expect((await cli(['check', '--exit-zero', 'examples/runbooks/rotate-certs.md'])).code).toBe(0);
  });

  it('prints the documented JSON', async () => {
    const { code, stdout } = await cli(['check', '--format', 'json', 'examples/runbooks/rotate-certs.md']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ conclusion: 'failure', errors: 8, warnings: 1 });
    expect(json.findings[0]).toEqual(ROTATE_CERTS_FIRST_FINDING);
  });

  it('prints the same Markdown as the pull-request comment', async () => {
    const { stdout } = await cli([
      'check',
      '--format',
      'markdown',
      '--body',
      'examples/pull-request.md',
      'examples/runbooks/*.md',
      'examples/deploy/',
    ]);
    expect(stdout).toBe(await readFile(path.join(ROOT, 'test/golden/examples.md'), 'utf8'));
  });

  it('reads the description from standard input', async () => {
    const { code, stdout } = await cli(['check', '--body', '-'], { input: '## Deployment\n' });
    expect(code).toBe(1);
    expect(stdout).toContain('pull-request:1:1  error    Missing section "Monitoring".');
  });

  it('names the file and line of a bad config, exit 2, no stack trace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    await writeFile(path.join(dir, 'c.yml'), 'rules:\n  item-checkd: off\n');
    const { code, stdout, stderr } = await cli([
      'check',
      '--config',
      path.join(dir, 'c.yml'),
      '--body',
      'examples/pull-request.md',
    ]);
    expect(code).toBe(2);
    const line = `${path.join(dir, 'c.yml')}:2:3: unknown key \`rules.item-checkd\`. Did you mean \`rules.item-checked\`? Remove it or check its spelling; see schema/readiness-gate.schema.json.`;
    expect(stderr).toBe(`readiness-gate: ${line}\n`);
    // The report says so too, in the format asked for, so a script reading it is not left with nothing.
    expect(stdout).toContain(`${path.join(dir, 'c.yml')}:2:3  error    unknown key`);
    expect(stdout).toContain('Gate failed: 1 error, 0 warnings in 1 document.');
    const json = await cli([
      'check',
      '--format',
      'json',
      '--config',
      path.join(dir, 'c.yml'),
      '--body',
      'examples/pull-request.md',
    ]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).findings).toEqual([
      expect.objectContaining({ ruleId: 'config-invalid', source: path.join(dir, 'c.yml'), line: 2, column: 3 }),
    ]);
  });

  it('reads .github/readiness-gate.yml from the working directory by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    await mkdir(path.join(dir, '.github'));
    await writeFile(
      path.join(dir, '.github/readiness-gate.yml'),
      'rules:\n  runbook-health-check: error\n  runbook-placeholder: off\n',
    );
    await writeFile(path.join(dir, 'r.md'), await readFile(path.join(ROOT, 'examples/runbooks/rotate-certs.md')));
    const { stdout } = await cli(['check', '--format', 'json', 'r.md'], { cwd: dir });
    const json = JSON.parse(stdout);
    expect([json.errors, json.warnings]).toEqual([5, 0]);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('runbook-placeholder');
  });

  it('checks in a named folder only what a kind selects, and says what it left out', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    await mkdir(path.join(dir, 'charts/api/docs'), { recursive: true });
    await mkdir(path.join(dir, 'app'), { recursive: true });
    await writeFile(path.join(dir, 'charts/api/docs/values.md'), '# Values\nThe chart reads these values.\n');
    await writeFile(path.join(dir, 'charts/api/docs/upgrade.md'), '# Upgrading\nBump the chart version.\n');
    await writeFile(path.join(dir, 'charts/api/Dockerfile'), 'FROM node:20\nCMD ["node", "server.js"]\n');
    await writeFile(path.join(dir, 'app/payments.rb'), 'def pay; end\n');
    const folder = await cli(['check', '--format', 'json', 'charts/'], { cwd: dir });
    const json = JSON.parse(folder.stdout);
    // The chart's docs are no family of runbooks: no template selects them, so they are listed, not failed.
    expect(json.documents.map((d: { source: string }) => d.source)).toEqual(['charts/api/Dockerfile']);
    expect(json.notChecked).toEqual([
      { path: 'charts/api/docs/upgrade.md', reason: 'no runbook template selects it (see runbooks.paths)' },
      { path: 'charts/api/docs/values.md', reason: 'no runbook template selects it (see runbooks.paths)' },
    ]);
    // A file named on its own: Markdown is read as a runbook; what no kind reads is listed, never read as one.
    const named = await cli(['check', 'charts/api/docs/values.md', 'app/payments.rb'], { cwd: dir });
    expect(named.stdout).toContain('✖ charts/api/docs/values.md');
    expect(named.stdout).not.toContain('✖ app/payments.rb');
    expect(named.stdout).toContain(
      'Not checked: 1 file (1: no kind reads it (not Markdown, a deployment file or source code the gate reads): app/payments.rb).',
    );
  });

  it('explains usage errors with exit 2', async () => {
    const missing = await cli(['check', 'no/such/file.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^readiness-gate: no\/such\/file\.md: no such file\./);
    const none = await cli(['check', 'no/such/*.md']);
    expect(none.stderr).toMatch(/^readiness-gate: no file matches "no\/such\/\*\.md"/);
    const format = await cli(['check', '--format', 'xml', 'examples/runbooks/rotate-certs.md']);
    expect([format.code, format.stderr.split('\n')[0]]).toEqual([
      2,
      'readiness-gate: --format must be text, json, markdown, github or sarif, not "xml".',
    ]);
    const unknown = await cli(['check', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'readiness-gate: unknown option --bogus.\nRun "readiness-gate check --help" for its usage.\n',
    );
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a mistyped flag once, with the one it is closest to, as eslint does', async () => {
    const typo = await cli(['check', '--bdy', 'pr.md']);
    expect([typo.code, typo.stderr]).toEqual([
      2,
      'readiness-gate: unknown option --bdy. Did you mean --body?\nRun "readiness-gate check --help" for its usage.\n',
    ]);
    const init = await cli(['init', '--forse']);
    expect(init.stderr.split('\n')[0]).toBe('readiness-gate: unknown option --forse. Did you mean --force?');
    const command = await cli(['chek']);
    expect(command.stderr.split('\n')[0]).toBe('readiness-gate: unknown command "chek". Did you mean "check"?');
  });
});

describe('check, as eslint users expect it', () => {
  const EXAMPLES = ['--body', 'examples/pull-request.md', 'examples/runbooks/*.md', 'examples/deploy/'];

  it('--quiet shows the errors only; the verdict and its counts stay', async () => {
    const all = JSON.parse((await cli(['check', '--format', 'json', ...EXAMPLES])).stdout);
    const quiet = await cli(['check', '--quiet', '--format', 'json', ...EXAMPLES]);
    const json = JSON.parse(quiet.stdout);
    expect(all.findings.some((f: { severity: string }) => f.severity !== 'error')).toBe(true);
    expect(json.findings).toEqual(all.findings.filter((f: { severity: string }) => f.severity === 'error'));
    expect([json.errors, json.warnings, quiet.code]).toEqual([all.errors, all.warnings, 1]);
  });

  it('--max-warnings fails a passing gate past that many warnings', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-max-'));
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node:20\nCMD node server.js\n');
    const warned = await cli(['check', 'Dockerfile', '--max-warnings', '0'], { cwd: dir });
    expect(warned.code).toBe(1);
    expect(warned.stderr).toBe('readiness-gate: 1 warning, more than --max-warnings 0 allows.\n');
    expect((await cli(['check', 'Dockerfile', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    expect((await cli(['check', 'Dockerfile', '--max-warnings', 'x'], { cwd: dir })).code).toBe(2);
  });

  it('-o writes the report to a file, not to standard output', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-out-'));
    const run = await cli(['check', '--format', 'sarif', '-o', path.join(dir, 'out.sarif'), ...EXAMPLES]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(await readFile(path.join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('--format github prints workflow commands, each on one line, what documents say escaped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-gh-'));
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, 'pr.md'), '## Summary\n');
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node:20\nCMD node server.js\n');
    const run = await cli(['check', '--format', 'github', '--body', 'pr.md', 'Dockerfile'], { cwd: dir });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^Gate failed: \d+ errors, 1 warning\.$/);
    expect(lines).toContain(
      '::warning file=Dockerfile,line=2,col=1,title=dockerfile-exec-form::CMD is in shell form%3A a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Write it in exec form, e.g. CMD ["node", "server.js"].'.replace(
        '%3A',
        ':',
      ),
    );
    // The description's findings point at the file it was read from.
    expect(lines.some((l) => l.startsWith('::error file=pr.md,line='))).toBe(true);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
  });
});

describe('each command’s --help', () => {
  it.each(['check', 'init', 'doctor'])('%s --help prints that command’s usage, exit 0', async (command) => {
    const help = await cli([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: readiness-gate ${command} `));
    expect(help.stderr).toBe('');
    // Only that command's: not another's synopsis.
    for (const other of ['check', 'init', 'doctor'].filter((c) => c !== command)) {
      expect(help.stdout).not.toContain(`readiness-gate ${other} `);
    }
  });
});

describe('readiness-gate --version and --help', () => {
  it('prints the version of package.json, and the usage', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
    const help = await cli(['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage:']);
  });
});

describe('readiness-gate init', () => {
  it('writes the four files, then refuses to overwrite without --force', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    const first = await cli(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      'wrote .github/readiness-gate.yml',
      'wrote .github/pull_request_template.md',
      'wrote docs/runbooks/TEMPLATE.md',
      'wrote .github/workflows/readiness-gate.yml',
    ]);
    const again = await cli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exist; nothing written. Run "readiness-gate init --force" to overwrite.');
    expect((await cli(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('writes a config that validates, and a runbook template the default globs do not check', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    await cli(['init'], { cwd: dir });
    const { code, stdout, stderr } = await cli(['check', '--format', 'json', 'docs/runbooks/**/*.md'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings).toEqual([]);
  });

  it('writes files the gate itself finds nothing wrong with, and a config that names its schema', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    await mkdir(path.join(dir, '.git'));
    await cli(['init'], { cwd: dir });
    const run = await cli(['check', '--format', 'json', '.github/workflows/readiness-gate.yml'], { cwd: dir });
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    const config = await readFile(path.join(dir, '.github/readiness-gate.yml'), 'utf8');
    expect(config.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json',
    );
    // The alerts and code sections are offered, commented; uncommented, they load.
    const opened = config.replace(/^# (?:alerts|code):\n(?:# {3}.*\n)+/gm, (block) => block.replace(/^# /gm, ''));
    expect(opened).toContain('\nalerts:\n');
    expect(opened).toContain('\ncode:\n');
    expect(() => loadConfig(opened, 'x.yml')).not.toThrow();
  });

  it('writes a pull-request template whose filled-in form passes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    await cli(['init'], { cwd: dir });
    const template = await readFile(path.join(dir, '.github/pull_request_template.md'), 'utf8');
    const empty = await cli(['check', '--format', 'json', '--body', '.github/pull_request_template.md'], { cwd: dir });
    // 17 findings of the review checklist, and the description being the template it was written from, untouched.
    expect(JSON.parse(empty.stdout).errors).toBe(18);
    expect(
      JSON.parse(empty.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'template-untouched'),
    ).toHaveLength(1);
    const filled = template
      .replace(/- \[ \]/g, '- [x]')
      .replace(/<!-- Link the runbook[^>]*-->/, 'N/A — no deployment change.');
    const pass = await cli(['check', '--body', '-'], { cwd: dir, input: filled });
    expect(pass.code).toBe(0);
  });
});
