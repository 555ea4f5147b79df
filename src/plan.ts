/**
 * The planning step the action and the CLI share, pure: which documents to
 * check and as which kind, and whether the pull request is skipped. The
 * adapters only read what the plan names.
 */
import type { ResolvedConfig } from './config/types.js';
import type { KindedFile } from './engine.js';
import { KINDS, kindOf, type KindId } from './kinds/index.js';
import type { Unread } from './kinds/kind.js';
import { onlyChangedFiles, type PullRequestFacts } from './model/conditions.js';

export interface PlanInput {
  /** Paths the description links: runbooks, wherever they are. */
  linked: readonly string[];
  /** Files the pull request adds or changes (the action): checked when a kind owns them. */
  changed?: readonly string[];
  /** Files named on the command line (the CLI): checked as the kind that owns them, else as runbooks. */
  named?: readonly string[];
}

export interface PlannedFile {
  path: string;
  kind: KindId;
  /** Set when the file is not to be read: a linked runbook past the limit. */
  unread?: Unread;
  /** Read only for the documents it goes with, never checked. */
  companion?: true;
}

/**
 * The files to read and check, each once, in the order: linked, changed,
 * named. Linked runbooks past `pull-request.runbook.max-links` are planned
 * unread, so the report names them and the gate fails closed.
 */
export function planFiles(input: PlanInput, config: ResolvedConfig): PlannedFile[] {
  const planned = new Map<string, PlannedFile>();
  const add = (file: PlannedFile) => {
    if (!planned.has(file.path)) planned.set(file.path, file);
  };
  const linked = [...new Set(input.linked)];
  const max = config.pullRequest.runbook.maxLinks;
  linked.forEach((path, i) => add({ path, kind: 'runbook', ...(i >= max ? { unread: { kind: 'over-limit' } } : {}) }));
  let changed = 0;
  for (const path of input.changed ?? []) {
    const kind = kindOf(path, config);
    if (!kind || planned.has(path)) continue;
    add({ path, kind, ...(++changed > MAX_CHANGED_FILES ? { unread: { kind: 'over-limit', of: 'changed' } } : {}) });
  }
  for (const path of input.named ?? []) add({ path, kind: kindOf(path, config) ?? 'runbook' });
  // The files the planned documents are read with (a chart's values.yaml, a folder's
  // kustomization.yaml), each once, at most MAX_COMPANIONS: past it a document reads them as unknown.
  let companions = 0;
  for (const file of [...planned.values()]) {
    if (file.unread || file.companion) continue;
    const kind = KINDS[file.kind] as { companions?: (p: string) => string[] };
    for (const path of kind.companions?.(file.path) ?? []) {
      if (planned.has(path) || companions >= MAX_COMPANIONS) continue;
      companions++;
      add({ path, kind: file.kind, companion: true });
    }
  }
  return [...planned.values()];
}

/** Companion files read per run, besides the documents: at three or so a folder, twenty folders. */
export const MAX_COMPANIONS = 60;

/** The planned files to read. */
export function toRead(files: readonly PlannedFile[]): PlannedFile[] {
  return files.filter((file) => !file.unread);
}

/** A planned file with what reading it gave: its text, or why it could not be read. */
export function withText(file: PlannedFile, text: string | undefined | Unread): KindedFile {
  if (file.unread) return { ...file, text: undefined };
  if (typeof text === 'object') return { ...file, text: undefined, unread: text };
  return { ...file, text };
}

/** Changed files read per run (runbooks, Dockerfiles, workflows); more are named and fail the gate. */
export const MAX_CHANGED_FILES = 300;

/** How many files are read at once, from GitHub or the disk. */
export const READ_CONCURRENCY = 4;

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
  const docsOnly = onlyChangedFiles(config.skip.onlyChangedFiles, pr, (p) => kindOf(p, config) === 'runbook');
  return docsOnly;
}
