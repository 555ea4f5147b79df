/**
 * The command-line adapter: arguments and files in, a report and an exit
 * code out (0 pass, 1 gate failed, 2 usage or config error).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/load.js';
import { CONFIG_PATH, INIT_FILES } from '../init/templates.js';
import { configFromTemplate } from '../init/from-template.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import { isCommit, readRendered } from '../disk.js';
import { parseDay } from '../model/day.js';
import { runPipeline, type RunOutcome } from '../pipeline.js';
import { FORMAT_IDS, formatById } from '../report/formats.js';
import { plural } from '../report/text.js';
import { VERSION } from '../version.js';
import { editDistance } from '../model/closest.js';
import { findRoot, readIfExists, readRepository } from './files.js';
import { runDoctor } from './doctor.js';
import { runServices, SERVICES_OPTIONS } from './services.js';
import { fixFiles } from './fix.js';
import type { Io } from './io.js';
import { DiskSource } from './source.js';
import { UsageError } from './usage-error.js';
import type { ChangedFiles } from '../source.js';
import { MAX_RENDERED } from '../model/files.js';
import type { RenderedFile } from '../model/files.js';

export type { Io } from './io.js';

/** Each command's synopsis and what its flags do: `readiness-gate <command> --help`. */
const COMMANDS = {
  check: `readiness-gate check [--body FILE|-] [--config FILE] [--format ${FORMAT_IDS.join('|')}] [-o FILE]
                     [--quiet] [--max-warnings N] [--exit-zero]
                     [--changed-files FILE|-] [--labels a,b] [--base BRANCH] [--author LOGIN] [--title TEXT]
                     [--rendered FILE ...] [--only-selected] [--fix | --fix-dry-run] [--today YYYY-MM-DD]
                     [--base-ref REF] [--template FILE] [FILE_OR_GLOB ...]

Check a pull-request description (--body), runbooks and deployment files against the rules:
the files named; else the changed files (--changed-files), as the action checks them; else the
runbooks the config selects. Runbooks linked from the description are read from the repository root.
  --rendered FILE: manifests rendered before the run (helm template > FILE), checked beside them.
  --only-selected: of the files named, check only those the config selects (the pre-commit hook).
  --fix: apply the fixes rules offer to the files, check again, report what is left;
  --fix-dry-run: print them as a diff instead. --today: the day review dates are judged by.
  --base-ref REF: read what the action reads at the base commit (the kustomization beside a
  manifest, an alert file as it was) with git show REF:path, not from the disk.
  --template FILE: the pull-request template the description was written from; else the one GitHub
  would use in the checkout (pull-request.template in the config names another, or false none).
  -o, --output-file FILE: write the report there, not to standard output. --quiet: show errors only.
  --max-warnings N: fail when there are more than N warnings, though the gate passed.
Config: --config FILE, else ${CONFIG_PATH} when present, else the built-in devops rules.
Exit: 0 passed, 1 gate failed (or past --max-warnings), 2 usage or config error.
`,
  init: `readiness-gate init [--force] [--from-template [FILE]]

Write ${INIT_FILES.map((f) => f.path).join(', ')}.
  --from-template [FILE]: write the config from the repository's own pull-request template (FILE,
  else the one GitHub uses), and the workflow. --force: overwrite what is there.
`,
  services: `readiness-gate services [--format text|json|markdown|html] [--config FILE] [-o FILE] [--exit-zero]

The readiness scorecard of every service in the repository (Backstage catalog Components of type
service, and workloads): owner, on-call, SLOs, alerts, dashboard and runbook, each pass, fail,
waived or not required by the service's tier, with the file:line that decided it. --format json
writes the facts schema/services.schema.json describes; html, one self-contained page.
Exit: 0 every service has what its tier requires, 1 one does not, 2 usage or config error.
`,
  doctor: `readiness-gate doctor --repo OWNER/REPO [--config FILE]

Read a repository's set-up of the gate through the API (GITHUB_TOKEN; GITHUB_API_URL for
GitHub Enterprise) and say what will not work, each with its fix. Exit: 0 nothing wrong, 1 problems.
`,
} as const;

type Command = keyof typeof COMMANDS;

