/**
 * One run of the gate, written once for the action and the CLI. The config,
 * the pull request and its changed files are asked for at once; then the
 * skip decision, the runbooks the description links, the plan, the
 * documents and the files they go with (read at once), the check within the
 * time budget, and one report. Where the documents come from is a
 * `DocumentSource`: GitHub (`github/source.ts`) or a checkout on disk
 * (`cli/source.ts`). The adapters build a source, call `runPipeline` and
 * publish what it returns; they decide nothing about what is checked.
 *
 * The loaded config is never changed: what a run adds (the repository,
 * changed files, labels, reviews) travels beside it.
 */
import { availableParallelism } from 'node:os';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkWithinBudget, readDescription, BUDGET, type BudgetOptions } from './budget.js';
import { mapLimit } from './concurrency.js';
import { ConfigError, loadConfig } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import {
  evidenceSourcesOf,
  GATE_FINDINGS,
  gateFinding,
  mergeReports,
  PULL_REQUEST,
  summarise,
  type Finding,
  type KindedFile,
  type NotChecked,
  type Report,
} from './engine.js';
import { DESCRIPTION, kindByText, RENDERED, type KindId } from './kinds/index.js';
import { mayHoldAlerts, resolveRunbookUrl, runbookUrlsIn } from './kinds/alert-rules.js';
import { isKustomization } from './kinds/manifest.js';
import { buildOverlays, kustomizationIn, patchFiles, type OverlayBuild } from './kustomize.js';
import { folderOf, joinPath, pathInCode } from './model/paths.js';
import { fileKey, type ReadBound, type Unread } from './kinds/kind.js';
import type { ApprovalFacts, ChangedFile, PullRequestFacts } from './model/conditions.js';
import type { Repository } from './model/spec.js';
import {
  companionBudget,
  MAX_EVIDENCE_BYTES,
  maxBytesOf,
  planCompanions,
  planFiles,
  skipReason,
  withText,
  type PlannedFile,
} from './plan.js';
import type { ReviewFacts } from './signoff/evaluate.js';

/** A read a source could not make, past its retries: the run reports it as a `read-failed` finding and fails. */
export class ReadFailed extends Error {
  override name = 'ReadFailed';
  constructor(
    /** What could not be read, as a phrase: `the changed files`, `the reviews for sign-off`. */
    readonly what: string,
    /** Why, in one line: `GitHub answered 502 on GET /repos/o/r/pulls/7/files: Bad Gateway`. */
    readonly reason: string,
    /** Where to report it: the config's path, or the description. */
    readonly source: string = PULL_REQUEST,
    /** Whether another run may read it (a passing fault), or the pull request must change first. */
    readonly transient = true,
  ) {
    super(`could not read ${what}: ${reason}`);
  }
}

/** The config file as the source has it: text, or undefined when there is none (the built-in rules apply). */
export interface ConfigText {
  path: string;
  text: string | undefined;
}

/** What a source knows of the pull request besides its files. */
export interface PullRequestInfo {
  /** The description; undefined when only files are checked (the CLI without `--body`). */
  body?: string;
  draft: boolean;
  /** Labels, base branch, author and title, as far as the source knows them. */
  facts: Omit<PullRequestFacts, 'changedFiles' | 'approvals'>;
}

export interface ChangedFiles {
  files: ChangedFile[];
  /** How many files the pull request changes; GitHub lists at most 3,000 of them. */
  total: number;
  /**
   * The lines of each changed source file the change touches, by path, where
   * the diff is known (GitHub's patch; `git diff` in the CLI): those it adds,
   * and those either side of what it deletes. Rules on code report only
   * there; a file absent is judged whole (GitHub shows no patch for a large
   * diff).
   */
  lines?: Record<string, number[]>;
}

/** What a source read for sign-off and `when` approvals. */
export interface ReviewData {
  reviews?: ReviewFacts;
  approvals?: ApprovalFacts;
  /** Trusted lines for the report, e.g. that the edit history could not be read. */
  notes: string[];
}

