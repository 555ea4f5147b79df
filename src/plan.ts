/**
 * The planning step the action and the CLI share, pure: which documents to
 * check and as which kind, and whether the pull request is skipped. The
 * adapters only read what the plan names.
 */
import type { ResolvedConfig } from './config/types.js';
import type { KindedFile } from './engine.js';
import { kindOf, type KindId } from './kinds/index.js';

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
}

/** The files to read and check, each once, in the order: linked, changed, named. */
export function planFiles(input: PlanInput, config: ResolvedConfig): PlannedFile[] {
  const planned = new Map<string, KindId>();
  for (const path of input.linked) if (!planned.has(path)) planned.set(path, 'runbook');
  for (const path of input.changed ?? []) {
    const kind = kindOf(path, config);
    if (kind && !planned.has(path)) planned.set(path, kind);
  }
  for (const path of input.named ?? []) {
    if (!planned.has(path)) planned.set(path, kindOf(path, config) ?? 'runbook');
  }
  return [...planned].map(([path, kind]) => ({ path, kind }));
}

/** Planned files with their text. */
export function withText(file: PlannedFile, text: string | undefined): KindedFile {
  return { ...file, text };
}

export interface PullRequestFacts {
  labels: readonly string[];
  author: string;
  draft: boolean;
}

/** Why the gate passes this pull request without checking it, or undefined. */
export function skipReason(config: ResolvedConfig, pr: PullRequestFacts): string | undefined {
  const label = pr.labels.find((l) => config.skip.labels.includes(l));
  if (label !== undefined) return `the pull request has the label "${label}".`;
  if (config.skip.authors.includes(pr.author)) return `pull requests by ${pr.author} are not gated.`;
  if (config.skip.drafts && pr.draft) return 'the pull request is a draft; the gate runs when it is ready for review.';
  return undefined;
}
