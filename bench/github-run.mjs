// What the action benches share: the test suite's fake GitHub and scenario (bundled from TypeScript),
// and a runner-like environment for one run of an action bundle against it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** test/action/scenario.ts, bundled: scenario(), pullRequestEvent(), GOOD_BODY, HEAD … */
export async function loadScenario() {
  const file = path.join(ROOT, '.bench/scenario.mjs');
  await build({
    stdin: { contents: "export * from './test/action/scenario.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: file,
    packages: 'external',
    logLevel: 'warning',
  });
  return import(file);
}

/** A fresh folder with the event, output and summary files, and the environment a runner gives the action. */
export function runnerEnv(gh, event, prefix = 'rg-bench-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify(event));
  writeFileSync(path.join(dir, 'output'), '');
  writeFileSync(path.join(dir, 'summary'), '');
  const env = {
    PATH: process.env.PATH,
    'INPUT_GITHUB-TOKEN': 'ghs_write',
    INPUT_CONFIG: '.github/readiness-gate.yml',
    'INPUT_CHECK-NAME': 'Production readiness',
    INPUT_COMMENT: 'always',
    'INPUT_FAIL-JOB': 'true',
    'INPUT_BOT-LOGIN': 'github-actions[bot]',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
    GITHUB_API_URL: gh.url,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    RUNNER_TEMP: dir,
  };
  return { dir, env };
}
