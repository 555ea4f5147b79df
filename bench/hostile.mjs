// Before/after figures for hostile inputs: the action bundle given as argument (default: this dist/)
// against the local fake GitHub, each scenario bounded in time. Usage:
//   node bench/hostile.mjs [path/to/dist/index.js]     (HOSTILE_ONLY=text: only scenarios whose name holds it)
// Prints, per scenario: wall time, requests, most requests at once, and the verdict.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario, ROOT, runnerEnv } from './github-run.mjs';
const ACTION = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist/index.js'));
const LIMIT_MS = Number(process.env.HOSTILE_LIMIT_MS ?? 60_000);

const { scenario, pullRequestEvent, GOOD_BODY, HEAD } = await loadScenario();

async function run(name, arrange) {
  if (process.env.HOSTILE_ONLY && !name.includes(process.env.HOSTILE_ONLY)) return;
  const gh = await scenario();
  await arrange(gh);
  const { dir, env } = runnerEnv(gh, pullRequestEvent(), 'rg-hostile-');
  const started = Date.now();
  const outcome = await new Promise((resolve) => {
    execFile(process.execPath, [ACTION], { env, timeout: LIMIT_MS, maxBuffer: 64 << 20 }, (error) =>
      resolve(error?.killed ? `killed after ${LIMIT_MS / 1000} s` : error ? 'failure' : 'success'),
    );
  });
  const ms = Date.now() - started;
  const output = readFileSync(path.join(dir, 'output'), 'utf8');
  const verdict = /conclusion<<.*\n(\w+)/.exec(output)?.[1] ?? 'none';
  console.log(
    `${name.padEnd(44)} ${String(ms).padStart(6)} ms  ${String(gh.requests.length).padStart(5)} requests  ${String(gh.maxInFlight ?? '?').padStart(5)} at once  exit: ${outcome}, verdict: ${verdict}`,
  );
  await gh.stop();
}

console.log(`action: ${ACTION}`);
await run('6,000 linked runbooks', (gh) => {
  const links = Array.from({ length: 6000 }, (_, i) => `\`docs/runbooks/r${i}.md\``).join(' ');
  gh.pulls.get(7).body = GOOD_BODY.replace(/## Runbook[\s\S]*$/, `## Runbook\n${links}\n`);
  gh.pulls.get(7).files = [];
  gh.latency = 20;
});
await run('161 KB runbook of [Time] lines', (gh) => {
  gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', `# Runbook\n${'- [Time]\n'.repeat(20_000)}`);
});
await run('240 KB runbook of label-only fields', (gh) => {
  // Each `**a**` is a field whose value is the blocks after it: resolved by binary search, not a scan each.
  gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', `# Runbook\n${'**a**\n\nb\n\n'.repeat(20_000)}`);
});
await run('300 KB runbook of front matter, nested labels', (gh) => {
  const front = `---\n${'k: v\n'.repeat(5_000)}---\n`;
  gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', `${front}${'- **x**\n  - y\n'.repeat(15_000)}`);
});
await run('64 KB description of setext headings', (gh) => {
  gh.pulls.get(7).body = 'a\n-\n'.repeat(16_000);
});
await run('64 KB description of nested ordered lists', (gh) => {
  gh.pulls.get(7).body = '1. '.repeat(21_000);
});
await run('Dockerfile of a lone backslash', (gh) => {
  gh.pulls.get(7).files.push({ filename: 'Dockerfile', status: 'modified' });
  gh.setFile(HEAD, 'Dockerfile', '\\\n');
});
await run('1 MB Helm template line of {{ and spaces', (gh) => {
  gh.pulls.get(7).files.push({ filename: 'chart/templates/api.yaml', status: 'modified' });
  gh.setFile(HEAD, 'chart/templates/api.yaml', `apiVersion: v1\nkind: Pod\n{{${' '.repeat(1_000_000 - 40)}\n`);
});
await run('400 changed manifests in 400 folders', (gh) => {
  const manifest =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n';
  for (let i = 0; i < 400; i++) {
    gh.pulls.get(7).files.push({ filename: `deploy/d${i}/api.yaml`, status: 'modified' });
    gh.setFile(HEAD, `deploy/d${i}/api.yaml`, manifest);
  }
});

// Sign-off under attack (a second review): each scenario with a sign-off config at the base commit.
const { BASE, REVIEW, UNTICKED } = await loadScenario();
const signOff = (gh, reviewers = '[sre-lead]') => {
  gh.setFile(BASE, '.github/readiness-gate.yml', `sign-off:\n  reviewers: ${reviewers}\n`);
  gh.pulls.get(7).body = `${GOOD_BODY}\n${UNTICKED}`;
};
const stamp = (i) => new Date(Date.UTC(2026, 10, 21, 0, 0, i)).toISOString().replace('.000', '');

await run("reviewer's comment edited by the author", (gh) => {
  signOff(gh);
  gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approving the code.', '2026-11-21T09:00:00Z');
  const comment = gh.addComment('Sign-off to follow after the load test.', 'sre-lead', 'User', '2026-11-21T09:05:00Z');
  gh.editText(comment, 'octocat', `${comment.body}\n\n${REVIEW}`, '2026-11-21T10:00:00Z');
});
await run('300-edit history, re-ticked by the author', (gh) => {
  signOff(gh);
  gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
  const signed = `${GOOD_BODY}\n${REVIEW}`;
  gh.editBody('sre-lead', signed, stamp(0));
  for (let i = 1; i < 298; i++)
    gh.editBody('octocat', `<!-- edit ${i}: outside the owned sections -->\n${signed}`, stamp(i));
  gh.editBody('sre-lead', `${GOOD_BODY}\n${UNTICKED}`, stamp(298));
  gh.editBody('octocat', signed, stamp(299));
});
await run('history of two 64 KB pathological versions', (gh) => {
  signOff(gh);
  gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
  gh.editBody('octocat', `${'1. '.repeat(22_000)}\n${GOOD_BODY}\n${UNTICKED}`, stamp(1));
  gh.editBody('octocat', `${'> - '.repeat(16_000)}\n${GOOD_BODY}\n${UNTICKED}`, stamp(2));
  gh.editBody('sre-lead', `${GOOD_BODY}\n${REVIEW}`, stamp(3));
});
await run('300 drive-by commenters, team reviewers', (gh) => {
  signOff(gh, '[octo-org/sre]');
  gh.tokens.set('ghs_write', { login: 'github-actions[bot]', type: 'Bot', write: true, readOrg: true });
  gh.teams.set('octo-org/sre', ['alice']);
  gh.addReview('alice', 'APPROVED', HEAD, REVIEW, '2026-11-22T09:00:00Z');
  for (let i = 0; i < 300; i++) gh.addComment(`+1 from me (${i})`, `visitor-${i}`, 'User', stamp(i));
  gh.latency = 5;
});
