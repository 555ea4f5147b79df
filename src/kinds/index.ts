/** Every kind of document, in the order a file is offered to them: the first kind that selects a file owns it. */
import type { DocumentSettings } from '../model/spec.js';
import { dockerfileKind } from './dockerfile.js';
import { manifestKind } from './manifest.js';
import { pullRequestKind } from './pull-request.js';
import { runbookKind } from './runbook.js';
import { workflowKind } from './workflow.js';

export const KINDS = {
  'pull-request': pullRequestKind,
  runbook: runbookKind,
  dockerfile: dockerfileKind,
  workflow: workflowKind,
  manifest: manifestKind,
} as const;

export type KindId = keyof typeof KINDS;

/** What the rules of a kind see. */
export type ContextOf<K extends KindId> = ReturnType<(typeof KINDS)[K]['context']>;

/** The kind that owns a repository file, or undefined when none does. */
export function kindOf(path: string, settings: DocumentSettings): KindId | undefined {
  return (Object.values(KINDS) as { id: KindId; select: (p: string, s: DocumentSettings) => boolean }[]).find((k) =>
    k.select(path, settings),
  )?.id;
}