export interface DocumentSource {
  /** This repository, for links to it by URL; undefined when the source cannot tell. */
  readonly repository?: Repository;
  /** How many documents are read at once. */
  readonly concurrency: number;
  /** Where the config is read from, for the message on a broken one: `the base branch`. */
  readonly configFrom?: string;
  /** The config. Throws ConfigError for a file named but missing, ReadFailed when it cannot be read. */
  config(): Promise<ConfigText>;
  /** Throws ReadFailed when the pull request cannot be read. */
  pullRequest(): Promise<PullRequestInfo>;
  /** The changed files, or undefined when unknown (the CLI without `--changed-files`). Throws ReadFailed. */
  changedFiles(): Promise<ChangedFiles | undefined>;
  /**
   * Files named to be checked instead of the changed ones (the CLI's
   * arguments, or the runbooks under its root); undefined: the changed files.
   */
  named?(config: ResolvedConfig): Promise<NamedFiles | undefined>;
  /**
   * A document: its text, undefined when there is no such file, or why it
   * was not read (over `maxBytes`, MAX_FILE_BYTES unless given). Never throws.
   */
  read(file: FileRead): Promise<string | undefined | Unread>;
  /**
   * The paths of the regular files in a folder at the head commit, not its
   * subfolders; none when there is no such folder. Throws ReadFailed.
   */
  list?(folder: string): Promise<string[]>;
  /** Reviews for sign-off and `when` approvals, when the config asks for them. Throws ReadFailed. */
  reviews?(config: ResolvedConfig): Promise<ReviewData>;
}

/** A file to read: at the head commit, or the base commit for a companion that lowers a demand. */
export interface FileRead {
  path: string;
  fromBase?: true;
  /** The most bytes to read. */
  maxBytes?: number;
}

/** Files named to be checked, and those named or found that no kind reads, with why. */
export interface NamedFiles {
  files: string[];
  notChecked: NotChecked[];
  /**
   * The files are a whole repository's alert files and runbooks (the CLI's
   * audit): every runbook an alert links is read, and a runbook beside them
   * that no alert links is told (`runbook-orphan`).
   */
  audit?: true;
}

export interface Outcome {
  report: Report;
  /** Trusted lines for the report. */
  notes: string[];
  /** The config the run used; undefined when it could not be read. */
  config?: ResolvedConfig;
}

/** Files below which one checking thread is faster than several. */
export const PARALLEL_THRESHOLD = 150;

/** Manifests rendered before the run (`helm template … > rendered.yaml`), as the adapter read them from its disk. */
export interface RenderedFile {
  path: string;
  text: string | Unread;
}

/** The most rendered files a run takes (the action's `rendered` input, the CLI's `--rendered`). */
export const MAX_RENDERED = 20;

export interface PipelineOptions extends BudgetOptions {
  /**
   * Rendered manifests: checked as plain manifests (no Helm directive to
   * approximate, no overlay to cap them), each object named with the
   * template Helm's `# Source:` comment gives, beside the changed files.
   */
  rendered?: readonly RenderedFile[];
  /** The kubectl that builds Kustomize overlays: `kubectl` on the PATH unless named. */
  kubectl?: string;
  /** The day dates are judged by (`runbook-review-due`), YYYY-MM-DD; the clock's, in UTC, unless given. */
  today?: string;
}

