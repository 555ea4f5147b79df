/** Every kind of document, in the order a file is offered to them: the first kind that selects a file owns it. */
import { selectsPath } from '../model/paths.js';
import type { DocumentKind, RunExtension, TextTest } from './kind.js';
import type { DocumentSettings } from '../model/spec.js';
import { codeKind } from './code.js';
import { dockerfileKind } from './dockerfile.js';
import { manifestKind } from './manifest.js';
import { pullRequestKind } from './pull-request.js';
import { runbookKind } from './runbook.js';
import { serviceKind } from './service.js';
import { workflowKind } from './workflow.js';

export const KINDS = {
  'pull-request': pullRequestKind,
  runbook: runbookKind,
  service: serviceKind,
  dockerfile: dockerfileKind,
  workflow: workflowKind,
  manifest: manifestKind,
  code: codeKind,
} as const;

export type KindId = keyof typeof KINDS;

/** What the rules of a kind see. */
export type ContextOf<K extends KindId> = ReturnType<(typeof KINDS)[K]['context']>;

/**
 * A kind as the engine and the planning step drive it, whatever its view
 * and context: the one place where a kind's own types are set aside.
 */
export type AnyKind = DocumentKind<KindId, unknown, unknown>;

/** The kind of the pull-request description: not a file, handed over by the caller, checked last. */
export const DESCRIPTION = 'pull-request' satisfies KindId;

/** The kind of manifests rendered before the run (`helm template` output), which the adapters hand over read. */
export const RENDERED = 'manifest' satisfies KindId;

/** The kind a file named on the command line is read as when no kind selects it: a Markdown file is a runbook. */
export const NAMED_FALLBACK = 'runbook' satisfies KindId;

/** A kind's id as a finding or a run extension names it: checked against the registry. */
export function asKindId(id: string): KindId {
  if (!Object.hasOwn(KINDS, id)) throw new Error(`no kind "${id}" is registered in kinds/index.ts`);
  return id as KindId;
}

/** What the kinds bring to a run beyond their changed files, in the registry's order: the pipeline's phases call these. */
export const RUN_EXTENSIONS: readonly RunExtension[] = (Object.values(KINDS) as unknown as AnyKind[]).flatMap((k) =>
  k.run ? [k.run] : [],
);

/** The kind with this id, as the engine drives it. */
export const kindById = (id: KindId): AnyKind => KINDS[id] as unknown as AnyKind;

/** The kind that owns a repository file, or undefined when none does (a deployment file `evidence` leaves out among them). */
export function kindOf(path: string, settings: DocumentSettings): KindId | undefined {
  const kind = (Object.values(KINDS) as unknown as AnyKind[]).find((k) => k.select(path, settings));
  if (!kind) return undefined;
  return kind.evidence && !inEvidence(path, settings) ? undefined : kind.id;
}

/**
 * The kind that may own a file no kind selects by its path, as its text
 * tells (a `.json` manifest), and the test; undefined when none may, or
 * `evidence` leaves the file out.
 */
export function kindByText(path: string, settings: DocumentSettings): (TextTest & { kind: KindId }) | undefined {
  if (kindOf(path, settings) !== undefined) return undefined;
  for (const kind of Object.values(KINDS) as unknown as AnyKind[]) {
    const test = kind.selectByText?.(path);
    if (!test) continue;
    return kind.evidence && !inEvidence(path, settings) ? undefined : { ...test, kind: kind.id };
  }
  return undefined;
}

/** Whether a file is a deployment file that `evidence.paths`/`evidence.exclude` leave out. */
export function leftOutOfEvidence(path: string, settings: DocumentSettings): boolean {
  const kind = (Object.values(KINDS) as unknown as AnyKind[]).find(
    (k) => k.select(path, settings) || k.selectByText?.(path) !== undefined,
  );
  return kind?.evidence === true && !inEvidence(path, settings);
}

const inEvidence = (path: string, settings: DocumentSettings) => selectsPath(settings.evidence, path);

/** The files the description names and their kind (the runbooks it links). */
export function descriptionLinks(): NonNullable<AnyKind['links']> & { kind: KindId } {
  const links = kindById(DESCRIPTION).links;
  if (!links || !(links.kind in KINDS)) throw new Error(`the ${DESCRIPTION} kind must link files of a registered kind`);
  return links as NonNullable<AnyKind['links']> & { kind: KindId };
}

/** Loads what the kinds of these files need before they can be parsed (a grammar); nothing for most. */
export async function prepareKinds(
  files: readonly { path: string; kind: KindId; text?: string | undefined }[],
): Promise<void> {
  const byKind = new Map<KindId, string[]>();
  for (const file of files) {
    if (file.text === undefined || !kindById(file.kind).prepare) continue;
    byKind.set(file.kind, [...(byKind.get(file.kind) ?? []), file.path]);
  }
  await Promise.all([...byKind].map(([kind, paths]) => kindById(kind).prepare!(paths)));
}

/** Whether files of this kind are deployment files, counted against `evidence.max-files`. */
export function isEvidence(kind: KindId): boolean {
  return kindById(kind).evidence === true;
}
