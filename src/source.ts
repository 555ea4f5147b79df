/**
 * Where a run's documents come from: the contract the pipeline reads
 * through, and the bounds every read keeps. GitHub (`github/source.ts`) and
 * a checkout on disk (`cli/source.ts`) are its two implementations; a run
 * extension of a kind reads through the pipeline, never a source directly.
 */
import type { ConfigError } from './config/load.js';
import { gateFinding, summarise } from './engine.js';
import { DESCRIPTION, isEvidence, type KindId } from './kinds/index.js';
import { PULL_REQUEST } from './kinds/pull-request.js';
import type { ResolvedConfig } from './config/types.js';
import type { ApprovalFacts, ChangedFile, PullRequestFacts } from './model/conditions.js';
import { MAX_EVIDENCE_BYTES, MAX_FILE_BYTES } from './model/file-bytes.js';
import type { Unread } from './model/files.js';
import type { TemplateFile } from './model/template.js';
import type { Finding, NotChecked, Report } from './model/report.js';
import type { ReviewFacts } from './model/reviews.js';
import type { Repository } from './model/spec.js';

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

/** The repository's files listed at most, for what services keep: GitHub's own listing stops at 100,000 entries. */
export const MAX_TREE_FILES = 100_000;

/** Files a search for mentions of removed runbooks hands on, at most. */
export const MAX_MENTIONS = 100;

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
  /** The description as the event that started the run has it: usually the text the pull request has. */
  readonly eventDescription?: string | undefined;
  /**
   * Resolves once the requests asked for are on their way: work done after
   * it overlaps the wait for their answers instead of delaying them.
   */
  sent?(): Promise<void>;
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
  /**
   * Files that may mention any of these names (a runbook the pull request
   * removes): where to look for links to it, at most MAX_MENTIONS; a file
   * named is read before anything is said of it. Undefined where the
   * source cannot search.
   */
  mentions?(names: readonly string[]): Promise<string[]>;
  /**
   * Every file of the repository at the head commit, at most MAX_TREE_FILES;
   * `truncated` when there were more. Throws ReadFailed.
   */
  tree?(): Promise<{ paths: string[]; truncated: boolean }>;
  /**
   * The reviews, and whether each reviewer is on each list (the owning
   * teams services owe an approval, `services.owner-approval`). Throws
   * ReadFailed. Only the action reads reviews.
   */
  teamApprovals?(lists: readonly (readonly string[])[], allowStaleApproval: boolean): Promise<ApprovalFacts>;
  /** Reviews for sign-off and `when` approvals, when the config asks for them. Throws ReadFailed. */
  reviews?(config: ResolvedConfig): Promise<ReviewData>;
  /**
   * The repository's pull-request templates at the base commit (where
   * GitHub looks, or the path `pull-request.template` names; none when it
   * is `false`), the default first. Throws ReadFailed when one the config
   * names cannot be read.
   */
  templates?(setting: string | false | undefined): Promise<TemplateFile[]>;
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

/** The most bytes read of a file of this kind: a deployment file may be larger than a document. */
export const maxBytesOf = (kind: KindId): number => (isEvidence(kind) ? MAX_EVIDENCE_BYTES : MAX_FILE_BYTES);

/** How many files are read at once, from GitHub or the disk. */
export const READ_CONCURRENCY = 4;

export function configFailure(error: ConfigError, from: string | undefined): Report {
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
export function readFailures(errors: ReadFailed[], source: string, strict: boolean, config?: ResolvedConfig): Report {
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

/**
 * The changed files GitHub did not list (it lists at most 3,000), as a read
 * that failed: any of them may be a runbook or a deployment file the gate
 * would check, so it fails closed.
 */
export function unlistedFiles(facts: PullRequestFacts): ReadFailed | undefined {
  const listed = facts.changedFiles;
  if (!listed || listed.total <= listed.files.length) return undefined;
  return new ReadFailed(
    'all of the changed files',
    `GitHub lists at most ${listed.files.length} of a pull request's files, and this one changes ${listed.total}; ${listed.total - listed.files.length} were not listed, so the gate cannot tell which of them it should check. Split the pull request`,
    PULL_REQUEST,
    false,
  );
}
