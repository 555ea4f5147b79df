// The action's wall time on a passing pull request as its description grows past the in-process
// limit (8 KiB), where the description is parsed in a worker thread: median of 7 runs each.
//   node bench/description-size.mjs
import { execFile } from 'node:child_process';
import path from 'node:path';
import { loadScenario, ROOT, runnerEnv } from './github-run.mjs';

const { scenario, pullRequestEvent, GOOD_BODY } = await loadScenario();

async function time(body) {
  const gh = await scenario();
  gh.pulls.get(7).body = body;
  const { env } = runnerEnv(gh, pullRequestEvent());
  const once = () =>
    new Promise((resolve) => {
      const started = Date.now();
      execFile(process.execPath, [path.join(ROOT, 'dist/index.js')], { env }, () => resolve(Date.now() - started));
    });
  await once();
  const times = [];
  for (let i = 0; i < 7; i++) times.push(await once());
  await gh.stop();
  return times.sort((a, b) => a - b)[3];
}

const padded = (lines) =>
  `${GOOD_BODY}\n## Notes\n${'Context for reviewers, one plain line of prose.\n'.repeat(lines)}`;
for (const lines of [0, 60, 160, 600]) {
  const body = padded(lines);
  console.log(`description of ${String(body.length).padStart(6)} characters: ${await time(body)} ms`);
}
