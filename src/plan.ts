/**
 * The planning step the action and the CLI share, pure: which documents to
 * check and as which kind, and whether the pull request is skipped. The
 * adapters only read what the plan names.
 */
import { mapLimit } from './concurrency.js';
import type { ResolvedConfig } from './config/types.js';
import type { KindedFile } from './engine.js';
import {
  descriptionLinks,
  kindById,
  kindByText,
  kindOf,
  leftOutOfEvidence,
  NAMED_FALLBACK,
  type KindId,
} from './kinds/index.js';
import { onlyChangedFiles, type PullRequestFacts } from './model/conditions.js';
import type { NotChecked } from './model/report.js';
import type { ChangedFiles } from './source.js';
import { type ReadBound, type Unread, fileKey } from './model/files.js';

export interface PlanInput {
  /** Paths the description links: runbooks, wherever they are. */
  linked: readonly string[];
  /** Files the pull request adds or changes (the action): checked when a kind owns them. */
  changed?: readonly string[];
  /** Files named on the command line (the CLI): checked as the kind that owns them, else as runbooks. */
  named?: readonly string[];
  /** Files no kind selects by their path that one owns by their text (a `.json` manifest): `selectByText`. */
  byText?: ReadonlyMap<string, KindId>;
}

export interface PlannedFile {
  path: string;
  kind: KindId;
  /** Set when the file is not to be read: a linked runbook past the limit. */
  unread?: Unread;
  /** Read only for the documents it goes with, never checked. */
  companion?: true;
  /** A companion read at the base commit (the action). */
  fromBase?: true;
}

/**
 * The files to read and check, each once, in the order: linked, changed,
 * named. Linked runbooks past `pull-request.runbook.max-links` are planned
 * unread, so the report names them and the gate fails closed.
 */
export function planFiles(input: PlanInput, config: ResolvedConfig): PlannedFile[] {
  const planned = new Map<string, PlannedFile>();
  const add = (file: PlannedFile) => {
    if (!planned.has(fileKey(file))) planned.set(fileKey(file), file);
  };
  // Files counted against each bound, by what it bounds: kinds that share a bound share the count.
  const counted = new Map<string, number>();
  const within = (bound: ReadBound | undefined): { unread: Unread } | Record<string, never> => {
    if (!bound) return {};
    const count = (counted.get(bound.what) ?? 0) + 1;
    counted.set(bound.what, count);
    return count > bound.max ? { unread: { kind: 'over-limit', bound } } : {};
  };
  const links = descriptionLinks();
  const linkBound = links.bound(config);
  for (const path of new Set(input.linked)) add({ path, kind: links.kind, ...within(linkBound) });
  const kindOfFile = (path: string) => kindOf(path, config) ?? input.byText?.get(path);
  for (const path of input.changed ?? []) {
    const kind = kindOfFile(path);
    if (!kind || planned.has(path)) continue;
    add({ path, kind, ...within(kindById(kind).bound?.(config)) });
  }
  for (const path of input.named ?? []) {
    // A deployment file `evidence` leaves out is not checked, even named; any other file is read as a runbook.
    if (!leftOutOfEvidence(path, config)) add({ path, kind: kindOfFile(path) ?? NAMED_FALLBACK });
  }
  return [...planned.values()];
}

/**
 * The files the documents just read go with (a chart's values.yaml, a
 * folder's kustomization.yaml), each once and at most MAX_COMPANIONS: past
 * it a document reads them as unknown. Planned after the documents are read,
 * so only a document that needs them (a YAML file that declares Kubernetes
 * objects) costs a read.
 */
export function planCompanions(
  read: readonly KindedFile[],
  /** What the run planned already, when its documents are read in several parts: one bound for them all. */
  run: CompanionBudget = companionBudget(),
): PlannedFile[] {
  const here = new Set(read.map(fileKey));
  const planned: PlannedFile[] = [];
  for (const file of read) {
    if (file.text === undefined || file.companion) continue;
    for (const companion of kindById(file.kind).companions?.(file.path, file.text) ?? []) {
      const key = fileKey(companion);
      if (here.has(key)) continue;
      // A companion another part of the run planned is planned here too (the caller reads it once), uncounted.
      if (!run.seen.has(key)) {
        if (run.left <= 0) continue;
        run.seen.add(key);
        run.left--;
      }
      here.add(key);
      planned.push({ ...companion, kind: file.kind, companion: true });
    }
  }
  return planned;
}

/** The companions a run has planned, and how many more it may read. */
export interface CompanionBudget {
  seen: Set<string>;
  left: number;
}

export const companionBudget = (): CompanionBudget => ({ seen: new Set(), left: MAX_COMPANIONS });

/** Companion files read per run, besides the documents: at three or so a folder, twenty folders. */
export const MAX_COMPANIONS = 60;

/** A planned file with what reading it gave: its text, or why it could not be read. */
export function withText(file: PlannedFile, text: string | undefined | Unread): KindedFile {
  if (file.unread) return { ...file, text: undefined };
  if (typeof text === 'object') return { ...file, text: undefined, unread: text };
  return { ...file, text };
}

export interface SkipFacts {
  labels: readonly string[];
  author: string;
  draft: boolean;
  /** For `skip.only-changed-files`; unknown: that skip does not apply. */
  changedFiles?: PullRequestFacts['changedFiles'];
}

/** Why the gate passes this pull request without checking it, or undefined. */
export function skipReason(config: ResolvedConfig, pr: SkipFacts): string | undefined {
  const label = pr.labels.find((l) => config.skip.labels.includes(l));
  if (label !== undefined) return `the pull request has the label "${label}".`;
  if (config.skip.authors.includes(pr.author)) return `pull requests by ${pr.author} are not gated.`;
  if (config.skip.drafts && pr.draft) return 'the pull request is a draft; the gate runs when it is ready for review.';
  // A changed runbook or deployment file is what the gate is for: it never skips one.
  // A file a kind may own by its text (a `.json` manifest) counts as one: it is not read to skip.
  // Source code does not: a team that lets code-only pull requests pass says so in this list.
  return onlyChangedFiles(config.skip.onlyChangedFiles, pr, (p) => {
    const kind = kindOf(p, config);
    return (kind !== undefined && !kindById(kind).weighed) || kindByText(p, config) !== undefined;
  });
}

/**
 * Which of these files, that no kind selects by their path, a kind owns by
 * their text (a `.json` manifest, a chart template not named `.yaml`): each
 * read at the head commit (the read serves as the document's too) and kept
 * when its text says so, or when it could not be read (the gate then fails
 * closed on it). At most `evidence.max-files` are read to tell: the rest are
 * taken as the kind's unread, and checked within its bound like the others.
 */
export async function selectByText(
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

/** The changed files as `when` entries and skips read them. */
export function changedFacts(changed: ChangedFiles): NonNullable<PullRequestFacts['changedFiles']> {
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
