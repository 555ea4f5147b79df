/**
 * The reads of one run and what the kinds' run extensions are handed: each
 * file read once whichever phase asks for it, and a listing that fails
 * recorded where the run must not pass over it.
 */
import { mapLimit } from './concurrency.js';
import type { KindedFile } from './engine.js';
import { asKindId, kindById } from './kinds/index.js';
import type { RunAccess, RunFile } from './kinds/kind.js';
import { fileKey, type Unread } from './model/files.js';
import { pathInCode } from './model/paths.js';
import { templateFor, type TemplateFile } from './model/template.js';
import { withText, type PlannedFile } from './plan.js';
import { MAX_EVIDENCE_BYTES } from './model/file-bytes.js';
import { maxBytesOf, ReadFailed, type DocumentSource } from './source.js';

/** A file an extension hands over, with its kind checked against the registry. */
export const kinded = (file: RunFile): KindedFile => ({ ...file, kind: asKindId(file.kind) });

/**
 * The reads of one run, each once: files at the head commit read to find
 * what depends on them serve as their documents too, companions are read
 * once whichever part of the run needs them, and a runbook the description
 * links is read once though an alert links it too.
 */
export class Reads {
  private readonly heads = new Map<string, Promise<string | undefined | Unread>>();
  private readonly companionReads = new Map<string, Promise<KindedFile>>();
  private linked: Promise<KindedFile[]> = Promise.resolve([]);

  constructor(private readonly source: DocumentSource) {}

  /** Only files that may be deployment files are read this way (YAML, JSON, a chart's templates), each bounded as one. */
  readonly head = (path: string): Promise<string | undefined | Unread> => {
    let text = this.heads.get(path);
    if (!text) this.heads.set(path, (text = this.source.read({ path, maxBytes: MAX_EVIDENCE_BYTES })));
    return text;
  };

  documents(files: readonly PlannedFile[]): Promise<KindedFile[]> {
    return mapLimit(files, this.source.concurrency, async (file) =>
      withText(
        file,
        file.unread
          ? undefined
          : await (!file.fromBase && this.heads.has(file.path)
              ? this.heads.get(file.path)!
              : this.source.read({ ...file, maxBytes: maxBytesOf(file.kind) })),
      ),
    );
  }

  companions(files: readonly PlannedFile[]): Promise<KindedFile[]> {
    return mapLimit(files, this.source.concurrency, (file) => {
      const key = fileKey(file);
      let found = this.companionReads.get(key);
      if (!found) this.companionReads.set(key, (found = this.documents([file]).then(([one]) => one!)));
      return found;
    });
  }

  /** The description's runbooks being read: a document among them is not read again. */
  linkedBy(files: Promise<KindedFile[]>): void {
    this.linked = files;
  }

  async document(file: { path: string; kind: string }): Promise<KindedFile> {
    const linkedToo = (await this.linked).find((f) => f.path === file.path && !f.fromBase);
    return linkedToo ?? (await this.documents([{ path: file.path, kind: asKindId(file.kind) }]))[0]!;
  }
}

/** What the extensions may read and know of this run. */
export function runAccess(
  source: DocumentSource,
  reads: Reads,
  failures: ReadFailed[],
  run: Omit<
    RunAccess,
    'readHead' | 'readDocument' | 'readBase' | 'list' | 'canList' | 'mentions' | 'tree' | 'concurrency'
  >,
): RunAccess {
  // Listed once a run, whichever extension asks.
  let tree: Promise<{ paths: string[]; truncated: boolean } | undefined> | undefined;
  return {
    ...run,
    concurrency: source.concurrency,
    readHead: reads.head,
    readDocument: (file) => reads.document(file),
    readBase: async (file) =>
      (await reads.companions([{ path: file.path, kind: asKindId(file.kind), companion: true, fromBase: true }]))[0]!,
    canList: source.list !== undefined,
    mentions: async (names) => {
      if (!source.mentions) return undefined;
      try {
        return await source.mentions(names);
      } catch (error) {
        if (!(error instanceof ReadFailed)) throw error;
        return undefined;
      }
    },
    tree: async () => {
      if (!source.tree) return undefined;
      tree ??= source.tree().catch((error: unknown) => {
        if (!(error instanceof ReadFailed)) throw error;
        failures.push(error);
        return undefined;
      });
      return tree;
    },
    list: async (folder, required) => {
      if (!source.list) return undefined;
      try {
        return await source.list(folder);
      } catch (error) {
        if (!(error instanceof ReadFailed)) throw error;
        if (required) failures.push(error);
        return undefined;
      }
    },
  };
}

/** The changed lines of these files, where known: only for kinds whose rules judge what a pull request changes. */
export function changedIn(
  files: readonly KindedFile[],
  lines: Record<string, number[]> | undefined,
): Record<string, number[]> | undefined {
  if (!lines) return undefined;
  const out: Record<string, number[]> = {};
  for (const f of files)
    if (kindById(f.kind).judgesChangedLines && Object.hasOwn(lines, f.path)) out[f.path] = lines[f.path]!;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The template the description was written from, among those read: a note
 * says which, when there were several; a template the config names that
 * cannot be read fails the run, as the config would.
 */
export async function chosenTemplate(
  read: Promise<TemplateFile[]>,
  body: string | undefined,
  failures: ReadFailed[],
  notes: string[],
): Promise<TemplateFile | undefined> {
  let all: TemplateFile[];
  try {
    all = await read;
  } catch (error) {
    if (!(error instanceof ReadFailed)) throw error;
    failures.push(error);
    return undefined;
  }
  if (body === undefined) return undefined;
  const chosen = templateFor(all, body);
  if (chosen && all.length > 1) {
    notes.push(
      `The description was compared with the pull-request template ${pathInCode(chosen.path)}, the one of the repository's ${all.length} it follows.`,
    );
  }
  return chosen;
}
