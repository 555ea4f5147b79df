// The action's end-to-end wall time for a passing pull request with one runbook,
// against the local fake GitHub, as a ratio to a bare Node start in the same run;
// then with every answer 50 ms late, as from a runner to the API, with the rounds
// of requests it waited for, beside another checklist action when one is given.
//   READINESS_GATE_BUNDLE=path/to/index.js  the action bundle to time (default: dist/index.js)
//   READINESS_GATE_COMPARE=path/to/action.js another action run the same way (e.g. a bundle of
//     mheap/require-checklist-action, MIT; not shipped here), timed at the same latency
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenario, ROOT, runnerEnv } from './github-run.mjs';

const BUNDLE = path.resolve(process.env.READINESS_GATE_BUNDLE ?? path.join(ROOT, 'dist/index.js'));
const COMPARE = process.env.READINESS_GATE_COMPARE ? path.resolve(process.env.READINESS_GATE_COMPARE) : undefined;
/** How late each answer of the local GitHub is in the second part: about a runner's round trip to the API. */
const LATENCY = 50;

export async function benchAction({ runs, median }) {
  const { scenario, pullRequestEvent, HEAD, GOOD_BODY } = await loadScenario();
  const gh = await scenario();
  // The event carries the description as GitHub sends it: the pull request's own.
  const event = () => pullRequestEvent('opened', GOOD_BODY);
  const { env } = runnerEnv(gh, event());
  const withManifest = await deploymentRun({ scenario, event, HEAD, runs, median });
  const { times, requests } = await timedRuns(gh, env, runs);
  gh.latency = LATENCY;
  const late = await timedRuns(gh, env, runs);
  const compared = COMPARE
    ? await timedRuns(gh, { ...env, INPUT_TOKEN: 'ghs_write' }, runs, COMPARE, [0, 1])
    : undefined;
  gh.latency = 0;
  // Peak memory of one more run, read by a preloaded hook as it exits.
  const rssMb = await new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(path.join(ROOT, 'bench/rss.mjs')).href, BUNDLE],
      { env },
      (error, _stdout, stderr) => {
        const kb = /bench-max-rss-kb (\d+)/.exec(stderr)?.[1];
        if (error || !kb) reject(new Error(`no memory figure from the action: ${stderr.slice(0, 300)}`));
        else resolve(Number(kb) / 1024);
      },
    );
  });
  // A bare Node start measured the same way (asynchronous child), for a fair ratio.
  const bareTimes = [];
  for (let i = 0; i < runs; i++) {
    bareTimes.push(
      await new Promise((resolve) => {
        const started = process.hrtime.bigint();
        execFile(process.execPath, ['-e', '0'], () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
      }),
    );
  }
  await gh.stop();
  const wall = median(times);
  const bareAsync = median(bareTimes);
  const { bytes: size, files: loaded } = startupBundle(BUNDLE);
  console.log(`\nthe action (${path.relative(ROOT, BUNDLE)}), passing pull request with one runbook, local GitHub:`);
  console.log(`  node -e 0                         ${bareAsync.toFixed(0)} ms`);
  console.log(`  dist/index.js end to end          ${wall.toFixed(0)} ms`);
  console.log(`  action / bare Node start:         ${(wall / bareAsync).toFixed(2)}x (target: at most 2.5x)`);
  console.log(`  API requests per run:             ${requests} (target: at most 8)`);
  console.log(`  peak memory (max RSS):            ${rssMb.toFixed(0)} MB`);
  console.log(
    `  bundle loaded at start:           ${(size / 1e6).toFixed(2)} MB in ${loaded} files (target: under 1.5 MB)`,
  );
  console.log(
    `  with a changed manifest too:      ${withManifest.wall.toFixed(0)} ms, ${withManifest.requests} requests (the manifest, its folder's three kustomization spellings at the base commit, its folder listed at the head to find an overlay to build, and the repository's files listed once to find what describes its services and the overlays of a base)`,
  );
  const dist = path.dirname(BUNDLE);
  const all = readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js'));
  const total = all.reduce((n, f) => n + statSync(path.join(dist, f)).size, 0);
  console.log(`  all of dist/ (CLI and lazy chunks): ${(total / 1e6).toFixed(2)} MB`);
  console.log(`\nthe same, every answer ${LATENCY} ms late (a runner talking to the API):`);
  console.log(
    `  dist/index.js end to end          ${median(late.times).toFixed(0)} ms, ${late.requests} requests in ${late.rounds} rounds (target: at most 3 rounds)`,
  );
  if (compared) {
    console.log(
      `  ${path.basename(COMPARE).padEnd(33)} ${median(compared.times).toFixed(0)} ms, ${compared.requests} requests in ${compared.rounds} rounds`,
    );
    console.log(
      `  readiness-gate / the other action: ${(median(late.times) / median(compared.times)).toFixed(2)}x (target: at most 1.2x)`,
    );
  }
}

/** The same passing run, with a changed Deployment (probes, resources) beside the runbook. */
async function deploymentRun({ scenario, event, HEAD, runs, median }) {
  const gh = await scenario({
    files: [
      { filename: 'docs/runbooks/deploy-payments.md', status: 'added' },
      { filename: 'deploy/api.yaml', status: 'modified' },
    ],
  });
  gh.setFile(
    HEAD,
    'deploy/api.yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n          livenessProbe: {httpGet: {path: /live, port: 8080}}\n          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\n',
  );
  const { env } = runnerEnv(gh, event());
  const { times, requests } = await timedRuns(gh, env, runs);
  await gh.stop();
  return { wall: median(times), requests };
}

/**
 * Wall times of `runs` runs of an action after a first one, the requests each
 * made, and the rounds of requests the last one waited for.
 */
async function timedRuns(gh, env, runs, script = BUNDLE, codes = [0]) {
  // The fake server runs in this process, so the action runs as an asynchronous child.
  const once = () =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      execFile(process.execPath, [script], { env }, (error, stdout) => {
        if (error && !codes.includes(error.code)) reject(new Error(`${script} failed: ${stdout}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
  await once(); // the sticky comment exists from here on, as on every run after the first
  const before = gh.requests.length;
  const times = [];
  let last = before;
  for (let i = 0; i < runs; i++) {
    last = gh.requests.length;
    times.push(await once());
  }
  return { times, requests: (gh.requests.length - before) / runs, rounds: gh.rounds(gh.requests.slice(last)) };
}

/** The entry file and every chunk it imports statically, as Node loads them at start. */
export function startupBundle(entry, seen = new Set()) {
  if (seen.has(entry)) return { bytes: 0, files: 0 };
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  let bytes = Buffer.byteLength(text);
  let files = 1;
  for (const [, spec] of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.[^"']+)["']/g)) {
    const child = startupBundle(path.resolve(path.dirname(entry), spec), seen);
    bytes += child.bytes;
    files += child.files;
  }
  return { bytes, files };
}

// `node bench/action.mjs`: this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  await benchAction({ runs: Number(process.env.BENCH_RUNS ?? 7), median });
}
