// Services on GitHub: the repository listed once (one tree request) when the change touches a file a service
// may be made of, the files that answer for the touched service read at the head commit, its rows in the job
// summary and the `services-json` output; nothing listed or read for a change that touches none.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { filesUnder, ROOT } from '../helpers.js';
import { runAction } from './harness.js';
import { BASE, HEAD, pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const PLATFORM = filesUnder(path.join(ROOT, 'test/fixtures/services/platform'));
const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };

async function platform(changed: string[], files: Record<string, string> = PLATFORM): Promise<FakeGitHub> {
  const repo = await scenario({
    files: [
      { filename: 'docs/runbooks/deploy-payments.md', status: 'added' },
      ...changed.map((filename) => ({ filename, status: 'modified' })),
    ],
  });
  for (const [p, text] of Object.entries(files)) {
    repo.setFile(HEAD, p, text);
    repo.setFile(BASE, p, text);
  }
  return repo;
}

const validate = new Ajv({ allErrors: true }).compile(
  JSON.parse(await readFile(path.join(ROOT, 'schema/services.schema.json'), 'utf8')) as object,
);

describe('services on GitHub', () => {
  it('judges the service whose workload changed, with one listing of the repository, and hands its facts on', async () => {
    gh = await platform(['services/orders/deploy.yaml']);
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(gh.treeReads).toBe(1);
    expect(
      run
        .report!.findings.filter((f) => f.ruleId.startsWith('service-'))
        .map((f) => `${f.ruleId} ${f.source}:${f.line}`),
    ).toEqual([
      'service-owner services/orders/catalog-info.yaml:4',
      'service-oncall services/orders/catalog-info.yaml:4',
      'service-slo services/orders/catalog-info.yaml:4',
      'service-catalog services/orders/catalog-info.yaml:10',
    ]);
    const facts = JSON.parse(run.outputs['services-json']!) as { services: { name: string }[]; commit: string };
    expect(validate(facts), JSON.stringify(validate.errors)).toBe(true);
    expect(facts.services.map((s) => s.name)).toEqual(['orders']);
    expect(facts.commit).toBe(HEAD);
    expect(run.summary).toContain('### Services this change touches');
    expect(run.summary).toMatch(/\| orders \| production \| ❌ /);
    // Each cell's file:line lands on its line at the head commit.
    expect(run.summary).toContain(
      `<sub>[.github/CODEOWNERS:4](https://github.com/octo-org/octo-repo/blob/${HEAD}/.github/CODEOWNERS#L4)</sub>`,
    );
    // The files that answer for it were read at the head commit; its neighbours' folders were not.
    const reads = gh.requests
      .filter((r) => r.path.includes('/contents/'))
      .map((r) => `${r.path.split('/contents/')[1]}@${r.query.ref}`);
    expect(reads).toContain(`slos/orders.pyrra.yaml@${HEAD}`);
    expect(reads).toContain(`.github/CODEOWNERS@${HEAD}`);
    expect(reads.some((r) => r.startsWith('apps/search/'))).toBe(false);
  });

  it('lists nothing and reads nothing for a change that touches no file a service may be made of', async () => {
    gh = await platform([]);
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(0);
    expect(gh.treeReads).toBe(0);
    expect(JSON.parse(run.outputs['services-json']!)).toMatchObject({ version: 1, services: [] });
    expect(run.summary).not.toContain('Services this change touches');
  });

  it('in a repository that describes no services, lists it once and judges nothing', async () => {
    const files = Object.fromEntries(Object.entries(PLATFORM).filter(([p]) => !p.endsWith('catalog-info.yaml')));
    files['.github/readiness-gate.yml'] = '{}\n';
    gh = await platform(['services/orders/deploy.yaml'], files);
    const run = await runAction(gh, pullEvent);
    expect(gh.treeReads).toBe(1);
    expect(run.report!.findings.filter((f) => f.ruleId.startsWith('service-'))).toEqual([]);
    expect(gh.requests.some((r) => r.path.endsWith('/contents/slos/orders.pyrra.yaml'))).toBe(false);
  });

  it("asks an approving review of the owning team where the service's tier owes one, and counts a member's", async () => {
    const config = `${PLATFORM['.github/readiness-gate.yml']}  owner-approval: [production]\n`;
    gh = await platform(['services/payments/deploy.yaml'], { ...PLATFORM, '.github/readiness-gate.yml': config });
    gh.teams.set('acme/payments-team', ['alice']);
    gh.teams.set('acme/friends', ['mallory']);
    // The pull request gives the service to another team: who approves is still who owns it at the base.
    gh.setFile(
      HEAD,
      '.github/CODEOWNERS',
      PLATFORM['.github/CODEOWNERS']!.replace('@acme/payments-team', '@acme/friends'),
    );
    // Team membership needs a token that can read the organisation's teams (an App's).
    const app = { ...pullEvent, token: 'ghs_app', inputs: { 'bot-login': 'readiness-app[bot]' } };
    gh.addReview('mallory', 'APPROVED', HEAD);
    const before = await runAction(gh, app);
    expect(before.code).toBe(1);
    expect(before.report!.findings.filter((f) => f.ruleId === 'service-approval').map((f) => f.message)).toEqual([
      `Service "payments" (tier production) changes, and its tier owes an approving review by its owning team (the acme/payments-team team, .github/CODEOWNERS:3) on ${HEAD.slice(0, 7)}; it has none. Not counted: @mallory approved but is not an authorised reviewer. Ask the team for a review.`,
    ]);
    gh.addReview('alice', 'APPROVED', HEAD);
    const after = await runAction(gh, app);
    expect(after.report!.findings.filter((f) => f.ruleId === 'service-approval')).toEqual([]);
    // What still fails is the Deployment's own (no resources, against the ticked Memory and CPU), not the approval.
    expect(after.report!.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([
      'claim-contradicted',
      'claim-contradicted',
    ]);
  });

  it('judges a service whose tier the pull request lowers as the tier it had at the base', async () => {
    gh = await platform(['services/payments/catalog-info.yaml', 'slos/payments.openslo.yaml']);
    const catalog = PLATFORM['services/payments/catalog-info.yaml']!;
    gh.setFile(
      HEAD,
      'services/payments/catalog-info.yaml',
      catalog.replace('lifecycle: production', 'lifecycle: experimental'),
    );
    gh.setFile(
      HEAD,
      'slos/payments.openslo.yaml',
      PLATFORM['slos/payments.openslo.yaml']!.replaceAll('payments', 'checkout'),
    );
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(
      run
        .report!.findings.filter((f) => f.ruleId.startsWith('service-'))
        .map((f) => `${f.ruleId} ${f.severity} ${f.line}`),
    ).toEqual(['service-slo error 4', 'service-tier notice 14']);
  });

  it('still gates on its services with a read-only token', async () => {
    gh = await platform(['services/orders/deploy.yaml']);
    const run = await runAction(gh, { ...pullEvent, token: 'ghs_read' });
    expect(run.code).toBe(1);
    expect(run.report!.findings.map((f) => f.ruleId)).toContain('service-oncall');
    expect(JSON.parse(run.outputs['services-json']!).services).toHaveLength(1);
  });
});