export async function runPipeline(source: DocumentSource, options: PipelineOptions = {}): Promise<Outcome> {
  const { rendered = [], kubectl, today = new Date().toISOString().slice(0, 10), ...budgetOptions } = options;
  const budget: BudgetOptions = {
    ...budgetOptions,
    deadline: options.deadline ?? Date.now() + (options.budget ?? BUDGET).runMs,
  };
  // The first round: everything that depends on nothing else, at once.
  const configRead = source.config();
  const prRead = source.pullRequest();
  const changedRead = source.changedFiles();
  prRead.catch(() => {}); // awaited below, or not needed when the config fails
  changedRead.catch(() => {});

  let loaded: ResolvedConfig;
  try {
    const { text, path } = await configRead;
    // Frozen: nothing downstream, the adapters included, can change the team's rules for this run.
    loaded = deepFreeze(loadConfig(text, path));
  } catch (error) {
    if (error instanceof ConfigError) return { report: configFailure(error, source.configFrom), notes: [] };
    if (error instanceof ReadFailed) return { report: failed([error], error.source, false), notes: [] };
    throw error;
  }
  const config = deepFreeze({ ...withRepository(loaded, source.repository), today });

  let pr: PullRequestInfo;
  try {
    pr = await prRead;
  } catch (error) {
    if (error instanceof ReadFailed)
      return { report: failed([error], PULL_REQUEST, config.strict, config), notes: [], config };
    throw error;
  }
  const failures: ReadFailed[] = [];
  const changed = await changedRead.catch((error: unknown) => {
    if (!(error instanceof ReadFailed)) throw error;
    failures.push(error);
    return undefined;
  });
  const facts: PullRequestFacts = {
    ...pr.facts,
    ...(changed ? { changedFiles: changedFacts(changed) } : {}),
  };
  const unlisted = facts.changedFiles ? facts.changedFiles.total - facts.changedFiles.files.length : 0;
  if (unlisted > 0) {
    // A file GitHub does not list may be a runbook or a deployment file the gate would check: fail closed.
    failures.push(
      new ReadFailed(
        'all of the changed files',
        `GitHub lists at most ${facts.changedFiles!.files.length} of a pull request's files, and this one changes ${facts.changedFiles!.total}; ${unlisted} were not listed, so the gate cannot tell which of them it should check. Split the pull request`,
        PULL_REQUEST,
        false,
      ),
    );
  }
  const skipped = skipReason(config, {
    labels: facts.labels ?? [],
    author: facts.author ?? '',
    draft: pr.draft,
    ...(facts.changedFiles ? { changedFiles: facts.changedFiles } : {}),
  });
  if (skipped) {
    return {
      report: { ...summarise([], [], [], [], config.strict), config: config.source, skipped },
      notes: [],
      config,
    };
  }

  // Reviews are read while the documents are.
  const reviewsRead = source.reviews?.(config);
  reviewsRead?.catch(() => {});
  const { linked, description } =
    pr.body === undefined
      ? { linked: [], description: undefined }
      : await readDescription(pr.body, config, budget.budget);
  const named = await source.named?.(config);
  const changedPaths = (changed?.files ?? []).filter((f) => !f.removed).map((f) => f.path);
  const notes: string[] = [];
  // A changed file read to find what depends on it is not read again as a document.
  const headReads = new Map<string, Promise<string | undefined | Unread>>();
  const readHead = (path: string) => {
    let text = headReads.get(path);
    // Only files that may be deployment files are read this way (YAML, JSON, a chart's templates), each bounded as one.
    if (!text) headReads.set(path, (text = source.read({ path, maxBytes: MAX_EVIDENCE_BYTES })));
    return text;
  };
  // What the changed files bring in besides themselves, looked for together: a chart's templates whose values
  // changed, the manifests a changed kustomization names, and the overlays to build (a kustomization or a
  // patch changed).
  // Each writes its own notes, kept in this order whichever finishes first.
  const [valuesNotes, resourcesNotes] = [[], []] as [string[], string[]];
  const [values, resources, overlays] = named
    ? [[], [], []]
    : await Promise.all([
        valuesDependents(source, readHead, changedPaths, failures, valuesNotes),
        kustomizationResources(readHead, changedPaths, resourcesNotes),
        overlaysToBuild(source, readHead, changedPaths),
      ]);
  notes.push(...valuesNotes, ...resourcesNotes);
  const dependents = [...values, ...resources];
  const builds = await buildOverlays(overlays, readHead, {
    ...(kubectl ? { kubectl } : {}),
    deadline: budget.deadline!,
  });
  notes.push(...builds.map(buildNote));
  const candidates = named ? named.files : [...changedPaths, ...dependents];
  const byText = await selectByText(candidates, config, readHead, source.concurrency);
  const planned = planFiles(
    named
      ? { linked, named: named.files.filter((p) => !byText.left.has(p)), byText: byText.kinds }
      : { linked, changed: candidates, byText: byText.kinds },
    config,
  );
  const isLinked = new Set(linked);
  const read = (files: readonly PlannedFile[]) =>
    mapLimit(files, source.concurrency, async (file) =>
      withText(
        file,
        file.unread
          ? undefined
          : await (!file.fromBase && headReads.has(file.path)
              ? headReads.get(file.path)!
              : source.read({ ...file, maxBytes: maxBytesOf(file.kind) })),
      ),
    );
  // Companions are read once a run, whichever part of it needs them.
  const companionReads = new Map<string, Promise<KindedFile>>();
  const readCompanions = (files: readonly PlannedFile[]) =>
    mapLimit(files, source.concurrency, (file) => {
      const key = fileKey(file);
      let found = companionReads.get(key);
      if (!found) companionReads.set(key, (found = read([file]).then(([one]) => one!)));
      return found;
    });

  // The linked runbooks are read beside the other documents, and checked with the description.
  const linkedFiles = read(planned.filter((f) => isLinked.has(f.path)));
  // The runbooks the checked alerting rules link: with each file of alerts, and checked with the description.
  // A runbook the description links too is read once, for both.
  const readRunbook = async (file: PlannedFile): Promise<KindedFile> => {
    const linkedToo = isLinked.has(file.path) ? (await linkedFiles).find((f) => f.path === file.path) : undefined;
    return linkedToo ?? (await read([file]))[0]!;
  };
  const alertRead = alertRunbooks(planned, readHead, readRunbook, source, config, {
    ...(named?.audit ? { max: MAX_AUDITED_RUNBOOKS } : {}),
  });
  alertRead.catch(() => {});
  const withAlertRunbooks = async (files: KindedFile[]): Promise<KindedFile[]> => {
    if (!files.some((f) => f.kind === 'manifest' && typeof f.text === 'string' && mayHoldAlerts(f.text))) return [];
    const here = new Set(files.map(fileKey));
    return (await alertRead).filter((f) => !here.has(fileKey(f))).map((f) => ({ ...f, companion: true as const }));
  };
  // One bound on companions for the whole run, however many parts its documents are checked in.
  const companions = companionBudget();
  const checked = await Promise.all([
    ...chunks(planned.filter((f) => !isLinked.has(f.path))).map(async (chunk) => {
      const files = await read(chunk);
      // The files these documents go with (a chart's values.yaml), read once the documents say which.
      const companionFiles = await readCompanions(planCompanions(files, companions));
      const alertFiles = await withAlertRunbooks(files);
      const touched = changedIn(files, changed?.lines);
      const report = await checkWithinBudget(
        {
          files: [...files, ...companionFiles, ...alertFiles],
          config,
          ...(touched ? { changedLines: touched } : {}),
          ...(named?.audit ? { alertRunbooks: linkedByAlerts(await alertRead) } : {}),
          // An alert's rules ask whether its runbook changed with it.
          ...(facts.changedFiles ? { pullRequest: { changedFiles: facts.changedFiles } } : {}),
        },
        budget,
      );
      return { report, evidenceSources: evidenceSourcesOf(files) };
    }),
    ...renderedCheck(rendered, planned, config, budget),
    ...overlayCheck(builds, config, budget),
  ]);

  let reviewData: ReviewData | undefined;
  try {
    reviewData = await reviewsRead;
    notes.push(...(reviewData?.notes ?? []));
  } catch (error) {
    if (!(error instanceof ReadFailed)) throw error;
    failures.push(error);
  }
  // The description is checked last, with what the files showed: a ticked claim they contradict fails.
  const evidence = checked.flatMap((c) => c.report.findings);
  const first = await checkWithinBudget(
    {
      ...(description !== undefined ? { description } : {}),
      files: [...(await linkedFiles), ...alertDocuments(await alertRead, planned)],
      config,
      ...(named?.audit ? { alertRunbooks: linkedByAlerts(await alertRead) } : {}),
      ...(evidence.length > 0 ? { evidence } : {}),
      evidenceSources: checked.flatMap((c) => c.evidenceSources),
      pullRequest: { ...facts, ...(reviewData?.approvals ? { approvals: reviewData.approvals } : {}) },
      ...(reviewData?.reviews ? { reviews: reviewData.reviews } : {}),
    },
    budget,
  );
  const reports = [first, ...(failures.length > 0 ? [failed(failures, PULL_REQUEST, config.strict)] : [])];
  const report = mergeReports([...reports, ...checked.map((c) => c.report)], config.strict);
  const notChecked = [...(named?.notChecked ?? []), ...(named ? byText.notChecked : [])];
  if (notChecked.length > 0) report.notChecked = notChecked;
  return { report, notes, config };
}

