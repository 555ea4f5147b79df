// `readiness-gate doctor` against the local GitHub: nothing on a correct set-up (the workflow `init`
// writes, its job required), and each misconfiguration named with its fix, alone.
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_TEMPLATE, WORKFLOW_TEMPLATE } from '../../src/init/templates.js';
import { FakeGitHub } from '../github/server.js';
import { ROOT } from '../helpers.js';
import { runCli } from './run.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const WORKFLOW = '.github/workflows/readiness-gate.yml';

interface Setup {
  workflow?: string;
  workflows?: Record<string, string>;
  config?: string;
  protection?: FakeGitHub['protection'];
  rules?: FakeGitHub['rules'];
  /**
   * Whether a ruleset requires the workflows (run from the ruleset's ref, so a pull request cannot edit them):
   * a set-up without it, or a CODEOWNERS review, can be bypassed from the pull request itself.
   */
  guarded?: boolean;
  files?: Record<string, string>;
}

async function doctor(setup: Setup = {}) {
  gh = await new FakeGitHub().start();
  const workflows = setup.workflows ?? { [WORKFLOW]: setup.workflow ?? WORKFLOW_TEMPLATE };
  for (const [path, text] of Object.entries(workflows)) gh.setFile('main', path, text);
  gh.setFile('main', '.github/readiness-gate.yml', setup.config ?? CONFIG_TEMPLATE);
  gh.protection = setup.protection ?? { contexts: ['readiness'] };
  gh.rules.push(...(setup.rules ?? []));
  if (setup.guarded !== false) {
    const required = Object.keys(workflows).map((path) => ({ path, repository_id: 1 }));
    gh.rules.push({ type: 'workflows', parameters: { workflows: required }, ruleset_id: 7 });
  }
  for (const [path, text] of Object.entries(setup.files ?? {})) gh.setFile('main', path, text);
  return runCli(['doctor', '--repo', `${gh.owner}/${gh.repo}`], {
    cwd: ROOT,
    env: { GITHUB_TOKEN: 'ghs_write', GITHUB_API_URL: gh.url },
  });
}

/** The problems doctor printed, one line each. */
const problems = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('✖ '));

