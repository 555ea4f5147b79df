// The bundles, as users run them: dist/index.js against the local GitHub and dist/cli.js, each in a
// child process (under READINESS_GATE_NODE when set, e.g. Node 24). The rest of the suite runs the
// source in-process; test/global-setup.ts bundles dist/ from the source before any test, and .ci/run
// fails when the committed dist/ differs from that bundle.
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { PARALLEL_THRESHOLD } from '../../src/concurrency.js';
import { check } from '../../src/engine.js';
import { toJson } from '../../src/report/json.js';
import { eachGitHub, NODE, runBundledAction as runAction } from '../action/harness.js';
import { HEAD, pullRequestEvent, scenario, text } from '../action/scenario.js';
import { LoopbackProxy } from '../github/proxy.js';
import { ROOT, ROTATE_CERTS_FIRST_FINDING, runbooks } from '../helpers.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const run = promisify(execFile);
async function cli(args: string[], cwd = ROOT) {
  try {
    const { stdout, stderr } = await run(NODE, [path.join(ROOT, 'bin/readiness-gate.js'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dist/cli.js', () => {
  it('checks the examples as `npm start` does: one passing and one failing runbook', async () => {
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
      '✔ examples/pull-request.md\n✔ examples/runbooks/deploy-payments.md\n✖ examples/runbooks/rotate-certs.md\n',
    );
    expect(stdout).toContain('✔ examples/deploy/Dockerfile\n✔ examples/deploy/payments-api.yaml\n');
    expect(stdout).toContain('Gate failed: 8 errors, 1 warning in 5 documents.');
    const json = await cli(['check', '--format', 'json', 'examples/runbooks/rotate-certs.md']);
    expect(JSON.parse(json.stdout).findings[0]).toEqual(ROTATE_CERTS_FIRST_FINDING);
  });

  it('reads source files with the grammars shipped beside the bundle, in a checking thread too', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    temps.push(dir);
    // Over 8 KiB, so the check runs in a thread, which loads its grammars itself.
    const padding = '# a comment to make the file large\n'.repeat(300);
    await writeFile(path.join(dir, 'client.py'), `import requests\n${padding}requests.get(url)\n`);
    await writeFile(path.join(dir, 'main.go'), 'package main\n\nimport "net/http"\n\nfunc main() { http.Get("x") }\n');
    await writeFile(path.join(dir, 'load.ts'), 'export const load = (u: string) => fetch(u);\n');
    await writeFile(path.join(dir, 'Client.java'), 'class C { Object c = HttpClient.newHttpClient(); }\n');
    await writeFile(path.join(dir, 'client.rs'), 'async fn f() { let _ = reqwest::get("http://x").await; }\n');
    const { stdout, stderr } = await cli(
      ['check', '--format', 'json', 'client.py', 'main.go', 'load.ts', 'Client.java', 'client.rs'],
      dir,
    );
    expect(stderr).toBe('');
    const findings = (JSON.parse(stdout) as { findings: { source: string; line: number; ruleId: string }[] }).findings;
    expect(findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`).sort()).toEqual([
      'Client.java:1 code-network-timeout',
      'client.py:302 code-network-timeout',
      'client.rs:1 code-network-timeout',
      'load.ts:1 code-network-timeout',
      'main.go:5 code-network-timeout',
    ]);
  });

  it('judges the alerts of a named folder with the runbooks beside them, in checking threads as in one go', async () => {
    // cloudnative-pg's cluster chart: 19 alert rules and their runbooks, over 8 KiB together, so the files are
    // checked one by one in a thread; each alert file must still see the runbooks named with it.
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    temps.push(dir);
    await cp(path.join(ROOT, 'corpus/manifests/cloudnative-pg__charts'), dir, { recursive: true });
    const git = (...args: string[]) => run('git', ['-C', dir, ...args]);
    await git('init', '-q');
    await git('remote', 'add', 'origin', 'https://github.com/cloudnative-pg/charts.git');
    const config = path.join(ROOT, 'examples/configs/cloudnative-pg-alerts.yml');
    const { stdout, stderr } = await cli(['check', '--format', 'json', '--config', config, 'charts/cluster'], dir);
    expect(stderr).toBe('');
    const findings = (JSON.parse(stdout) as { findings: { source: string; line: number; ruleId: string }[] }).findings;
    expect(findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`)).toEqual([
      'charts/cluster/docs/runbooks/CNPGClusterHighReplicationLag.md:30 runbook-section-empty',
      'charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceCritical.md:21 runbook-section-empty',
      'charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceWarning.md:21 runbook-section-empty',
    ]);
  });

  it("judges a service's catalog with Backstage's schemas shipped in the bundle, as the scorecard and as a check", async () => {
    const platform = path.join(ROOT, 'test/fixtures/services/platform');
    const scorecard = await cli(['services', '--format', 'json'], platform);
    expect(scorecard.stderr).toBe('');
    expect(scorecard.code).toBe(1);
    const facts = JSON.parse(scorecard.stdout) as { services: { name: string; checks: { slo: { status: string } } }[] };
    expect(facts.services.map((s) => `${s.name} ${s.checks.slo.status}`)).toEqual([
      'orders fail',
      'payments pass',
      'search fail',
    ]);
    // A component Backstage would refuse, in a changed catalog file: its schemas were loaded, in a chunk of their own.
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    temps.push(dir);
    await cp(platform, dir, { recursive: true });
    const catalog = path.join(dir, 'services/payments/catalog-info.yaml');
    await writeFile(catalog, (await readFile(catalog, 'utf8')).replace('  owner: group:payments-team\n', ''));
    const checked = await cli(['check', '--format', 'json', 'services/payments/catalog-info.yaml'], dir);
    const findings = (JSON.parse(checked.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'service-catalog').map((f) => f.message)).toEqual([
      'Backstage would reject Component "payments": spec.owner is required. Correct it, or the catalog drops the entity.',
    ]);
  });

  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });
});