/** Runbooks alerts link, read at most this many a run beside the description's own links: the same bound's size. */
const alertRunbookBound = (config: ResolvedConfig): ReadBound => ({
  what: 'runbooks that alerts link',
  max: config.pullRequest.runbook.maxLinks,
  setting: 'pull-request.runbook.max-links',
  advice: 'Split the alerts across pull requests, or raise the bound.',
});

/** The changed lines of these files, where known: only for code, whose rules judge what a pull request changes. */
function changedIn(
  files: readonly KindedFile[],
  lines: Record<string, number[]> | undefined,
): Record<string, number[]> | undefined {
  if (!lines) return undefined;
  const out: Record<string, number[]> = {};
  for (const f of files) if (f.kind === 'code' && Object.hasOwn(lines, f.path)) out[f.path] = lines[f.path]!;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Runbooks the CLI's audit reads for a repository's alerts: from the disk, not the API. */
const MAX_AUDITED_RUNBOOKS = 3000;

/** The runbooks the alerts link that the run found, by their paths in the repository. */
function linkedByAlerts(files: readonly KindedFile[]): string[] {
  return files.filter((f) => f.text !== undefined).map((f) => f.path);
}

/** Folders listed a run to find a runbook whose name an alert's URL gives in another case. */
const MAX_CASE_LISTINGS = 10;

/**
 * The runbooks that the alerting rules of the checked manifests link,
 * resolved as `alert-runbook` resolves them and read at the head commit,
 * each once: at most `alertRunbookBound`, the rest handed on unread so the
 * rule fails closed on them. A runbook not found under the exact path is
 * looked for in its folder without regard to case (a site generator serves
 * `KubePodCrashLooping.md` as `kubepodcrashlooping`); both entries are
 * handed on, the one not found with no text.
 */
async function alertRunbooks(
  planned: readonly PlannedFile[],
  readHead: (path: string) => Promise<string | undefined | Unread>,
  readOne: (file: PlannedFile) => Promise<KindedFile>,
  source: DocumentSource,
  config: ResolvedConfig,
  limit: { max?: number } = {},
): Promise<KindedFile[]> {
  const manifests = planned.filter((f) => f.kind === 'manifest' && !f.unread && !f.companion && !f.fromBase);
  const texts = await mapLimit(manifests, source.concurrency, (f) => readHead(f.path));
  const { runbook } = config.pullRequest;
  const paths = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string' || !mayHoldAlerts(text)) continue;
    for (const url of runbookUrlsIn(text, config.alerts.runbookAnnotation)) {
      const target = resolveRunbookUrl(url, config.alerts, runbook.external, runbook.repository);
      if (target.kind === 'file') paths.add(target.path);
    }
  }
  const bound = { ...alertRunbookBound(config), ...(limit.max ? { max: limit.max } : {}) };
  const all = [...paths];
  const listings = new Map<string, Promise<string[] | undefined>>();
  const listed = (folder: string) => {
    let names = listings.get(folder);
    if (!names) {
      names =
        source.list && listings.size < MAX_CASE_LISTINGS
          ? source.list(folder).catch(() => undefined)
          : Promise.resolve(undefined);
      listings.set(folder, names);
    }
    return names;
  };
  const read = await mapLimit(all.slice(0, bound.max), source.concurrency, async (path) => {
    const file = await readOne({ path, kind: 'runbook' });
    if (file.text !== undefined || file.unread) return [file];
    const folder = folderOf(path);
    const name = path.slice(folder === '' ? 0 : folder.length + 1).toLowerCase();
    const other = (await listed(folder))?.find((p) => p.slice(p.lastIndexOf('/') + 1).toLowerCase() === name);
    return other && other !== path ? [file, await readOne({ path: other, kind: 'runbook' })] : [file];
  });
  const past = all
    .slice(bound.max)
    .map((path): KindedFile => ({ path, kind: 'runbook', text: undefined, unread: { kind: 'over-limit', bound } }));
  return [...read.flat(), ...past];
}

