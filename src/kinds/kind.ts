/**
 * A kind of document the gate reads: the pull-request description, a
 * runbook, and next to them any other kind (a manifest, a Dockerfile). A kind
 * says which files are its own, how to parse one, and what its rules see.
 * The kinds are registered in `kinds/index.ts`; the engine, the planning
 * step, the CLI and its threads go through that list and switch on nothing.
 */
import type { OwedApproval, PullRequestFacts } from '../model/conditions.js';
import type { DocumentSettings } from '../model/spec.js';
import type { LineBreaks } from '../model/lines.js';
import type { TemplateFile } from '../model/template.js';
import type { ReadBound, RenderedFile, SourceFile, Unread } from '../model/files.js';
import type { EvidenceFinding, Finding, Waiver } from '../model/report.js';
import type { ReviewFacts } from '../model/reviews.js';
import type { ServiceFacts } from '../model/service-facts.js';

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
  /** The repository's pull-request template the description was written from (`model/template.ts`). */
  template?: TemplateFile;
  /** The overlays that take in each Kustomize base folder, when the run looked (`ProbeOverlays`). */
  overlays?: ProbeOverlays;
  /** The files the engine parsed, by path, so the description's rules do not parse them again. */
  views?: ReadonlyMap<string, unknown>;
}

/**
 * For each Kustomize base folder the run looked at: every kustomization of
 * the repository that takes it in (its own included), and the probes each
 * patches in (`readinessProbe`, `livenessProbe`). A folder absent was not
 * looked at (the repository could not be listed, or had too many
 * kustomizations to read): any overlay may patch it.
 */
export type ProbeOverlays = Readonly<Record<string, readonly { overlay: string; probes: readonly string[] }[]>>;

/**
 * Other files of the repository a document is read with (a chart's
 * `values.yaml`, a folder's `kustomization.yaml`), by path: their text, or
 * null when the file is not there. A path missing from the map was not read
 * (past MAX_COMPANIONS): a kind treats it as unknown.
 */
export type Companions = ReadonlyMap<string, string | null>;

/** How a kind that reads every file of its check (`readsAll`) is handed a file as the base commit has it: its path after this. */
export const BASE_PREFIX = '\0base:';

export interface CompanionFile {
  path: string;
  /**
   * Read as the base branch has it (the action; the CLI reads the disk): a
   * file that lowers what the gate demands must not come from the pull
   * request, or adding one would weaken the gate.
   */
  fromBase?: true;
}

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
  /**
   * Its documents are read with every other file of their check, as their
   * companions (a service's document, with the files that answer for it):
   * what the run extension hands over with them decides what they see.
   * Those read at the base commit come under their path after BASE_PREFIX.
   */
  readsAll?: true;
  /** The companion files to read with this document; never checked themselves. */
  companions?(path: string, text: string): CompanionFile[];
  /** What must be loaded before files at these paths can be parsed (a grammar): awaited before a check. */
  prepare?(paths: string[]): Promise<void>;
  /**
   * How the tool that consumes the kind breaks lines (`model/lines.ts`), when
   * its parser breaks them elsewhere: the text is read so that the parser
   * sees the tool's lines, and positions are taken back to Git's. Absent:
   * lines end at `\n` alone for both.
   */
  lineBreaks?: LineBreaks;
  parse(text: string, path: string, companions?: Companions): View;
  /** Frees what a view holds outside JavaScript's heap (a WebAssembly parse tree), once its rules have run. */
  dispose?(view: View): void;
  /** Its rules judge only the lines the change touches (source code): the run hands them over, by path. */
  judgesChangedLines?: true;
  /** What a run must read or check beyond the changed files of this kind (`RunExtension`). */
  run?: RunExtension;
  /** A ceiling on the severity of a rule's findings on this document, when something else may change what it finds. */
  cap?(view: View, facts: Facts, ruleId: string): SeverityCap | undefined;
  /** What this kind's rules see: the view, the settings that concern them and the facts. */
  context(view: View, path: string, settings: DocumentSettings, facts: Facts): Context;
  /**
   * How a finding of one rule on a document of this kind is waived, in one
   * line of Markdown, `RULE` standing for the rule's id: each rule's page
   * says it.
   */
  waive: string;
  /** Items a document of this kind waives, for the report's list of waivers. */
  waivers?(view: View, settings: DocumentSettings, facts: Facts): Waiver[];
}

/**
 * A file as a run extension hands it to the pipeline, or is handed it: the
 * id of the registered kind it is read as (checked against the registry),
 * its text, or why it was not read.
 */
