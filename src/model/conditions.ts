/**
 * Proportional gates: which `when` entries a pull request matches, and why.
 * Pure: the facts the adapter read (changed files, labels, base branch,
 * author, title), the linked runbooks' risk levels and the description's
 * own ticks in; matches, and the
 * entries that could not be evaluated for want of a fact, out.
 */
import picomatch from 'picomatch';
import { globMatcher, pathInCode, selectsPath } from './paths.js';
import type { WhenEntry } from './spec.js';
import type { Authority, ReviewRecord } from './reviews.js';

export interface ChangedFile {
  path: string;
  /** The old path of a renamed file. */
  previous?: string;
  /** The pull request deletes the file: a change, but not an update of it. */
  removed?: true;
}

/** What the adapter knows of the pull request; a fact left out is unknown (the CLI without a flag). */
export interface PullRequestFacts {
  /** `truncated`: GitHub listed only the first `files.length` of `total`. */
  changedFiles?: { files: ChangedFile[]; truncated: boolean; total: number };
  labels?: readonly string[];
  baseBranch?: string;
  author?: string;
  title?: string;
  /** The reviews and who may approve, per `when` entry's reviewers; only the action reads them. */
  approvals?: ApprovalFacts;
  /**
   * The approvals the services the change touches owe their owning teams
   * (`services.owner-approval`), and the reviews read for them: absent
   * facts where the adapter reads no reviews (the CLI).
   */
  owners?: { owed: readonly OwedApproval[]; facts?: ApprovalFacts };
}

/** An approving review a service owes its owning CODEOWNERS team, by its tier. */
export interface OwedApproval {
  service: string;
  tier: string;
  /** The teams CODEOWNERS gives its files to, `org/team`. */
  teams: string[];
  /** The CODEOWNERS line that gives them. */
  source: { path: string; line: number };
}

export interface ApprovalFacts {
  reviews: ReviewRecord[];
  author: string;
  headSha: string;
  allowStaleApproval: boolean;
  /** For each reviewers list (see `reviewersKey`), whether each reviewer's login is on it. */
  authority: Map<string, Map<string, Authority>>;
}

/** How a list of reviewers is keyed in ApprovalFacts. */
export function reviewersKey(reviewers: readonly string[]): string {
  return [...reviewers]
    .map((r) => r.toLowerCase())
    .sort()
    .join(',');
}

export interface Match {
  entry: WhenEntry;
  /** Why it matched, one line each: `changed files: migrations/0042_add_index.sql`. */
  reasons: string[];
  /** Up to three files that made it match, for messages. */
  files: string[];
}

/** A matched entry as the report shows it: "Why this pull request owes more". */
export interface MatchedEntry {
  name: string;
  reasons: string[];
}

/** The matched entries as the report shows them. */
export function matchedEntries(matched: readonly Match[]): MatchedEntry[] {
  return matched.map((m) => ({ name: m.entry.name, reasons: m.reasons }));
}

export interface WhenEvaluation {
  matched: Match[];
  /** Entries not evaluated, with the facts they needed (the CLI's flags). */
  unevaluated: { entry: WhenEntry; needs: string[] }[];
}

const RISK_ORDER = ['low', 'medium', 'high'];

/** The highest of some risk levels, by key, or undefined. */
export function highestRisk(levels: readonly string[]): string | undefined {
  return [...levels].sort((a, b) => RISK_ORDER.indexOf(b) - RISK_ORDER.indexOf(a))[0];
}

/** Every path a change touches: both sides of a rename. */
export function touchedPaths(files: readonly ChangedFile[]): string[] {
  return files.flatMap((f) => (f.previous ? [f.path, f.previous] : [f.path]));
}

const anyOf = (values: readonly string[], wanted: readonly string[]) =>
  values.filter((v) => wanted.some((w) => w.toLowerCase() === v.toLowerCase()));

/**
 * Which entries match. `ticked` answers whether the description ticks an
 * item (`Catalog upgrade > Yes`): exactly one box answers and it is ticked.
 */
export function evaluateWhen(
  entries: readonly WhenEntry[],
  facts: PullRequestFacts,
  risk: string | undefined,
  ticked?: (reference: string) => boolean,
): WhenEvaluation {
  const result: WhenEvaluation = { matched: [], unevaluated: [] };
  for (const entry of entries) {
    const reasons: string[] = [];
    const needs: string[] = [];
    let files: string[] = [];
    let holds = true;
    if (entry.changedFiles) {
      if (!facts.changedFiles) needs.push('--changed-files');
      else {
        const spec = entry.changedFiles;
        const hit = touchedPaths(facts.changedFiles.files).filter((p) => selectsPath(spec, p));
        if (hit.length === 0) holds = false;
        files = hit.slice(0, 3);
        reasons.push(`changed files: ${files.join(', ')}${hit.length > 3 ? ` and ${hit.length - 3} more` : ''}`);
      }
    }
    const listed = (
      fact: readonly string[] | string | undefined,
      wanted: string[] | undefined,
      flag: string,
      what: string,
    ) => {
      if (!wanted) return;
      if (fact === undefined) return needs.push(flag);
      const hit = anyOf([fact].flat(), wanted);
      if (hit.length === 0) holds = false;
      else reasons.push(`${what}: ${hit.join(', ')}`);
    };
    listed(facts.labels, entry.labels, '--labels', 'label');
    listed(facts.baseBranch, entry.baseBranches, '--base', 'base branch');
    listed(facts.author, entry.authors, '--author', 'author');
    if (entry.riskLevels) {
      if (!risk || !entry.riskLevels.some((r) => r.toLowerCase() === risk)) holds = false;
      else reasons.push(`a linked runbook's Risk Level is ${risk[0]!.toUpperCase()}${risk.slice(1)}`);
    }
    if (entry.title !== undefined) {
      if (facts.title === undefined) needs.push('--title');
      else if (!picomatch.isMatch(facts.title, entry.title, { nocase: true, dot: true })) holds = false;
      else reasons.push(`title matches "${entry.title}"`);
    }
    if (entry.ticked) {
      if (!ticked) needs.push('a description');
      else if (!entry.ticked.every(ticked)) holds = false;
      else reasons.push(`ticked: ${entry.ticked.join(', ')}`);
    }
    // An entry that already fails on a known fact needs nothing more; one that could still match does.
    if (!holds) continue;
    if (needs.length > 0) result.unevaluated.push({ entry, needs });
    else result.matched.push({ entry, reasons, files });
  }
  return result;
}

/** Why the pull request skips the gate as docs-only, or undefined: never when a runbook changes or the list is cut short. */
export function onlyChangedFiles(
  globs: readonly string[],
  facts: PullRequestFacts,
  isChecked: (path: string) => boolean,
): string | undefined {
  const changed = facts.changedFiles;
  if (globs.length === 0 || !changed || changed.truncated || changed.files.length === 0) return undefined;
  const paths = touchedPaths(changed.files);
  const matches = globMatcher(globs);
  if (!paths.every((p) => matches(p)) || paths.some((p) => isChecked(p))) return undefined;
  const code = pathInCode;
  const shown = paths.slice(0, 3).map(code).join(', ');
  return `only files matching ${globs.map(code).join(', ')} changed (${shown}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}).`;
}
