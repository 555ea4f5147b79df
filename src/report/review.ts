/**
 * Review comments on the changed lines, planned: which findings sit on a
 * line the pull request added (read from the changed files' patches), where
 * each comment goes, and its body, with a one-click suggestion when the
 * finding's fix lies within one hunk of the diff. Pure: findings and patches
 * in, comments out; `github/review-comments.ts` posts them.
 *
 * GitHub rejects a whole review (422) when one comment is on a line outside
 * the diff, so a finding elsewhere is never planned as a comment: it stays
 * in the check run, the summary and the sticky comment.
 */
import { PULL_REQUEST } from '../kinds/pull-request.js';
import { diffLines, type DiffLine } from '../model/diff.js';
import { fits, LIMITS } from '../limits.js';
import { messageMarkdown } from './neutralise.js';
import { fingerprint } from './sarif.js';
import type { Finding } from '../model/report.js';

/** The hidden mark of a review comment: which finding it is about. Only comments with it are ever edited or deleted. */
const REVIEW_MARK = '<!-- readiness-gate:finding ';

export interface PlannedComment {
  /** Which finding this is, whatever line it moves to: rule, file, message, and its rank among equal ones. */
  key: string;
  path: string;
  line: number;
  startLine?: number;
  body: string;
  finding: Finding;
}

export interface ReviewPlan {
  /** Findings on added lines, each as the comment it would be, in file and line order. */
  comments: PlannedComment[];
  /** Every current finding's key, on a changed line or not: a comment whose key is here is still right. */
  keys: Set<string>;
}

const SEVERITY = { error: 'Error', warning: 'Warning', notice: 'Notice' } as const;

/**
 * Plans one comment for each finding in a file whose line the pull request
 * added. `patches` holds the changed files' patches by path (none for a file
 * whose diff GitHub does not show: too large, or binary).
 */
export function planReview(findings: readonly Finding[], patches: ReadonlyMap<string, string | undefined>): ReviewPlan {
  const diffs = new Map<string, Map<number, DiffLine>>();
  const seen = new Map<string, number>();
  const keys = new Set<string>();
  const comments: PlannedComment[] = [];
  const ordered = findings
    .filter((f) => f.source !== PULL_REQUEST)
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line || a.column - b.column));
  for (const finding of ordered) {
    const base = `${finding.ruleId}:${fingerprint(finding)}`;
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    const key = `${base}:${rank}`;
    keys.add(key);
    const patch = patches.get(finding.source);
    if (patch === undefined) continue;
    let diff = diffs.get(finding.source);
    if (!diff) diffs.set(finding.source, (diff = diffLines(patch)));
    if (!diff.get(finding.line)?.added) continue;
    const offered = finding.fix ? suggest(finding.fix, diff) : undefined;
    // GitHub refuses a whole review over one comment past its limit: a suggestion that long is not offered.
    const suggestion = offered && fits(commentBody(key, finding, offered.text), LIMITS.comment) ? offered : undefined;
    const place = suggestion ?? { line: finding.line };
    comments.push({
      key,
      path: finding.source,
      line: place.line,
      ...(suggestion?.startLine !== undefined ? { startLine: suggestion.startLine } : {}),
      body: commentBody(key, finding, suggestion?.text),
      finding,
    });
  }
  return { comments, keys };
}

/** The comment's text: the hidden key, the finding, and the suggestion when there is one. */
function commentBody(key: string, finding: Finding, suggestion?: string): string {
  const lines = [
    `${REVIEW_MARK}${key} -->`,
    `**${SEVERITY[finding.severity]}** \`${finding.ruleId}\`: ${messageMarkdown(finding.message, finding.parts)}`,
  ];
  if (suggestion !== undefined) {
    const fence = '`'.repeat(Math.max(3, longestRun(suggestion, '`') + 1));
    lines.push('', `${fence}suggestion`, suggestion, fence);
  } else if (finding.fix) {
    lines.push('', '`readiness-gate check --fix` fixes this in a checkout.');
  }
  return lines.join('\n');
}

/** The key a comment of the gate's carries, if it is one. */
export function keyOf(body: string): string | undefined {
  if (!body.startsWith(REVIEW_MARK)) return undefined;
  const end = body.indexOf(' -->');
  return end > 0 ? body.slice(REVIEW_MARK.length, end) : undefined;
}

// eslint-disable-next-line no-control-regex -- a suggestion with control or bidi characters is not offered
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/**
 * A fix as a suggestion: the lines it replaces (or, for a fix that only
 * inserts, the line it goes after, kept) and what they become. Only when
 * every line lies in one hunk of the diff, where GitHub takes a comment.
 */
function suggest(
  fix: NonNullable<Finding['fix']>,
  diff: ReadonlyMap<number, DiffLine>,
): { line: number; startLine?: number; text: string } | undefined {
  if (UNSAFE.test(fix.text)) return undefined;
  if (fix.endLine !== undefined) {
    const span = lines(diff, fix.line, fix.endLine);
    if (!span) return undefined;
    return { line: fix.endLine, ...(fix.endLine > fix.line ? { startLine: fix.line } : {}), text: fix.text };
  }
  // An insertion: suggested on the line before it, or before the first line.
  if (fix.line >= 1) {
    const [before] = lines(diff, fix.line, fix.line) ?? [];
    return before === undefined ? undefined : { line: fix.line, text: `${before}\n${fix.text}` };
  }
  const [first] = lines(diff, 1, 1) ?? [];
  return first === undefined ? undefined : { line: 1, text: `${fix.text}\n${first}` };
}

/** The texts of lines `from` to `to` when the diff shows them all in one hunk. */
function lines(diff: ReadonlyMap<number, DiffLine>, from: number, to: number): string[] | undefined {
  const out: string[] = [];
  let hunk: number | undefined;
  for (let n = from; n <= to; n++) {
    const line = diff.get(n);
    if (!line || (hunk !== undefined && line.hunk !== hunk) || UNSAFE.test(line.text)) return undefined;
    hunk = line.hunk;
    out.push(line.text);
  }
  return out;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
