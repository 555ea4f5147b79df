// Config the gate cannot trust, races between runs, and what the reports echo.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { MARKER } from '../../src/github/comment.js';
import { neutralise } from '../../src/report/neutralise.js';
import { eachGitHub, runAction } from '../action/harness.js';
import { HEAD, pullRequestEvent, scenario, text } from '../action/scenario.js';

const use = eachGitHub();
const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };

function configError(yaml: string): ConfigError {
  try {
    loadConfig(yaml, '.github/readiness-gate.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('config', () => {
  it('an alias bomb is a config error at its line, not an unexpected error', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const error = configError(`${levels.join('\n')}\n`);
    expect(error.message).toMatch(/^\.github\/readiness-gate\.yml:2:\d+: the config expands its YAML aliases too far/);
  });

  it('a huge config is refused before it is parsed', () => {
    const error = configError(`# ${'x'.repeat(70_000)}\nstrict: true\n`);
    expect(error.message).toBe('.github/readiness-gate.yml:1:1: the config is 70016 bytes, over the 65536-byte limit.');
  });

  it('a config input naming a missing file fails the run, naming the path', async () => {
    const github = use(await scenario());
    const run = await runAction(github, { ...pullEvent, inputs: { config: '.github/gate-typo.yml' } });
    expect(run.code).toBe(1);
    expect(run.report!.findings).toEqual([
      expect.objectContaining({ ruleId: 'config-invalid', source: '.github/gate-typo.yml', line: 1 }),
    ]);
    expect(run.report!.findings[0]!.message).toMatch(
      /^no such file at the base commit ba5e000, though the `config` input names it/,
    );
  });

  it('with the default path absent, the report says the built-in rules decided', async () => {
    const github = use(await scenario());
    const run = await runAction(github, pullEvent);
    expect(run.code).toBe(0);
    expect(run.summary).toContain('Config: built-in devops rules.');
    expect((run.report as { config?: string }).config).toBe('built-in devops rules');
  });
});

describe('races and messages', () => {
  it('two runs that create a comment at once converge on one, the oldest, with this run’s report', async () => {
    const github = use(await scenario());
    let other: number | undefined;
    github.onCommentCreate = () => {
      github.onCommentCreate = undefined;
      other = github.addComment(`${MARKER}\nthe other run`, 'github-actions[bot]', 'Bot').id;
    };
    const run = await runAction(github, { ...pullEvent, inputs: { comment: 'always' } });
    expect(run.code).toBe(0);
    expect(github.comments.map((c) => c.id)).toEqual([other]);
    expect(github.comments[0]!.body).toContain('Production readiness: passed');
  });

  it('a 403 on adding annotations after the check run was created is not called a read-only token', async () => {
    const github = use(await scenario());
    github.setFile(HEAD, 'docs/runbooks/deploy-payments.md', `# Runbook\n${'- [Time]\n'.repeat(120)}`);
    github.faults.push({
      method: 'PATCH',
      path: /check-runs\/\d+$/,
      status: 403,
      message: 'Annotation path is outside the diff',
      times: 9,
    });
    const run = await runAction(github, pullEvent);
    expect(run.code).toBe(1);
    expect(run.summary).not.toContain('read-only');
    expect(run.summary).toContain('The check run was created, but only 50 of');
    expect(github.comments).toHaveLength(1);
  });

  it('retry warnings name the path requested, not the route template', async () => {
    const github = use(await scenario());
    github.faults.push({
      path: /deploy-payments\.md$/,
      status: 502,
      message: 'Bad Gateway',
      times: 1,
      headers: { 'retry-after': '0' },
    });
    const run = await runAction(github, pullEvent);
    expect(run.stdout).toContain(
      '::warning::GitHub answered 502 on GET /repos/octo-org/octo-repo/contents/docs/runbooks/deploy-payments.md; retrying in 0 s.',
    );
    expect(run.stdout).not.toContain('%7B');
  });

  it('echoed text cannot open links: bare URLs and www. are broken up', () => {
    const out = neutralise('see https://evil.example/x and www.evil.example and mail a@b.example');
    expect(out).not.toMatch(/https:\/\//);
    expect(out).not.toMatch(/www\./);
    expect(out).toBe('see https\u200b://evil.example/x and www\u200b.evil.example and mail a@\u200bb.example');
  });
});

describe('fixtures', () => {
  it('the example runbook is what the scenario serves', () => {
    expect(text('examples/runbooks/deploy-payments.md').length).toBeGreaterThan(100);
  });
});
