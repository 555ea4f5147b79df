/**
 * Files as a run reads them: what is read, why one was not, and the bounds
 * on how many are. Where they come from is a `DocumentSource` (`source.ts`).
 */
/**
 * How many files of one group the gate reads a run: past it, the rest are
 * named in one finding and the gate fails. Kinds that give the same `what`
 * share one count (a Dockerfile and a manifest are both deployment files).
 */
export interface ReadBound {
  /** The files, as a message names them: `changed runbooks`. */
  what: string;
  max: number;
  /** The config key that sets `max`, when one does. */
  setting?: string;
  /** What to do instead, one sentence. */
  advice: string;
}

/** Why a file the gate should check was not read. */
export type Unread =
  /** Past its group's bound: a linked runbook past `pull-request.runbook.max-links`, a changed runbook past 300, a deployment file past `evidence.max-files`. */
  | { kind: 'over-limit'; bound: ReadBound }
  /** The read failed: too large, a path GitHub refuses, an answer cut short, not a regular file. */
  | { kind: 'failed'; reason: string }
  /** Read, but parsing it ran past its time budget or nested too deep. */
  | { kind: 'too-complex'; reason: string };

/** A file as read from the repository; `text` is undefined when there is no such file, or it was not read. */
export interface SourceFile {
  path: string;
  text: string | undefined;
  /** Set when the file was not read: the gate fails closed on it. */
  unread?: Unread;
}

/** Manifests rendered before the run (`helm template … > rendered.yaml`), as the adapter read them from its disk. */
export interface RenderedFile {
  path: string;
  text: string | Unread;
}

/** The most rendered files a run takes (the action's `rendered` input, the CLI's `--rendered`). */
export const MAX_RENDERED = 20;

/** Where a file is kept in the engine's map of files: a companion read at the base commit has a key of its own. */
export const fileKey = (file: { path: string; fromBase?: true }): string =>
  file.fromBase ? `base:${file.path}` : file.path;