/**
 * The runbooks alerts link that the run checks with the description, as it
 * checks a runbook the description links: those read, not checked already
 * as a changed file or a link.
 */
function alertDocuments(files: readonly KindedFile[], planned: readonly PlannedFile[]): KindedFile[] {
  const checked = new Set(planned.filter((f) => !f.companion).map(fileKey));
  return files.filter((f) => f.text !== undefined && !checked.has(fileKey(f)));
}

/**
 * Which of these files, that no kind selects by their path, a kind owns by
 * their text (a `.json` manifest, a chart template not named `.yaml`): each
 * read at the head commit (the read serves as the document's too) and kept
 * when its text says so, or when it could not be read (the gate then fails
 * closed on it). At most `evidence.max-files` are read to tell: the rest are
 * taken as the kind's unread, and checked within its bound like the others.
 */
async function selectByText(
  paths: readonly string[],
  config: ResolvedConfig,
  readHead: (path: string) => Promise<string | undefined | Unread>,
  concurrency: number,
): Promise<{ kinds: Map<string, KindId>; notChecked: NotChecked[]; left: Set<string> }> {
  const tests = paths.flatMap((path) => {
    const test = kindByText(path, config);
    return test ? [{ path, ...test }] : [];
  });
  const kinds = new Map<string, KindId>();
  const notChecked: NotChecked[] = [];
  const told = tests.slice(0, config.evidence.maxFiles);
  const texts = await mapLimit(told, concurrency, (t) => readHead(t.path));
  told.forEach((t, i) => {
    const text = texts[i];
    if (typeof text !== 'string' || t.owns(text)) {
      if (text !== undefined) kinds.set(t.path, t.kind);
    } else notChecked.push({ path: t.path, reason: t.otherwise });
  });
  for (const t of tests.slice(told.length)) kinds.set(t.path, t.kind);
  return { kinds, notChecked, left: new Set(notChecked.map((n) => n.path)) };
}

