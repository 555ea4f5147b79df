// Deployment files a pull request changes are read at the head commit and checked by their kind.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { HEAD, pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

describe('deployment files', () => {
  it('annotates a changed Dockerfile and workflow at their lines, and fails the ticked claim they contradict', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'services/api/Dockerfile', status: 'modified' },
        { filename: '.github/workflows/ci.yml', status: 'added' },
        { filename: 'services/old/Dockerfile', status: 'removed' },
      ],
    });
    gh.setFile(HEAD, 'services/api/Dockerfile', 'FROM node:20-slim\nCMD node server.js\n');
    gh.setFile(
      HEAD,
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    );
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    // The description ticks "Graceful Shutdown"; the Dockerfile's shell-form CMD says otherwise.
    expect(run.code).toBe(1);
    expect(run.report!.findings.filter((f) => f.ruleId === 'claim-contradicted').map((f) => f.message)).toEqual([
      '"Graceful Shutdown" is ticked, but services/api/Dockerfile:2 says: CMD is in shell form: a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Write it in exec form, e.g. CMD ["node", "server.js"]. Fix the file, or untick the item and say why.',
    ]);
    expect(gh.checkRuns[0]!.output.annotations).toEqual([
      expect.objectContaining({
        path: 'services/api/Dockerfile',
        start_line: 2,
        annotation_level: 'warning',
        title: 'dockerfile-exec-form',
      }),
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        start_line: 3,
        annotation_level: 'warning',
        title: 'workflow-job-timeout',
      }),
    ]);
    expect(gh.calls().some((c) => c.endsWith('/contents/services/old/Dockerfile'))).toBe(false);
  });
});
