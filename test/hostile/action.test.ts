// The action against hostile pull requests and a failing GitHub: bounded work, and a verdict every time.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../action/harness.js';
import { GOOD_BODY, HEAD, pullRequestEvent, scenario } from '../action/scenario.js';
import type { FakeGitHub } from '../github/server.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});
const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };
const contentsCalls = () => gh.calls().filter((c) => c.includes('/contents/') && !c.endsWith('readiness-gate.yml'));
const RUNBOOK = 'docs/runbooks/deploy-payments.md';

describe('bounded work', () => {
  it('reads at most 20 linked runbooks, a few at a time, and fails on the rest, naming them', async () => {
    // Before: 6,002 contents requests, 3,001 at once.
    const links = Array.from({ length: 6000 }, (_, i) => `\`docs/runbooks/r${i}.md\``).join(' ');
    gh = await scenario({ body: GOOD_BODY.replace(/## Runbook[\s\S]*$/, `## Runbook\n${links}\n`), files: [] });
    gh.latency = 20; // answers that take a moment, so requests made at once are seen at once
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(contentsCalls()).toHaveLength(20);
    expect(gh.maxInFlight).toBeGreaterThan(1); // the measure sees concurrency at all
    expect(gh.maxInFlight).toBeLessThanOrEqual(4 + 1); // the pull request is read again alongside the writes
    const unread = run.report!.findings.filter((f) => f.ruleId === 'document-unreadable');
    expect(unread).toHaveLength(1);
    expect(unread[0]!.message).toBe(
      '5980 linked runbook files were not read: the gate reads at most 20 a run (`pull-request.runbook.max-links`). Not read: docs/runbooks/r20.md, docs/runbooks/r21.md, docs/runbooks/r22.md and 5977 more. Link fewer runbooks.',
    );
  });

  it('sends at most 500 annotations, keeps every finding in the JSON report, and says how many it left out', async () => {
    // Before: 20,000 annotations in 399 sequential requests.
    gh = await scenario();
    gh.setFile(HEAD, RUNBOOK, `# Runbook\n${'- [Time]\n'.repeat(20_000)}`);
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    const annotationRequests = gh.calls().filter((c) => c.includes('/check-runs'));
    expect(annotationRequests).toHaveLength(10); // one create and nine updates of 50
    expect(gh.checkRuns[0]!.output.annotations).toHaveLength(500);
    const inFiles = run.report!.findings.filter((f) => f.source === RUNBOOK).length;
    expect(inFiles).toBeGreaterThan(20_000);
    expect(run.summary).toContain(
      `${inFiles - 500} of ${inFiles} findings in files are not annotations on the check run (at most 500: \`report.max-annotations\`)`,
    );
  });

  it('takes the annotation limit from the config on the base branch', async () => {
    gh = await scenario();
    gh.setFile(HEAD, RUNBOOK, `# Runbook\n${'- [Time]\n'.repeat(200)}`);
    gh.setFile(gh.pulls.get(7)!.baseSha, '.github/readiness-gate.yml', 'report:\n  max-annotations: 60\n');
    await runAction(gh, pullEvent);
    expect(gh.checkRuns[0]!.output.annotations).toHaveLength(60);
  });
});

describe('reads that fail become findings, and the verdict is still published', () => {
  const cases: [string, (gh: FakeGitHub) => void, RegExp][] = [
    [
      'a runbook over 1 MB',
      (g) => g.setFile(HEAD, RUNBOOK, `# Big\n${'x'.repeat(1_100_000)}\n`),
      /^Could not read docs\/runbooks\/deploy-payments\.md: it is \d+ bytes, over the 1048576-byte limit\. The gate fails until it can read every document it checks\.$/,
    ],
    [
      'a path GitHub refuses (431)',
      (g) =>
        g.faults.push({
          path: /deploy-payments\.md$/,
          status: 431,
          message: 'Request Header Fields Too Large',
          times: 9,
        }),
      /^Could not read docs\/runbooks\/deploy-payments\.md: GitHub answered 431: Request Header Fields Too Large\./,
    ],
    [
      'an answer cut short',
      (g) =>
        g.faults.push({
          path: /deploy-payments\.md$/,
          status: 200,
          message: '',
          raw: '{"type":"file","conte',
          times: 9,
        }),
      /^Could not read docs\/runbooks\/deploy-payments\.md: GitHub's answer was not complete JSON\./,
    ],
  ];
  it.each(cases)('%s', async (_name, arrange, message) => {
    gh = await scenario();
    arrange(gh);
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('unexpected error');
    expect(gh.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
    expect(gh.comments).toHaveLength(1);
    const found = run.report!.findings.filter((f) => f.ruleId === 'document-unreadable');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(message);
  });
});
