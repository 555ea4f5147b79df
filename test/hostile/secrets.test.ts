// No format echoes a credential: a token, a password or a webhook a document quotes is replaced before any report is
// written, in the CLI's text, JSON, Markdown and SARIF and in everything the action publishes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { redactAll, redactReport } from '../../src/report/redact.js';
import { eachGitHub, runAction } from '../action/harness.js';
import { pullRequestEvent, scenario, GOOD_BODY } from '../action/scenario.js';
import { runCli } from '../cli/run.js';

// Each made for this test; none is a real credential. The Slack one has the shape secretlint's rule knows.
const SECRETS = {
  password: 'hunter2-Xq9',
  apiKey: 'k3y-9f8e7d6c5b4a',
  slack: 'B01ABCDEFGH/abcdefghijklmnopqrstuvwx',
  sig: 'sIg0123456789abcdef',
};
const SLACK = `https://hooks.slack.com/services/T01ABCDEFGH/${SECRETS.slack}`;
const LINKS = [
  `https://ci-bot:${SECRETS.password}@wiki.example.com/runbooks/pay?api_key=${SECRETS.apiKey}&page=2`,
  SLACK,
  `https://storage.example.net/runbook.md?sv=2024-01-01&sig=${SECRETS.sig}`,
];
const BODY = GOOD_BODY.replace(
  /## Runbook\n[^\n]*\n/,
  `## Runbook\n${LINKS.map((url, i) => `- [runbook ${i + 1}](${url})`).join('\n')}\n`,
);

// Made up for this test, of the length a key block has.
const KEY_BODY = Array.from(
  { length: 3 },
  (_, i) => `MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu${i}`,
).join('\n');

const leaked = (text: string) => Object.values(SECRETS).filter((s) => text.includes(s));

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

describe('the CLI echoes no credential', () => {
  it.each(['text', 'json', 'markdown', 'sarif'])('in --format %s', async (format) => {
    const repo = await mkdtemp(path.join(tmpdir(), 'rg-secrets-'));
    temps.push(repo);
    await mkdir(path.join(repo, '.git'));
    await writeFile(path.join(repo, 'pr.md'), BODY);
    const { stdout, stderr } = await runCli(['check', '--body', 'pr.md', '--format', format], { cwd: repo });
    expect(leaked(stdout + stderr)).toEqual([]);
    if (format !== 'sarif') {
      // The links are still named, their credentials hidden: a reader knows what was not checked. (Markdown escapes
      // them and breaks autolinks with a zero-width space.)
      const shown =
        format === 'markdown'
          ? stdout
              .replace(/\\(.)/g, '$1')
              .replace(/\u200b/g, '')
              .replace(/&amp;/g, '&')
          : stdout;
      expect(shown).toContain('https://***@wiki.example.com/runbooks/pay?api_key=***&page=2');
      expect(shown).toContain('https://hooks.slack.com/***');
    }
  });
});

const use = eachGitHub();

describe('the action echoes no credential', () => {
  it('in its comment, check run, annotations, summary, outputs and reports', async () => {
    const github = use(await scenario({ body: BODY }));
    const run = await runAction(github, { event: 'pull_request', payload: pullRequestEvent('opened', BODY) });
    expect(run.report!.findings.some((f) => f.ruleId === 'runbook-linked')).toBe(true);
    const published = [
      ...github.comments.map((c) => c.body),
      ...github.checkRuns.map((c) => JSON.stringify(c.output)),
      ...github.reviewComments.map((c) => c.body),
      run.stdout,
      run.stderr,
      run.summary,
      JSON.stringify(run.report),
      JSON.stringify(run.sarif),
      JSON.stringify(run.outputs),
    ].join('\n');
    expect(leaked(published)).toEqual([]);
    expect(published).toContain('***');
  });
});

describe('redactAll', () => {
  it('hides userinfo, secret query parameters and what secretlint knows, and leaves the rest', async () => {
    const [a, b, c, plain] = await redactAll([
      'see https://u:p4ss@db.example.com:5432/x?sslmode=require&password=s3cr3t',
      `post to ${SLACK} when it fires`,
      `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----`,
      'Container "api" of Deployment "api" has no readinessProbe; terminationGracePeriodSeconds is 30.',
    ]);
    expect(a).toBe('see https://***@db.example.com:5432/x?sslmode=require&password=***');
    expect(b).toBe('post to https://hooks.slack.com/*** when it fires');
    expect(c).not.toContain(KEY_BODY.slice(0, 40));
    expect(plain).toBe(
      'Container "api" of Deployment "api" has no readinessProbe; terminationGracePeriodSeconds is 30.',
    );
  });
});

describe('findings said in one line', () => {
  it('name no credential: the names gathered are redacted with the findings', async () => {
    const runbook = `# Runbook: x\n\n## Overview\n- **Risk Level**: High\n\n## Pre-Deployment Checklist\n- [ ] Paged ${SLACK}\n- [ ] Login ${LINKS[0]}\n`;
    const report = check({
      files: [{ path: 'docs/runbooks/x.md', kind: 'runbook', text: runbook }],
      config: loadConfig(undefined, 'x.yml'),
    });
    const gathered = report.findings.filter((f) => f.gather);
    // The names held the credentials before the report was redacted: the test would catch a leak.
    expect(leaked(gathered.map((f) => f.gather!.name).join(' '))).not.toEqual([]);
    const { report: clean } = await redactReport(report, []);
    const text = formatMarkdown(clean, { title: 'Production readiness' });
    expect(text).toContain('not ticked in');
    expect(leaked(text)).toEqual([]);
    expect(leaked(JSON.stringify(clean))).toEqual([]);
  });
});
