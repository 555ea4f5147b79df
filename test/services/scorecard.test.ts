// `readiness-gate services` on a platform team's repository: the scorecard as text, JSON (checked against its
// published schema), Markdown (rendered by GitHub's engine) and one HTML page (rendered by a real browser).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { ROOT, toolRuns } from '../helpers.js';

const PLATFORM = path.join(ROOT, 'test/fixtures/services/platform');
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

const CMARK = toolRuns('cmark-gfm', ['--version'], "the Markdown scorecard is not rendered through GitHub's engine.");
const CHROMIUM = toolRuns('chromium', ['--version'], 'the HTML scorecard is not rendered in a browser.');

interface Facts {
  version: number;
  services: {
    name: string;
    tier: string;
    checks: Record<string, { status: string; source: { path: string; line: number } | null }>;
  }[];
}

const statuses = (facts: Facts) =>
  Object.fromEntries(
    facts.services.map((s) => [
      s.name,
      Object.values(s.checks)
        .map((c) => c.status.replace('not-required', '-'))
        .join(' '),
    ]),
  );

describe('readiness-gate services', () => {
  it('writes the facts its JSON Schema describes, one row a service, each decided at a file and line', async () => {
    const run = await runCli(['services', '--format', 'json'], { cwd: PLATFORM });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const facts = JSON.parse(run.stdout) as Facts;
    const schema = JSON.parse(await readFile(path.join(ROOT, 'schema/services.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const valid = validate(facts);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // owner, oncall, slo, alerts, dashboard, runbook
    expect(statuses(facts)).toEqual({
      orders: 'fail fail fail pass pass pass',
      payments: 'pass pass pass pass pass pass',
      search: 'pass fail fail fail fail fail',
    });
    const orders = facts.services.find((s) => s.name === 'orders')!;
    expect(orders.checks.owner!.source).toEqual({ path: '.github/CODEOWNERS', line: 4 });
    expect(orders.checks.slo!.source).toEqual({ path: 'slos/orders.pyrra.yaml', line: 4 });
    // A value the schema would refuse is refused: the check is not vacuous.
    expect(validate({ ...facts, version: 2 })).toBe(false);
  });

  it('says each question in a line of text, and exits 0 with --exit-zero', async () => {
    const run = await runCli(['services', '--exit-zero'], { cwd: PLATFORM });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('orders (tier production, owner group:orders-team)\n');
    expect(run.stdout).toMatch(
      / {2}FAIL {9}SLO {8}every SLO naming orders is incomplete {2}slos\/orders\.pyrra\.yaml:4\n/,
    );
    expect(run.stdout).toContain('3 services, 2 missing what its tier requires.\n');
  });

  it('says a catalog file it cannot read beside the scorecard, and fails', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-scorecard-'));
    temps.push(dir);
    await cp(PLATFORM, dir, { recursive: true });
    // Nested past what a YAML reader's stack holds: read as nothing, and said, never a silent pass.
    const deep = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\n  deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    await writeFile(path.join(dir, 'services/payments/catalog-info.yaml'), deep);
    const run = await runCli(['services', '--format', 'json', '--exit-zero'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^readiness-gate: services\/payments\/catalog-info\.yaml:5: does not parse as YAML: /m);
    const failing = await runCli(['services', '--format', 'json'], { cwd: dir });
    expect(failing.code).toBe(1);
    // The payments Deployment is still a service: no catalog entity covers it now.
    expect((JSON.parse(failing.stdout) as Facts).services.map((s) => s.name)).toContain('payments');
  });

  it('in a check, says as a notice the approval a tier owes its owning team: the CLI reads no reviews', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-scorecard-'));
    temps.push(dir);
    await cp(PLATFORM, dir, { recursive: true });
    await writeFile(
      path.join(dir, '.github/readiness-gate.yml'),
      "services:\n  paths: ['apps/*']\n  owner-approval: [production]\n",
    );
    await writeFile(path.join(dir, 'pr.md'), '## Summary\n\nPayments: three replicas.\n');
    const run = await runCli(['check', '--format', 'json', '--body', 'pr.md', '--changed-files', '-'], {
      cwd: dir,
      input: 'M\tservices/payments/deploy.yaml\n',
    });
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; message: string }[] })
      .findings;
    expect(findings.filter((f) => f.ruleId === 'service-approval').map((f) => `${f.severity}: ${f.message}`)).toEqual([
      'notice: Service "payments" (tier production) changes, and its tier owes an approving review by its owning team (the acme/payments-team team, .github/CODEOWNERS:3): only the action reads reviews, so it is not checked here.',
    ]);
  });

  it('refuses a format it does not write', async () => {
    const run = await runCli(['services', '--format', 'sarif'], { cwd: PLATFORM });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be text, json, markdown or html, not "sarif".');
  });

  it.runIf(CMARK)('renders its Markdown as a table on GitHub, one row a service', async () => {
    const run = await runCli(['services', '--format', 'markdown'], { cwd: PLATFORM });
    const html = spawnSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'tagfilter'], {
      input: run.stdout,
      encoding: 'utf8',
    }).stdout;
    expect(html.match(/<tr>/g)?.length).toBe(4);
    expect(html).toContain('<th>On-call</th>');
    expect(html).toContain('<td>orders</td>');
  });

  it.runIf(CHROMIUM)(
    'is one page a browser renders with nothing fetched, what the repository says escaped',
    async () => {
      // A folder name is the repository's text: markup in it must stay text.
      const dir = await mkdtemp(path.join(tmpdir(), 'rg-scorecard-'));
      temps.push(dir);
      await cp(PLATFORM, dir, { recursive: true });
      const evil = 'apps/<img src=x onerror=alert(1)>';
      await mkdir(path.join(dir, evil), { recursive: true });
      await writeFile(
        path.join(dir, evil, 'deploy.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: evil\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n',
      );
      const page = path.join(dir, 'scorecard.html');
      const run = await runCli(['services', '--format', 'html', '-o', page], { cwd: dir });
      expect(run.code).toBe(1);
      const dom = spawnSync(
        'chromium',
        ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=2000', '--dump-dom', `file://${page}`],
        { encoding: 'utf8', timeout: 60_000 },
      ).stdout;
      const rows = [...dom.matchAll(/<tr data-service="([^"]*)">/g)].map((m) => m[1]);
      expect(rows).toEqual(['&lt;img src=x onerror=alert(1)&gt;', 'orders', 'payments', 'search']);
      expect(dom).not.toMatch(/<img/);
      expect([...dom.matchAll(/data-status="(\w[\w-]*)"/g)].length).toBe(4 * 6);
      expect(dom).toContain('<p id="summary">4 services, 3 missing what its tier requires.</p>');
    },
  );
});