/** The flags of `check`: parsed with them, and a mistyped one told the nearest. */
const CHECK_OPTIONS = {
  body: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'output-file': { type: 'string', short: 'o' },
  'exit-zero': { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'changed-files': { type: 'string' },
  labels: { type: 'string' },
  base: { type: 'string' },
  author: { type: 'string' },
  title: { type: 'string' },
  rendered: { type: 'string', multiple: true },
  'only-selected': { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  today: { type: 'string' },
  'base-ref': { type: 'string' },
  'fix-dry-run': { type: 'boolean', default: false },
  template: { type: 'string' },
} as const;

/** The flags each command takes, for a mistyped one's suggestion. */
const FLAGS: Record<Command, string[]> = {
  check: [],
  init: ['force', 'from-template'],
  services: Object.keys(SERVICES_OPTIONS),
  doctor: ['repo', 'config'],
};

const USAGE = `Usage:
${Object.values(COMMANDS)
  .map((text) => `  ${text.slice(0, text.indexOf('\n\n')).replace(/\n/g, '\n  ')}`)
  .join('\n')}
  readiness-gate <command> --help | --version
${Object.entries(COMMANDS)
  .map(([name, text]) => `\n${name}: ${text.slice(text.indexOf('\n\n') + 2)}`)
  .join('')}`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const known = command !== undefined && Object.hasOwn(COMMANDS, command) ? (command as Command) : undefined;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (known && (rest.includes('--help') || rest.includes('-h'))) {
      io.stdout(`Usage: ${COMMANDS[known]}`);
      return 0;
    }
    if (known === 'check') return await runCheck(rest, io);
    if (known === 'init') return await runInit(rest, io);
    if (known === 'services') return await runServices(rest, io);
    if (known === 'doctor') return await runDoctor(rest, io);
    const near = command ? nearest(command, Object.keys(COMMANDS)) : undefined;
    throw new UsageError(
      command ? `unknown command "${command}".${near ? ` Did you mean "${near}"?` : ''}` : 'no command given.',
    );
  } catch (error) {
    return fail(error, io, known);
  }
}