export interface RunFile extends SourceFile {
  kind: string;
  /** Read only for the documents it goes with: not checked, not a source. */
  companion?: true;
  /** Read at the base commit. */
  fromBase?: true;
}

/** A file the run plans to read and check, as an extension sees it. */
export type PlannedRunFile = Omit<RunFile, 'text'>;

/** What a kind's run extension may read and know, handed over by the pipeline: never the source itself. */
export interface RunAccess {
  settings: DocumentSettings;
  /** The files the pull request adds or changes (not those it removes); none when files are named instead. */
  changed: readonly string[];
  /** The files the pull request removes, and the old paths of those it renames. */
  removed: readonly string[];
  /** The files are named (the CLI's arguments), not a pull request's changes: nothing depends on a change. */
  named: boolean;
  /** The named files are a whole repository's (the CLI's audit). */
  audit: boolean;
  /** How many reads go out at once. */
  concurrency: number;
  /** When the run's checking must end, in ms since the epoch. */
  deadline: number;
  /** A file at the head commit, read once a run (the read serves as the document's too), bounded as a deployment file. */
  readHead(path: string): Promise<string | undefined | Unread>;
  /** A document read as the run reads its documents: one the description links too is read once, for both. */
  readDocument(file: { path: string; kind: string }): Promise<RunFile>;
  /** A file at the base commit, read once a run as a companion (the documents that ask for it share the read). */
  readBase(file: { path: string; kind: string }): Promise<RunFile>;
  /**
   * The regular files of a folder at the head commit; undefined where the
   * source cannot list, or the listing failed. A failed listing the run
   * must not pass over (`required`) fails the run, as an unread file does.
   */
  list(folder: string, required?: boolean): Promise<string[] | undefined>;
  /** Whether the source can list folders at all. */
  canList: boolean;
  /**
   * Files at the head that may mention any of these names, to be read
   * before anything is said of them; undefined where the source cannot
   * search, or the search failed (then the run says so).
   */
  mentions(names: readonly string[]): Promise<string[] | undefined>;
  /**
   * Every file of the repository at the head commit; undefined where the
   * source cannot list them. A listing that failed fails the run, as an
   * unread file does.
   */
  tree(): Promise<{ paths: string[]; truncated: boolean } | undefined>;
  /** Manifests rendered before the run (`--rendered`, the action's `rendered`). */
  rendered: readonly RenderedFile[];
  /** The kubectl that builds Kustomize overlays, when not the one on the PATH. */
  kubectl?: string;
}

/** What the files of one run extension link: read, and how the checks take them. */
export interface LinkedFiles {
  /** The documents read (text undefined when not there or not read): checked with the description unless checked already. */
  files: RunFile[];
  /** Whether documents about to be checked need these beside them, as companions (they link them). */
  wanted(files: readonly RunFile[]): boolean;
  /** Read for the documents that want them, never checked themselves (files as the base commit had them). */
  companions?: RunFile[];
  /** Facts for the rules, when the run read them all (the CLI's audit): every runbook the alerts link. */
  alertRunbooks?: string[];
  /** The overlays that take in the base folders of the documents, for the caps on their findings. */
  overlays?: ProbeOverlays;
}

/** A check the run makes besides its documents: of files the run made (overlays built, manifests rendered). */
export interface ExtraCheck {
  files: RunFile[];
  /** How each finding on them is told, when not as it is (a built overlay's findings point at its kustomization). */
  relabel?(finding: Finding): Finding;
  /** The rules whose findings and passes are kept, when the files are read for those alone (links to a removed file). */
  keep?: readonly string[];
}

/**
 * What a kind brings to a run beyond its changed files: the pipeline calls
 * each kind's extension in its phases and names no kind. Each returns the
 * trusted notes its work gives the report (a chart's templates re-read,
 * an overlay built).
 */
export interface RunExtension {
  /** Files to check because others changed (a chart's templates when its values change, the manifests a kustomization names). */
  dependents?(run: RunAccess): Promise<{ paths: string[]; notes: string[] }>;
  /** Documents the planned files point at (the runbooks alerts link), read. */
  linked?(planned: readonly PlannedRunFile[], run: RunAccess): Promise<LinkedFiles>;
  /**
   * Checks over files the run makes (an overlay built, manifests rendered):
   * started with `dependents`, before the documents are planned (`planned`
   * settles once they are), awaited with their checks.
   */
  extraChecks?(
    planned: Promise<readonly PlannedRunFile[]>,
    run: RunAccess,
  ): Promise<{ checks: ExtraCheck[]; notes: string[]; services?: ServiceFacts[]; owed?: OwedApproval[] }>;
}