describe('readiness-gate doctor', () => {
  it('finds nothing wrong with the set-up init writes, its job required', async () => {
    const { code, stdout, stderr } = await doctor();
    expect(stderr).toBe('');
    expect(problems(stdout)).toEqual([]);
    expect(stdout).toContain(
      '✔ octo-org/octo-repo: the gate is set up to run on every pull request to main, and is required.',
    );
    expect(code).toBe(0);
  });

  it('finds nothing wrong with the reusable workflow, required as "<caller job> / readiness"', async () => {
    const caller =
      'on:\n  pull_request:\n    types: [opened, edited, synchronize, reopened]\npermissions:\n  contents: read\njobs:\n  gate:\n    uses: readiness-gate/readiness-gate/.github/workflows/gate.yml@v1\n    permissions:\n      contents: read\n      pull-requests: write\n      checks: write\n';
    const { code, stdout } = await doctor({ workflow: caller, protection: { contexts: ['gate / readiness'] } });
    expect(problems(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  const CASES: [string, Setup, string, string][] = [
    [
      'no "edited": a ticked box never re-runs the gate',
      { workflow: WORKFLOW_TEMPLATE.replace('opened, edited, ', 'opened, ') },
      `✖ ${WORKFLOW}:4  The pull_request trigger does not fire on "edited"`,
      'Add edited to its types',
    ],
    [
      'default types, which leave out "edited"',
      { workflow: WORKFLOW_TEMPLATE.replace(/\n {4}types: .*/, '') },
      `✖ ${WORKFLOW}:3  The pull_request trigger does not fire on "edited"`,
      'Add edited to its types (opened, synchronize, reopened, edited)',
    ],
    [
      'skip labels without "labeled"',
      {
        workflow: WORKFLOW_TEMPLATE.replace(', labeled, unlabeled', ''),
        config: 'skip:\n  labels: [skip-readiness]\n',
      },
      `✖ ${WORKFLOW}:4  The config skips or gates by label, but the pull_request trigger does not fire on labeled or unlabeled`,
      'Add labeled and unlabeled to its types.',
    ],
    [
      'a merge queue without merge_group',
      { workflow: WORKFLOW_TEMPLATE.replace('  merge_group:\n', ''), rules: [{ type: 'merge_queue', parameters: {} }] },
      `✖ ${WORKFLOW}:3  The default branch has a merge queue, but the gate does not run on merge_group`,
      "Add `merge_group:` to the workflow's triggers.",
    ],
    [
      'a paths filter on the required workflow',
      { workflow: WORKFLOW_TEMPLATE.replace('unlabeled]\n', "unlabeled]\n    paths: ['src/**']\n") },
      `✖ ${WORKFLOW}:5  The pull_request trigger has a \`paths:\` filter`,
      'Remove `paths:`',
    ],
    [
      'the check run name required instead of the job',
      { protection: { contexts: ['Production readiness'] } },
      '✖ octo-org/octo-repo settings (main)  Branch protection requires "Production readiness", but the gate\'s job reports as "readiness"',
      'Require "readiness" instead, typed exactly',
    ],
    [
      'a ruleset requiring the wrong name',
      {
        protection: 'none',
        rules: [
          {
            type: 'required_status_checks',
            parameters: {
              required_status_checks: [{ context: 'readiness-gate' }],
              strict_required_status_checks_policy: false,
            },
          },
        ],
      },
      '✖ octo-org/octo-repo settings (main)  Ruleset 42 requires "readiness-gate", but the gate\'s job reports as "readiness"',
      'Require "readiness" instead',
    ],
    [
      'the gate not required at all',
      { protection: { contexts: ['build'] } },
      '✖ octo-org/octo-repo settings (main)  The gate runs, but main does not require it',
      'Require the status check "readiness"',
    ],
    [
      'protection the token cannot read',
      { protection: 'forbidden' },
      '✖ octo-org/octo-repo settings (main)  Could not read which checks main requires: the token cannot read branch protection (GitHub answered 403).',
      'Administration: read',
    ],
    [
      'no checks: write',
      { workflow: WORKFLOW_TEMPLATE.replace('  checks: write\n', '') },
      `✖ ${WORKFLOW}:16  Job "readiness" runs the gate without checks: write: the check run cannot be written.`,
      'pull-requests: write, checks: write',
    ],
    [
      'team slugs with the workflow token',
      { config: 'sign-off:\n  reviewers: [octo-org/sre]\n' },
      `✖ ${WORKFLOW}:17  The config names team (octo-org/sre), but job "readiness" gives the gate the workflow's GITHUB_TOKEN`,
      'Pass `github-token:` a token with read:org',
    ],
    [
      'a config that does not load',
      { config: 'rules:\n  item-checkd: off\n' },
      '✖ .github/readiness-gate.yml:2  The config does not load: unknown key `rules.item-checkd`.',
      'Fix it on the default branch',
    ],
    [
      'a gate step that may fail without failing the job',
      {
        workflow: WORKFLOW_TEMPLATE.replace(
          '      - uses: readiness-gate/readiness-gate@v1\n',
          '      - uses: readiness-gate/readiness-gate@v1\n        continue-on-error: true\n',
        ),
      },
      '✖ .github/workflows/readiness-gate.yml:',
      'Remove `continue-on-error`',
    ],
    [
      'a gate job an if: can skip on a pull request',
      {
        workflow: WORKFLOW_TEMPLATE.replace(
          '    runs-on: ubuntu-latest\n',
          "    if: github.actor != 'renovate[bot]'\n    runs-on: ubuntu-latest\n",
        ),
      },
      'a skipped required check counts as passing',
      'Remove the `if:`',
    ],
    [
      'fail-job: false with nothing after it that fails the job',
      {
        workflow: WORKFLOW_TEMPLATE.replace(
          '      - uses: readiness-gate/readiness-gate@v1\n',
          '      - uses: readiness-gate/readiness-gate@v1\n        with:\n          fail-job: false\n',
        ),
      },
      'with `fail-job: false`, and no later step fails the job',
      'Remove `fail-job: false`',
    ],
    [
      'a workflow a pull request can edit',
      { guarded: false },
      "Under pull_request the gate runs the pull request's own copy of this workflow: a pull request can edit it",
      'Require the workflow through a ruleset',
    ],
    [
      'a workflow its CODEOWNERS owner need not review',
      {
        guarded: false,
        files: { '.github/CODEOWNERS': '* @octo-org/everyone\n/.github/workflows/ @octo-org/platform\n' },
      },
      ".github/CODEOWNERS names @octo-org/platform for it, but nothing requires a code owner's review",
      'require code owner review',
    ],
    [
      'no workflow runs the gate',
      {
        workflows: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
        },
      },
      '✖ .github/workflows/  No workflow on main runs readiness-gate',
      '`readiness-gate init` writes .github/workflows/readiness-gate.yml.',
    ],
  ];

  it.each(CASES)('names %s, and only that, with its fix', async (_name, setup, problem, fix) => {
    const { code, stdout } = await doctor(setup);
    expect(problems(stdout)).toEqual([expect.stringContaining(problem)]);
    const at = stdout.split('\n').findIndex((line) => line.startsWith('✖ '));
    expect(stdout.split('\n')[at + 1]).toContain(fix);
    expect(stdout.split('\n')[at + 1]).toMatch(/^ {2}Fix: /);
    expect(code).toBe(1);
  });

  it('says what guards the workflow, and finds nothing wrong, where code owners must review it', async () => {
    const { code, stdout } = await doctor({
      guarded: false,
      files: { '.github/CODEOWNERS': '*.md @octo-org/docs\n.github/ @octo-org/platform @sre-lead\n' },
      rules: [{ type: 'pull_request', parameters: { require_code_owner_review: true }, ruleset_id: 9 }],
    });
    expect(problems(stdout)).toEqual([]);
    expect(stdout).toContain(
      "ℹ .github/workflows/readiness-gate.yml:3  Under pull_request the gate runs the pull request's own copy of this workflow; a change to it needs a review by @octo-org/platform, @sre-lead (.github/CODEOWNERS, code owner review required).",
    );
    expect(code).toBe(0);
  });

  it('reads permissions and inputs through YAML anchors and aliases, as GitHub does', async () => {
    const workflow = WORKFLOW_TEMPLATE.replace('\npermissions:\n', '\npermissions: &gate\n').replace(
      '    runs-on: ubuntu-latest\n',
      '    runs-on: ubuntu-latest\n    permissions: *gate\n',
    );
    expect(workflow).toContain('permissions: *gate');
    const { code, stdout } = await doctor({ workflow });
    expect(problems(stdout)).toEqual([]);
    expect(code).toBe(0);
    // A later step that fails the job on the gate's conclusion makes fail-job: false safe.
    const checked = workflow.replace(
      '      - uses: readiness-gate/readiness-gate@v1\n',
      "      - id: gate\n        uses: readiness-gate/readiness-gate@v1\n        with: &quiet\n          fail-job: false\n      - if: steps.gate.outputs.conclusion == 'failure'\n        run: exit 1\n",
    );
    await gh.stop();
    expect(problems((await doctor({ workflow: checked })).stdout)).toEqual([]);
  });

  it('needs a repository and a token, and says so', async () => {
    gh = await new FakeGitHub().start();
    const noRepo = await runCli(['doctor'], { cwd: ROOT, env: { GITHUB_TOKEN: 'x' } });
    expect([noRepo.code, noRepo.stderr.split('\n')[0]]).toEqual([2, 'readiness-gate: doctor needs --repo OWNER/REPO.']);
    const noToken = await runCli(['doctor', '--repo', 'a/b'], { cwd: ROOT });
    expect(noToken.stderr.split('\n')[0]).toBe(
      'readiness-gate: doctor reads the repository through the API: set GITHUB_TOKEN (or GH_TOKEN).',
    );
  });
});