describe('readiness-gate check on many files', () => {
  it('spreads them over threads and reports exactly what one thread would', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-'));
    temps.push(dir);
    const failing = await readFile(path.join(ROOT, 'examples/runbooks/rotate-certs.md'), 'utf8');
    const passing = await readFile(path.join(ROOT, 'examples/runbooks/deploy-payments.md'), 'utf8');
    const files = Array.from({ length: PARALLEL_THRESHOLD + 50 }, (_, i) => ({
      path: `runbooks/r${String(i).padStart(3, '0')}.md`,
      text: i % 4 === 0 ? passing : failing,
    }));
    await mkdir(path.join(dir, 'runbooks'));
    await Promise.all(files.map((f) => writeFile(path.join(dir, f.path), f.text)));
    const { code, stdout } = await cli(['check', '--format', 'json', 'runbooks/*.md'], dir);
    expect(code).toBe(1);
    const expected = toJson(check({ files: runbooks(files), config: loadConfig(undefined, 'x.yml') }));
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.errors).toBe(8 * (files.length - Math.ceil(files.length / 4)));
  });
});

const use = eachGitHub();
const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };

describe('dist/index.js', () => {
  it('passes a ready pull request and fails one whose runbook is not ready, with annotations', async () => {
    const github = use(await scenario());
    const pass = await runAction(github, pullEvent);
    expect([pass.code, pass.stderr, pass.outputs.conclusion]).toEqual([0, '', 'success']);
    expect(github.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[HEAD, 'success']]);
    github.setFile(HEAD, 'docs/runbooks/deploy-payments.md', text('examples/runbooks/rotate-certs.md'));
    const fail = await runAction(github, pullEvent);
    expect(fail.code).toBe(1);
    expect(fail.outputs).toMatchObject({ conclusion: 'failure', errors: '8', warnings: '1' });
    expect(github.checkRuns[1]!.output.annotations).toHaveLength(9);
    expect(github.comments).toHaveLength(1);
  });

  it('posts a comment that renders as GitHub shows it: blocking first, said once, lines linked, no escape shown', async () => {
    const hasCmark = spawnSync('cmark-gfm', ['--version']).status === 0;
    if (!hasCmark) console.warn('cmark-gfm is not installed: the rendered comment of the bundle is not checked.');
    const body = text('test/fixtures/pull-requests/ops-review-untouched.md').replace(
      'examples/runbooks/',
      'docs/runbooks/',
    );
    const gh = use(
      await scenario({
        body,
        files: [
          { filename: 'docs/runbooks/deploy-payments.md', status: 'added' },
          { filename: 'docs/runbooks/rotate-certs.md', status: 'added' },
        ],
      }),
    );
    gh.setFile(HEAD, 'docs/runbooks/rotate-certs.md', text('examples/runbooks/rotate-certs.md'));
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    const comment = gh.comments[0]!.body;
    // Said once: the unticked sign-off boxes are one line naming each.
    expect(comment.match(/Not ticked in "DevOps Sign-off"/g)).toHaveLength(1);
    if (!hasCmark) return;
    const html = spawnSync('cmark-gfm', ['-e', 'autolink', '-e', 'tagfilter', '-e', 'table'], {
      input: comment,
      encoding: 'utf8',
    }).stdout;
    expect(html.indexOf('<h3>Blocking the merge</h3>')).toBeLessThan(html.indexOf('<h3>Advisory</h3>'));
    expect(html).toMatch(/href="[^"]*\/docs\/runbooks\/rotate-certs\.md\?plain=1#L\d+">line \d+<\/a>/);
    const shown = html.replace(/<[^>]*>/g, '');
    expect(shown).not.toMatch(/\\[[\]`*_#()]/);
    expect(shown).not.toContain('`');
  });

  it('behind a proxy, builds its client with @actions/github (loaded only then), which leaves loopback unproxied', async () => {
    const gh = use(await scenario());
    // A comment too, so a write goes out the same way.
    const run = await runAction(gh, {
      ...pullEvent,
      inputs: { comment: 'always' },
      env: { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.comments).toHaveLength(1);
    // Node's fetch (undici, under @actions/github) asks for compressed answers; the node:http client does not.
    expect(gh.requests.every((r) => String(r.headers['accept-encoding'] ?? '').includes('gzip'))).toBe(true);
  });

  it('sends every request through the proxy to a host that is not loopback', async () => {
    const gh = use(await scenario());
    const port = new URL(gh.url).port;
    const proxy = await new LoopbackProxy(Number(port)).start();
    try {
      // The name resolves nowhere: only a request that goes through the proxy can reach the fake GitHub.
      const run = await runAction(gh, {
        ...pullEvent,
        inputs: { comment: 'always' },
        env: { GITHUB_API_URL: `http://api.github.invalid:${port}`, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(gh.checkRuns).toHaveLength(1);
      expect(gh.comments).toHaveLength(1);
      expect(proxy.asked.length).toBeGreaterThan(0);
      expect(new Set(proxy.asked)).toEqual(new Set([`api.github.invalid:${port}`]));
    } finally {
      await proxy.stop();
    }
  });
});