/** The check of the rendered manifests, without companions; none when there are none. A file also planned is checked once. */
function renderedCheck(
  rendered: readonly RenderedFile[],
  planned: readonly PlannedFile[],
  config: ResolvedConfig,
  budget: BudgetOptions,
): Promise<{ report: Report; evidenceSources: string[] }>[] {
  const files: KindedFile[] = rendered
    .filter((r) => !planned.some((p) => p.path === r.path))
    .slice(0, MAX_RENDERED)
    .map((r) =>
      typeof r.text === 'string'
        ? { path: r.path, kind: RENDERED, text: r.text }
        : { path: r.path, kind: RENDERED, text: undefined, unread: r.text },
    );
  if (files.length === 0) return [];
  return [
    checkWithinBudget({ files, config }, budget).then((report) => ({
      report,
      evidenceSources: evidenceSourcesOf(files),
    })),
  ];
}

/**
 * The kustomizations to build: those the pull request changes, and those
 * that apply a changed YAML or JSON file as a patch (looked for beside the
 * changed files, in at most MAX_KUSTOMIZATIONS folders), at most
 * MAX_KUSTOMIZATIONS in all.
 */
async function overlaysToBuild(
  source: DocumentSource,
  readHead: (path: string) => Promise<string | undefined | Unread>,
  changed: readonly string[],
): Promise<string[]> {
  const roots = new Set(changed.filter(isKustomization));
  // Patches are YAML or JSON files; a workflow is none.
  const patches = changed.filter((p) => /\.(ya?ml|json)$/i.test(p) && !isKustomization(p) && !p.startsWith('.github/'));
  const folders = [...new Set(patches.map(folderOf))].slice(0, MAX_KUSTOMIZATIONS);
  // The folders are looked at together, not one after another.
  const found = await mapLimit(folders, source.concurrency, async (folder) => {
    // A listing tells whether the folder has a kustomization in one request, where the source can list.
    // (The root is not listed: GitHub's contents route names a path.)
    const names = source.list && folder !== '' ? await source.list(folder).catch(() => undefined) : undefined;
    if (names && !names.some(isKustomization)) return undefined;
    return kustomizationIn(folder, readHead).catch(() => undefined);
  });
  for (const k of found) {
    if (k && patchFiles(k.path, k.text).some((p) => changed.includes(p))) roots.add(k.path);
  }
  return [...roots].slice(0, MAX_KUSTOMIZATIONS);
}

