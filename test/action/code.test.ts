// Source files a pull request changes, against the local GitHub: read at the head commit, parsed with
// tree-sitter, and judged only on the lines the pull request adds (the changed files' patches); a ticked
// "Timeouts" the added code contradicts fails.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { BASE, HEAD, pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const FILE = 'services/payments/client.py';
const BEFORE = 'import requests\n\n\ndef legacy(url):\n    return requests.get(url)\n';
const AFTER = `${BEFORE}\n\ndef charge(url, body):\n    return requests.post(url, json=body)\n`;

describe('source files a pull request changes', () => {
  it('reports a call without a timeout on an added line, not the same call the pull request did not touch', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: FILE, status: 'modified' },
      ],
    });
    gh.setFile(BASE, FILE, BEFORE);
    gh.setFile(HEAD, FILE, AFTER);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    const code = run.report!.findings.filter((f) => f.source === FILE);
    expect(code.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['9 code-network-timeout']);
    // The description ticks "Timeouts"; the call the change adds has none.
    expect(run.report!.findings.find((f) => f.ruleId === 'claim-contradicted')?.message).toMatch(
      /^"Timeouts" is ticked, but services\/payments\/client\.py:9 says otherwise \(code-network-timeout\): requests\.post\(…\) has no timeout/,
    );
    expect(run.code).toBe(1);
  });

  it('judges a new file whole, and leaves tests and vendored code alone', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'svc/fetch.go', status: 'added' },
        { filename: 'svc/fetch_test.go', status: 'added' },
        { filename: 'vendor/lib/get.go', status: 'added' },
      ],
    });
    const go = 'package svc\n\nimport "net/http"\n\nfunc Fetch(u string) { http.Get(u) }\n';
    for (const f of ['svc/fetch.go', 'svc/fetch_test.go', 'vendor/lib/get.go']) gh.setFile(HEAD, f, go);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(
      run.report!.findings.filter((f) => f.ruleId.startsWith('code-')).map((f) => `${f.source}:${f.line}`),
    ).toEqual(['svc/fetch.go:5']);
    const documents = run.report!.documents as { source: string }[];
    expect(documents.map((d) => d.source)).not.toContain('svc/fetch_test.go');
  });
});
