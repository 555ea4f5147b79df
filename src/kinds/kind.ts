/**
 * A kind of document the gate reads: the pull-request description, a
 * runbook, and next to them any other kind (a manifest, a Dockerfile). A kind
 * says which files are its own, how to parse one, and what its rules see.
 * The kinds are registered in `kinds/index.ts`; the engine, the planning
 * step, the CLI and its threads go through that list and switch on nothing.
 */
import type { ReviewFacts } from '../signoff/evaluate.js';
import type { PullRequestFacts } from '../model/conditions.js';
import type { DocumentSettings } from '../model/spec.js';

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

/** What the caller read besides the documents, for rules that look across them. */
export interface Facts {
  /** Every file handed to the engine, by path (a description's linked runbooks among them). */
  files: ReadonlyMap<string, SourceFile>;
  /** Reviews, comments, the description's edit history and who may sign off; only the action reads them. */
  reviews?: ReviewFacts;
  /** The pull request's changed files, labels, base branch, author and title, as far as the adapter knows them. */
  pullRequest?: PullRequestFacts;
  /** Findings on the other documents (deployment files), for the description's rules; set by the engine. */
  evidence?: readonly EvidenceFinding[];
  /** The deployment files checked, findings or not; set by the engine. */
  evidenceSources?: readonly string[];
  /** The lines each changed source file's diff touches, by path (`model/diff.ts changedLines`); a file absent is judged whole. */
  changedLines?: ReadonlyMap<string, ReadonlySet<number>>;
  /** Every runbook the repository's alerts link, in lower case, when the run read all its alerts (the CLI's audit). */
  alertRunbooks?: ReadonlySet<string>;
  /** The files the engine parsed, by path, so the description's rules do not parse them again. */
  views?: ReadonlyMap<string, unknown>;
}

/** A finding on a file, as the description's rules see it. */
export interface EvidenceFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'notice';
  /** Set when the document's cap lowered the finding: it is evidence, but not conclusive. */
  capped?: string;
  message: string;
  source: string;
  line: number;
}

/** An item left unticked on purpose, with its reason: listed in the report. */
export interface Waiver {
  source: string;
  section: string;
  label: string;
  reason: string;
  line: number;
  /** Findings on the changed files that bear on a waived claim (`claims`), listed beside the waiver. */
  evidence?: { ruleId: string; source: string; line: number }[];
}

/**
 * Other files of the repository a document is read with (a chart's
 * `values.yaml`, a folder's `kustomization.yaml`), by path: their text, or
 * null when the file is not there. A path missing from the map was not read
 * (past MAX_COMPANIONS): a kind treats it as unknown.
 */
export type Companions = ReadonlyMap<string, string | null>;

export interface CompanionFile {
  path: string;
  /**
   * Read as the base branch has it (the action; the CLI reads the disk): a
   * file that lowers what the gate demands must not come from the pull
   * request, or adding one would weaken the gate.
   */
  fromBase?: true;
}

/** Where a file is kept in the engine's map of files: a companion read at the base commit has a key of its own. */
export const fileKey = (file: { path: string; fromBase?: true }): string =>
  file.fromBase ? `base:${file.path}` : file.path;

/** The bound every deployment file shares: `evidence.max-files`. */
export const deploymentFiles = (settings: DocumentSettings): ReadBound => ({
  what: 'changed deployment files',
  max: settings.evidence.maxFiles,
  setting: 'evidence.max-files',
  advice: 'Split the pull request.',
});

/** A ceiling on the findings of one document, and why: an overlay may patch the file. */
export interface SeverityCap {
  severity: 'warning' | 'notice';
  why: string;
}

/** How a kind tells, by its text, whether a file it may own is its own. */
export interface TextTest {
  owns(text: string): boolean;
  /** Why a file whose text it does not own is not checked: `it declares no Kubernetes object`. */
  otherwise: string;
}

export interface DocumentKind<Id extends string, View, Context> {
  id: Id;
  /** Whether a file in the repository (changed by the pull request, or under the CLI's root) is of this kind. */
  select(path: string, settings: DocumentSettings): boolean;
  /**
   * For a path `select` leaves out that may be of this kind all the same,
   * as its text tells (a `.json` file, a chart template not named `.yaml`):
   * the test. The file is read first, and checked only when it passes.
   */
  selectByText?(path: string): TextTest | undefined;
  /** A deployment file: checked only where `evidence.paths` and `evidence.exclude` allow, at most `evidence.max-files` a run. */
  evidence?: true;
  /** Not a deployment file, but what it shows weighs against the description's ticks as theirs do (source code). */
  weighed?: true;
  /** How many changed files of this kind are read a run. Unbounded when absent (the description is one). */
  bound?(settings: DocumentSettings): ReadBound;
  /**
   * The files a document names that must be read and checked with it (the
   * runbooks a description links), their kind, and how many are read.
   */
  links?: {
    /** The id of the kind they are read as (a registered kind: `kinds/index.ts` checks). */
    kind: string;
    paths(view: View, settings: DocumentSettings): string[];
    bound(settings: DocumentSettings): ReadBound;
  };
  /** The companion files to read with this document; never checked themselves. */
  companions?(path: string, text: string): CompanionFile[];
  /** What must be loaded before files at these paths can be parsed (a grammar): awaited before a check. */
  prepare?(paths: string[]): Promise<void>;
  parse(text: string, path: string, companions?: Companions): View;
  /** Frees what a view holds outside JavaScript's heap (a WebAssembly parse tree), once its rules have run. */
  dispose?(view: View): void;
  /** A ceiling on the severity of every finding on this document, when something else may change it. */
  cap?(view: View): SeverityCap | undefined;
  /** What this kind's rules see: the view, the settings that concern them and the facts. */
  context(view: View, path: string, settings: DocumentSettings, facts: Facts): Context;
  /** Items a document of this kind waives, for the report's list of waivers. */
  waivers?(view: View, settings: DocumentSettings, facts: Facts): Waiver[];
}