/** What a build of an overlay gave, for the report's notes. */
function buildNote(build: OverlayBuild): string {
  const where = pathInCode(folderOf(build.kustomization) || '.');
  return 'built' in build
    ? `The overlay ${where} was built with \`kubectl kustomize\`, and the objects it builds were checked: findings on them are at ${pathInCode(build.kustomization)}.`
    : `The overlay ${where} was not built (${build.notBuilt}): what its patches change was not checked.`;
}

/**
 * The check of the objects the overlays build: each overlay's output is read
 * as a manifest at its kustomization, conclusive (nothing is left to patch
 * it), its findings put at the kustomization's first line and saying so.
 */
function overlayCheck(
  builds: readonly OverlayBuild[],
  config: ResolvedConfig,
  budget: BudgetOptions,
): Promise<{ report: Report; evidenceSources: string[] }>[] {
  const files: KindedFile[] = builds.flatMap((b) =>
    'built' in b ? [{ path: b.kustomization, kind: RENDERED, text: b.built }] : [],
  );
  if (files.length === 0) return [];
  return [
    checkWithinBudget({ files, config }, budget).then((report) => ({
      report: {
        ...report,
        findings: report.findings.map((f) =>
          // The gate's own findings (the output too complex to parse) say so already.
          (GATE_FINDINGS as readonly string[]).includes(f.ruleId)
            ? f
            : { ...f, message: `Built by kubectl kustomize: ${f.message}`, line: 1, column: 1 },
        ),
      },
      evidenceSources: evidenceSourcesOf(files),
    })),
  ];
}

/** A chart's values file: `values.yaml`, or `values-production.yaml` for `helm install -f`. */
const VALUES = /(?:^|\/)values(?:-[^/]*)?\.ya?ml$/i;
/** Charts whose templates a run re-reads because their values changed. */
const MAX_VALUES_CHARTS = 10;

/**
 * The templates of the charts whose values files the pull request changes:
 * unchanged, they now render with other values (`readinessProbe: {}` in
 * values.yaml takes the probe out of every Deployment that reads it), so
 * they are checked again at the head commit. Only the templates folder
 * itself is listed, partials (`_helpers.tpl`) left out; a folder that is not
 * a chart (no `Chart.yaml`) costs one read.
 */
async function valuesDependents(
  source: DocumentSource,
  readHead: (path: string) => Promise<string | undefined | Unread>,
  changed: readonly string[],
  failures: ReadFailed[],
  notes: string[],
): Promise<string[]> {
  if (!source.list) return [];
  const charts = [...new Set(changed.filter((p) => VALUES.test(p)).map(folderOf))].slice(0, MAX_VALUES_CHARTS);
  const out: string[] = [];
  for (const chart of charts) {
    if (typeof (await readHead(joinPath(chart, 'Chart.yaml'))) !== 'string') continue;
    let files: string[];
    try {
      files = await source.list(joinPath(chart, 'templates'));
    } catch (error) {
      if (!(error instanceof ReadFailed)) throw error;
      failures.push(error);
      continue;
    }
    // Helm renders every file there but partials (`_helpers.tpl`) and NOTES.txt; those not named .yaml are told by their text.
    const templates = files.filter((f) => !/(?:^|\/)(?:_[^/]*|NOTES\.txt)$/.test(f) && !changed.includes(f));
    out.push(...templates);
    if (templates.length > 0) {
      notes.push(
        `The values of chart ${pathInCode(chart === '' ? '.' : chart)} changed: its ${templates.length} template${templates.length === 1 ? '' : 's'} ${templates.length === 1 ? 'was' : 'were'} checked again, unchanged, with them.`,
      );
    }
  }
  return out;
}