/** One short line for a usage error, naming where the full usage is; the usage itself only when no command was known. */
function fail(error: unknown, io: Io, command: Command | undefined): number {
  const help = command ? `Run "readiness-gate ${command} --help" for its usage.\n` : `\n${USAGE}`;
  if (error instanceof ConfigError) {
    io.stderr(`readiness-gate: ${error.message}\n`);
  } else if (error instanceof UsageError) {
    io.stderr(`readiness-gate: ${error.message}\n${help}`);
  } else if (isArgError(error)) {
    io.stderr(`readiness-gate: ${argMessage(error as Error, command)}\n${help}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`readiness-gate: unexpected error: ${message.split('\n')[0]}\n`);
  }
  return 2;
}

/** A flag parseArgs did not know, said once, with the flag the command has that it is closest to. */
function argMessage(error: Error, command: Command | undefined): string {
  const unknown = /^Unknown option '(--?[^']+)'/.exec(error.message)?.[1];
  if (!unknown || !command) return error.message.split('\n')[0]!;
  const flags = command === 'check' ? Object.keys(CHECK_OPTIONS) : FLAGS[command];
  const near = nearest(unknown.replace(/^-+/, ''), flags);
  return `unknown option ${unknown}.${near ? ` Did you mean --${near}?` : ''}`;
}

/** The name a mistyped one is closest to: a few edits away, or the only one it begins. */
function nearest(wanted: string, names: readonly string[]): string | undefined {
  let best: { name: string; edits: number } | undefined;
  for (const name of names) {
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, name.length) / 3));
    const edits = editDistance(wanted, name, limit);
    if (edits <= limit && (!best || edits < best.edits)) best = { name, edits };
  }
  return best?.name ?? names.filter((n) => wanted.length >= 3 && n.startsWith(wanted)).at(0);
}

function isArgError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: CHECK_OPTIONS });
  if (values.body === '-' && values['changed-files'] === '-') {
    throw new UsageError('--body and --changed-files cannot both read standard input.');
  }
  const format = formatById(values.format);
  if (!format) {
    const ids = FORMAT_IDS.map((id) => id as string);
    throw new UsageError(`--format must be ${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}, not "${values.format}".`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings must be a whole number, 0 or more, not "${values['max-warnings']}".`);
  }
  const root = await findRoot(io.cwd);
  const body = values.body === undefined ? undefined : await readBody(values.body, io);
  const changed =
    values['changed-files'] === undefined ? undefined : await readInput(values['changed-files'], io, '--changed-files');
  const repository = await readRepository(root);
  const baseRef = values['base-ref'];
  if (baseRef !== undefined && !(await isCommit(root, baseRef))) {
    throw new UsageError(`--base-ref ${baseRef}: no such commit in the repository at ${root}.`);
  }
  const source = new DiskSource({
    cwd: io.cwd,
    root,
    ...(repository ? { repository } : {}),
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(changed !== undefined ? { changed: parseChangedFiles(changed) } : {}),
    pullRequest: {
      ...(values.labels !== undefined ? { labels: splitList(values.labels) } : {}),
      ...(values.base !== undefined ? { baseBranch: values.base } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
    },
    args: positionals,
    onlySelected: values['only-selected'],
    ...(baseRef !== undefined ? { baseRef } : {}),
    ...(values.template !== undefined ? { templateFile: values.template } : {}),
  });
  const rendered = await readRenderedArgs(values.rendered ?? [], io.cwd);
  const today = values.today;
  if (today !== undefined && parseDay(today) === undefined) {
    throw new UsageError(`--today must be a date, YYYY-MM-DD, not "${today}".`);
  }
  const fixing = values.fix || values['fix-dry-run'];
  const run = () =>
    runPipeline(source, {
      ...(rendered.length > 0 ? { rendered } : {}),
      ...(today !== undefined ? { today } : {}),
      ...(fixing ? { verifyFixes: true } : {}),
    });
  let outcome: RunOutcome;
  if (fixing) {
    const dryRun = values['fix-dry-run'];
    const result = await fixFiles(root, run, dryRun);
    outcome = result.outcome;
    if (dryRun) io.stdout(result.diff);
    const count = [...result.fixed.values()].reduce((n, c) => n + c, 0);
    outcome.notes.push(
      count === 0
        ? 'No fix to apply: what is left needs a person.'
        : `${dryRun ? 'Would fix' : 'Fixed'} ${count} problem${count === 1 ? '' : 's'} in ${result.fixed.size} file${result.fixed.size === 1 ? '' : 's'}: ${[...result.fixed.keys()].join(', ')}.${dryRun ? ' The findings below are before the fixes.' : ' The findings below are what is left.'}`,
      ...[...result.refused].map(([file, why]) => `Not applied in ${file}: ${why}.`),
    );
  } else outcome = await run();
  const { report, notes, config } = outcome;
  if (config?.signOff && !report.skipped) {
    notes.push(
      'Sign-off (`sign-off` in the config) is checked by the action only, on the pull request: this report leaves it out.',
    );
  }
  // --quiet shows the errors only, as eslint's does; the verdict and its counts stay what they are.
  const shown = values.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') } : report;
  const outputFile = values['output-file'];
  const text = format.render(shown, {
    title: 'Production readiness',
    notes,
    color: outputFile === undefined && io.isTTY && !io.env.NO_COLOR,
    // The description as the file it was read from, so an editor's problem matcher can open it.
    ...(values.body !== undefined && values.body !== '-' ? { names: { [PULL_REQUEST]: values.body } } : {}),
  });
  if (outputFile === undefined) io.stdout(text);
  else await writeFile(path.resolve(io.cwd, outputFile), text);
  // A config the gate cannot read is a usage error: exit 2, and the one line on standard error too.
  const broken = report.findings.find((f) => f.ruleId === 'config-invalid');
  if (broken) {
    io.stderr(`readiness-gate: ${broken.source}:${broken.line}:${broken.column}: ${broken.message}\n`);
    return 2;
  }
  if (maxWarnings !== undefined && report.warnings > maxWarnings) {
    io.stderr(
      `readiness-gate: ${plural(report.warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows.\n`,
    );
    return values['exit-zero'] ? 0 : 1;
  }
  return report.conclusion === 'success' || values['exit-zero'] ? 0 : 1;
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Changed files as `git diff --name-only` prints them, one a line; `git diff
 * --name-status` lines (`M\tpath`, `R100\told\tnew`) and `R old new` too.
 */
export function parseChangedFiles(text: string): ChangedFiles {
  const files: ChangedFiles['files'] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const status = /^([ACDMRTUX])\d*(?:\t|\s+)(.+)$/.exec(line);
    if (!status) {
      files.push({ path: line });
      continue;
    }
    const [kind, rest] = [status[1]!, status[2]!];
    const parts = rest.split(/\t|\s+/);
    if ((kind === 'R' || kind === 'C') && parts.length >= 2) files.push({ path: parts[1]!, previous: parts[0]! });
    else files.push({ path: rest, ...(kind === 'D' ? { removed: true as const } : {}) });
  }
  return { files, total: files.length };
}

async function readInput(file: string, io: Io, flag: string): Promise<string> {
  if (file === '-') return io.stdin();
  return readFile(path.resolve(io.cwd, file), 'utf8').catch(() => {
    throw new UsageError(`${file}: cannot read the file given to ${flag}.`);
  });
}

async function readBody(file: string, io: Io): Promise<string> {
  if (file === '-') return io.stdin();
  return readFile(path.resolve(io.cwd, file), 'utf8').catch(() => {
    throw new UsageError(`${file}: cannot read the pull-request description given to --body.`);
  });
}

async function runInit(args: string[], io: Io): Promise<number> {
  // `--from-template [FILE]`: the file is optional, so it is taken before the flags are parsed.
  const at = args.indexOf('--from-template');
  if (at >= 0) {
    const file = args[at + 1] !== undefined && !args[at + 1]!.startsWith('-') ? args[at + 1] : undefined;
    const rest = args.filter((_, i) => i !== at && !(file !== undefined && i === at + 1));
    return runInitFromTemplate(rest, file, io);
  }
  const { values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } } });
  const existing: string[] = [];
  for (const file of INIT_FILES) {
    if (!values.force && (await readIfExists(io.cwd, file.path)) !== undefined) existing.push(file.path);
  }
  if (existing.length > 0) {
    io.stderr(
      `readiness-gate: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written. Run "readiness-gate init --force" to overwrite.\n`,
    );
    return 2;
  }
  for (const file of INIT_FILES) {
    const target = path.resolve(io.cwd, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
    io.stdout(`wrote ${file.path}\n`);
  }
  return 0;
}

