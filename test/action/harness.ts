/**
 * Runs the action as the runner does: INPUT_* variables holding action.yml's
 * defaults, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, and GITHUB_API_URL pointing at the local fake GitHub.
 *
 * `runAction` runs the source (`src/main.ts`) in this process, so a change
 * in src/ shows without a rebuild; `runBundledAction` runs the committed
 * dist/index.js in a child process, as the runner does.
 */
import type { JsonReport } from '../../src/report/json.js';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';
import type { FakeGitHub } from '../github/server.js';
import { afterEach, expect } from 'vitest';

/** The Node that runs the bundle: this one, or another (e.g. Node 24, the action's runtime) named in READINESS_GATE_NODE. */
export const NODE = process.env.READINESS_GATE_NODE || process.execPath;

const ACTION = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report the `report` output names. */
  report: JsonReport | undefined;
  /** The SARIF file the `sarif` output names. */
  sarif: unknown;
}

export interface RunOptions {
  event: string;
  payload: object;
  inputs?: Record<string, string>;
  token?: string;
  /** Extra environment, e.g. a proxy. */
  env?: Record<string, string>;
}

type Runner = (env: Record<string, string>) => Promise<{ code: number; stdout: string; stderr: string }>;

/** The source, in this process, with process.env, stdout and the exit code swapped for the run's. */
const inProcess: Runner = async (env) => {
  const { run } = await import('../../src/main.js');
  const saved = { env: process.env, exitCode: process.exitCode, out: process.stdout.write, err: process.stderr.write };
  let stdout = '';
  let stderr = '';
  process.env = env;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  try {
    await run(env);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.env = saved.env;
    process.exitCode = saved.exitCode;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
};

/** dist/index.js in a child process, as the runner starts it. */
const bundled: Runner = (env) =>
  new Promise((resolve) => {
    execFile(NODE, [path.join(ROOT, 'dist/index.js')], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

// @actions/core remembers the first job-summary path it sees, so in-process runs share one, emptied before each run.
const SUMMARY = path.join(await mkdtemp(path.join(tmpdir(), 'rg-summary-')), 'summary.md');

export function runAction(gh: FakeGitHub, options: RunOptions): Promise<ActionRun> {
  return runWith(inProcess, SUMMARY, gh, options);
}

export function runBundledAction(gh: FakeGitHub, options: RunOptions): Promise<ActionRun> {
  return runWith(bundled, undefined, gh, options);
}

async function runWith(
  runner: Runner,
  summaryFile: string | undefined,
  gh: FakeGitHub,
  options: RunOptions,
): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rg-action-'));
  const files = {
    event: path.join(dir, 'event.json'),
    output: path.join(dir, 'output'),
    summary: summaryFile ?? path.join(dir, 'summary.md'),
  };
  await writeFile(files.event, JSON.stringify(options.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    const value = options.inputs?.[name] ?? spec.default ?? '';
    inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] =
      value === '${{ github.token }}' ? (options.token ?? 'ghs_write') : value;
  }
  const env = {
    PATH: process.env.PATH ?? '',
    ...inputs,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed',
    RUNNER_TEMP: dir,
    ...options.env,
  };
  const result = await runner(env);
  const outputs = parseOutputs(await readFile(files.output, 'utf8'));
  const report = outputs.report ? JSON.parse(await readFile(outputs.report, 'utf8')) : undefined;
  const sarif = outputs.sarif ? (JSON.parse(await readFile(outputs.sarif, 'utf8')) as unknown) : undefined;
  const summary = await readFile(files.summary, 'utf8');
  await rm(dir, { recursive: true, force: true });
  return { ...result, outputs, summary, report, sarif };
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value, then the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!head) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== head[2]; i++) value.push(lines[i]!);
    out[head[1]!] = value.join('\n');
  }
  return out;
}

/**
 * Each test's fake GitHub, checked and stopped after the test: it saw no
 * request GitHub would reject. `const use = eachGitHub();` at the top of a
 * file or `describe`, then `const gh = use(await scenario())` in a test.
 */
export function eachGitHub(): (gh: FakeGitHub) => FakeGitHub {
  let current: FakeGitHub | undefined;
  afterEach(async () => {
    const gh = current;
    current = undefined;
    if (!gh) return;
    try {
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.stop();
    }
  });
  return (gh) => (current = gh);
}