/** Kustomizations whose resources a run re-reads, and resources read for each. */
const MAX_KUSTOMIZATIONS = 10;
const MAX_RESOURCES = 50;

/**
 * The manifests a changed kustomization names in `resources`: what the
 * folder deploys changed with it (a resource added, or one the overlay now
 * takes in), so they are checked at the head commit though unchanged. Only
 * files inside the repository are taken, not folders or remote bases; the
 * gate does not build the overlay (`kubectl kustomize`), and a patch it
 * applies is not seen.
 */
async function kustomizationResources(
  readHead: (path: string) => Promise<string | undefined | Unread>,
  changed: readonly string[],
  notes: string[],
): Promise<string[]> {
  const out: string[] = [];
  for (const file of changed.filter(isKustomization).slice(0, MAX_KUSTOMIZATIONS)) {
    const text = await readHead(file);
    if (typeof text !== 'string') continue;
    let resources: unknown;
    try {
      resources = (parseYaml(text, { maxAliasCount: 100 }) as { resources?: unknown } | null)?.resources;
    } catch {
      continue; // the kustomization itself is checked as a changed YAML file, and says it does not parse
    }
    if (!Array.isArray(resources)) continue;
    const folder = folderOf(file);
    const named = resources
      .filter((r): r is string => typeof r === 'string' && /\.ya?ml$/i.test(r) && !/^[a-z][a-z0-9+.-]*:/i.test(r))
      .map((r) => posix.normalize(posix.join(folder, r)))
      .filter((p) => !p.startsWith('../') && !posix.isAbsolute(p) && !changed.includes(p))
      .slice(0, MAX_RESOURCES);
    out.push(...named);
    if (named.length > 0) {
      notes.push(
        `${pathInCode(file)} changed: the ${named.length} manifest${named.length === 1 ? '' : 's'} it names ${named.length === 1 ? 'was' : 'were'} checked again, unchanged, with it.`,
      );
    }
  }
  return out;
}

/** The documents to check split for the checking threads: one chunk, unless there are many. */
function chunks(files: PlannedFile[]): PlannedFile[][] {
  const count = files.length < PARALLEL_THRESHOLD ? 1 : Math.min(availableParallelism(), 4);
  const size = Math.ceil(files.length / count);
  return Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
}

/** The changed files as `when` entries and skips read them. */
function changedFacts(changed: ChangedFiles): NonNullable<PullRequestFacts['changedFiles']> {
  const total = Math.max(changed.total, changed.files.length);
  return {
    files: changed.files.map((f) => ({
      path: f.path,
      ...(f.previous ? { previous: f.previous } : {}),
      ...(f.removed ? { removed: f.removed } : {}),
    })),
    truncated: changed.files.length < total,
    total,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The config with this repository known, for links to it by URL: a copy, the loaded config untouched. */
function withRepository(config: ResolvedConfig, repository: Repository | undefined): ResolvedConfig {
  if (!repository) return config;
  const { runbook } = config.pullRequest;
  return { ...config, pullRequest: { ...config.pullRequest, runbook: { ...runbook, repository } } };
}

function configFailure(error: ConfigError, from: string | undefined): Report {
  const finding: Finding = {
    ruleId: 'config-invalid',
    severity: 'error',
    message: `${error.detail}${from ? ` The config is read from ${from}: fix it there.` : ''}`,
    source: error.file,
    line: error.line,
    column: error.column,
  };
  return { ...summarise([finding], [], [], [error.file], false), config: error.file };
}

/** A report of reads that failed: each an error at the top of its document. */
function failed(errors: ReadFailed[], source: string, strict: boolean, config?: ResolvedConfig): Report {
  const findings = errors.map((e) =>
    gateFinding(
      'read-failed',
      e.source,
      `Could not read ${e.what}: ${e.reason}. The gate fails until it can read what it checks${e.transient ? '; re-run the job' : ''}.`,
      e.source === PULL_REQUEST ? DESCRIPTION : undefined,
    ),
  );
  const sources = [...new Set([source, ...errors.map((e) => e.source)])];
  return { ...summarise(findings, [], [], sources, strict), ...(config ? { config: config.source } : {}) };
}