/**
 * `init --from-template [FILE]`: the config made from the repository's own
 * pull-request template (the file named, else the one GitHub would use),
 * and the workflow; nothing overwritten without `--force`.
 */
async function runInitFromTemplate(args: string[], file: string | undefined, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } } });
  const root = await findRoot(io.cwd);
  const source = new DiskSource({
    cwd: io.cwd,
    root,
    pullRequest: {},
    args: [],
    ...(file ? { templateFile: file } : {}),
  });
  const [template] = await source.templates(undefined);
  if (!template) {
    throw new UsageError(
      'init --from-template: no pull-request template in .github/, the root or docs/ (pull_request_template.md, or a PULL_REQUEST_TEMPLATE/ folder); name one: --from-template FILE.',
    );
  }
  const relative =
    file !== undefined ? path.relative(root, path.resolve(io.cwd, file)).split(path.sep).join('/') : template.path;
  const files = [
    { path: CONFIG_PATH, text: configFromTemplate({ path: relative, text: template.text }) },
    ...INIT_FILES.filter((f) => f.path.startsWith('.github/workflows/')),
  ];
  const existing = values.force
    ? []
    : (
        await Promise.all(files.map(async (f) => ((await readIfExists(root, f.path)) !== undefined ? [f.path] : [])))
      ).flat();
  if (existing.length > 0) {
    io.stderr(
      `readiness-gate: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written. Run "readiness-gate init --from-template --force" to overwrite.\n`,
    );
    return 2;
  }
  for (const f of files) {
    const target = path.resolve(root, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, f.text);
    io.stdout(`wrote ${f.path}${f.path === CONFIG_PATH ? ` (from ${relative})` : ''}\n`);
  }
  return 0;
}

/** The files `--rendered` names, read: each must be there, at most MAX_RENDERED of them. */
async function readRenderedArgs(files: string[], cwd: string): Promise<RenderedFile[]> {
  if (files.length > MAX_RENDERED)
    throw new UsageError(`--rendered names ${files.length} files; at most ${MAX_RENDERED}.`);
  const out: RenderedFile[] = [];
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    if (!(await stat(absolute).catch(() => undefined))) throw new UsageError(`--rendered ${file}: no such file.`);
    // Read from its own folder: a rendered file may live outside the repository (/tmp/rendered.yaml).
    const [read] = await readRendered(path.dirname(absolute), [path.basename(absolute)]);
    out.push({ ...read!, path: file.split(path.sep).join('/') });
  }
  return out;
}
