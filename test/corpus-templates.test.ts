// Real pull-request templates as the baseline (corpus/pr-templates, SOURCES.md): `init --from-template` makes a
// config from each, the untouched template fails it, a realistically filled description passes, in the CLI; and the
// action reads the template at the base commit as the CLI reads the checkout's.
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { eachGitHub, runAction } from './action/harness.js';
import { BASE, pullRequestEvent, scenario } from './action/scenario.js';
import { runCli } from './cli/run.js';
import { ROOT } from './helpers.js';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

const corpus = (name: string) => path.join(ROOT, 'corpus/pr-templates', name);

interface Case {
  file: string;
  /** Where the repository keeps it. */
  at: string;
  /** What the untouched template is found wanting, by rule. */
  untouched: string[];
  /** The template as a careful author fills it in. */
  filled: (template: string) => string;
}

const CASES: Case[] = [
  {
    file: 'apache__flink.md',
    at: '.github/PULL_REQUEST_TEMPLATE.md',
    // Five sections of the template's text alone; six inline questions, two in Documentation and the alternatives of
    // "Verifying this change" left open; the Generated-by line as the template wrote it.
    untouched: [
      'template-untouched',
      ...Array(5).fill('section-text'),
      ...Array(9).fill('template-choice'),
      'template-field',
    ],
    filled: (t) =>
      t
        .replace(
          /\*\(For example: This pull request[^\n]*\n/,
          'Checkpoint barriers are no longer blocked by a slow sink.\n',
        )
        .replace(
          /\*\(for example:\)\*\n(?: {2}- \*[^\n]*\n)+/,
          '  - The sink acknowledges barriers from its own thread.\n',
        )
        .replace(/This change is a trivial rework[^\n]*\n\n\*\(or\)\*\n\n/, '')
        .replace(/This change is already covered[^\n]*\n\n\*\(or\)\*\n\n/, '')
        .replace(
          /\*\(example:\)\*\n(?: {2}- \*[^\n]*\n)+/,
          '  - Added SinkBarrierTest, which fails without the change.\n',
        )
        .replaceAll(": (yes / no / don't know)", ': no')
        .replaceAll(': (yes / no)', ': no')
        .replace('? (yes / no)', '? no')
        .replace('? (not applicable / docs / JavaDocs / not documented)', '? not applicable')
        .replace('Generated-by: [Tool Name and Version]\n', ''),
  },
  {
    file: 'pingcap__tidb.md',
    at: '.github/pull_request_template.md',
    // The first section's fields as the template wrote them, and the section, which holds nothing else; the next
    // empty; no box ticked; the release note the template's.
    untouched: [
      'template-untouched',
      'section-text',
      'section-text',
      'section-text',
      'item-checked',
      'template-field',
      'template-field',
    ],
    filled: (t) =>
      t
        .replace('Issue Number: close #xxx', 'Issue Number: close #61204')
        .replace('Problem Summary:\n', 'Problem Summary: the planner picks a full scan when the index is hidden.\n')
        .replace(
          '### What is changed and how it works?\n',
          '### What is changed and how it works?\n\nThe hint is honoured for hidden indexes.\n',
        )
        .replace('- [ ] Unit test', '- [x] Unit test')
        .replace(
          '```release-note\nNone\n```',
          '```release-note\nFix a full scan chosen over a hidden index with a hint.\n```',
        ),
  },
  {
    file: 'envoyproxy__envoy.md',
    at: 'PULL_REQUEST_TEMPLATE.md',
    untouched: ['template-untouched', ...Array(7).fill('template-field')],
    filled: (t) =>
      t
        .replace('Commit Message:', 'Commit Message: router: retry on upstream reset')
        .replace('Additional Description:', 'Additional Description: the retry budget counts resets too.')
        .replace('Risk Level:', 'Risk Level: Low')
        .replace('Testing:', 'Testing: unit tests for the retry budget')
        .replace('Docs Changes:', 'Docs Changes: N/A — no user-facing change')
        .replace('Release Notes:', 'Release Notes: added retry on reset to the router')
        .replace('Platform Specific Features:', 'Platform Specific Features: none'),
  },
];

async function repository(c: Case): Promise<string> {
  const repo = await mkdtemp(path.join(tmpdir(), 'rg-templates-'));
  temps.push(repo);
  await mkdir(path.join(repo, '.git'));
  await mkdir(path.dirname(path.join(repo, c.at)), { recursive: true });
  await copyFile(corpus(c.file), path.join(repo, c.at));
  return repo;
}

describe.each(CASES)('$file as the baseline', (c) => {
  it('init --from-template writes a config that loads, naming the template', async () => {
    const repo = await repository(c);
    const { code, stdout } = await runCli(['init', '--from-template'], { cwd: repo });
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote .github/readiness-gate.yml (from ${c.at})`);
    const text = await readFile(path.join(repo, '.github/readiness-gate.yml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/github\.com\//);
    const config = loadConfig(text, '.github/readiness-gate.yml');
    expect(config.pullRequest.template).toBe(c.at);
  });

  it('fails the untouched template, and passes it filled in', async () => {
    const repo = await repository(c);
    await runCli(['init', '--from-template'], { cwd: repo });
    const template = await readFile(corpus(c.file), 'utf8');
    await writeFile(path.join(repo, 'untouched.md'), template);
    const untouched = await runCli(['check', '--body', 'untouched.md', '--format', 'json'], { cwd: repo });
    expect(untouched.code).toBe(1);
    const findings = JSON.parse(untouched.stdout).findings as { ruleId: string; message: string }[];
    expect(findings.map((f) => f.ruleId).sort()).toEqual([...c.untouched].sort());
    const filled = c.filled(template);
    expect(filled).not.toBe(template);
    await writeFile(path.join(repo, 'filled.md'), filled);
    const passing = await runCli(['check', '--body', 'filled.md', '--format', 'json'], { cwd: repo });
    expect(JSON.parse(passing.stdout).findings).toEqual([]);
    expect(passing.code).toBe(0);
  });
});

/** Every real template: the project's (corpus/pr-templates) and the shared corpus's, where it is beside the project. */
const SHARED = path.resolve(ROOT, '../shared/corpus/pr-templates');
const EVERY = [
  ...readdirSync(path.join(ROOT, 'corpus/pr-templates')).map((f) => path.join(ROOT, 'corpus/pr-templates', f)),
  ...(existsSync(SHARED) ? readdirSync(SHARED).map((f) => path.join(SHARED, f)) : []),
].filter((f) => f.endsWith('.md'));

describe('every real template in the corpus', () => {
  it('is found in it: the shared corpus sits beside the project', () => {
    expect(EVERY.length).toBeGreaterThanOrEqual(existsSync(SHARED) ? 24 : 4);
  });

  it.each(EVERY.map((f) => [path.basename(f), f]))(
    '%s: init --from-template makes a config, and the untouched template fails it',
    async (_name, file) => {
      const repo = await mkdtemp(path.join(tmpdir(), 'rg-every-template-'));
      temps.push(repo);
      await mkdir(path.join(repo, '.git'));
      await mkdir(path.join(repo, '.github'));
      await copyFile(file, path.join(repo, '.github/pull_request_template.md'));
      expect((await runCli(['init', '--from-template'], { cwd: repo })).code).toBe(0);
      await copyFile(file, path.join(repo, 'untouched.md'));
      const { code, stdout } = await runCli(['check', '--body', 'untouched.md', '--format', 'json'], { cwd: repo });
      const json = JSON.parse(stdout) as { findings: { ruleId: string }[] };
      expect(json.findings.map((f) => f.ruleId)).toContain('template-untouched');
      expect(code).toBe(1);
    },
  );
});

describe('several templates in a PULL_REQUEST_TEMPLATE/ folder', () => {
  const FEATURE = '## Summary\n\n## Rollout plan\n\nRisk Level:\n';
  const RELEASE = '## Release\n\nVersion:\nChangelog:\n';

  async function repo(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-several-'));
    temps.push(dir);
    await mkdir(path.join(dir, '.git'));
    await mkdir(path.join(dir, '.github/PULL_REQUEST_TEMPLATE'), { recursive: true });
    await writeFile(path.join(dir, '.github/PULL_REQUEST_TEMPLATE/feature.md'), FEATURE);
    await writeFile(path.join(dir, '.github/PULL_REQUEST_TEMPLATE/Release.md'), RELEASE);
    await writeFile(path.join(dir, '.github/readiness-gate.yml'), 'extends: none\nrules:\n  template-field: error\n');
    return dir;
  }
  const check = async (dir: string, body: string) => {
    await writeFile(path.join(dir, 'pr.md'), body);
    return JSON.parse((await runCli(['check', '--body', 'pr.md', '--format', 'json'], { cwd: dir })).stdout) as {
      findings: { message: string }[];
      notes?: string[];
    };
  };

  it("takes the one the description's ?template= link names, and says which", async () => {
    const dir = await repo();
    const json = await check(
      dir,
      'Opened from https://github.com/o/r/compare/main...x?template=release.md\n\n## Release\n\nVersion: 2.4.0\nChangelog:\n',
    );
    expect(json.findings.map((f) => f.message)).toEqual([
      'Field "Changelog" is empty: write it after "Changelog:", or "N/A — reason".',
    ]);
    expect(json.notes).toContain(
      "The description was compared with the pull-request template `.github/PULL_REQUEST_TEMPLATE/Release.md`, the one of the repository's 2 it follows.",
    );
  });

  it('else the one whose headings the description follows', async () => {
    const dir = await repo();
    const json = await check(dir, '## Summary\nRetries.\n\n## Rollout plan\n\nRisk Level:\n');
    expect(json.findings.map((f) => f.message)).toEqual([
      'Field "Risk Level" is empty: write it after "Risk Level:", or "N/A — reason".',
    ]);
  });
});

describe('the action reads the template at the base commit', () => {
  const use = eachGitHub();

  it('as the CLI reads the checkout: the same findings on the untouched tidb template', async () => {
    const c = CASES[1]!;
    const template = await readFile(corpus(c.file), 'utf8');
    const repo = await repository(c);
    await runCli(['init', '--from-template'], { cwd: repo });
    const config = await readFile(path.join(repo, '.github/readiness-gate.yml'), 'utf8');
    const github = use(await scenario({ body: template }));
    github.setFile(BASE, c.at, template);
    github.setFile(BASE, '.github/readiness-gate.yml', config);
    const run = await runAction(github, { event: 'pull_request', payload: pullRequestEvent('opened', template) });
    expect(run.code).toBe(1);
    expect(run.report!.findings.map((f) => f.ruleId).sort()).toEqual([...c.untouched].sort());
    await writeFile(path.join(repo, 'untouched.md'), template);
    const cli = await runCli(['check', '--body', 'untouched.md', '--format', 'json'], { cwd: repo });
    const fromCli = JSON.parse(cli.stdout).findings as { ruleId: string; message: string; line: number }[];
    expect(run.report!.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual(
      fromCli.map((f) => [f.ruleId, f.line, f.message]),
    );
  });

  it("a template the pull request adds or edits is not the baseline: the base commit's is", async () => {
    const c = CASES[2]!;
    const template = await readFile(corpus(c.file), 'utf8');
    const github = use(await scenario({ body: 'Commit Message:\n' }));
    github.setFile(BASE, c.at, template);
    // The head's copy says nothing is asked; the base's still asks.
    github.setFile(github.pulls.get(7)!.headSha, c.at, 'Anything:\n');
    const run = await runAction(github, {
      event: 'pull_request',
      payload: pullRequestEvent('opened', 'Commit Message:\n'),
    });
    expect(run.report!.findings.filter((f) => f.ruleId === 'template-field').map((f) => f.message)).toEqual([
      'Field "Commit Message" is empty: write it after "Commit Message:", or "N/A — reason".',
    ]);
  });
});
