/**
 * Sign-off: only an authorised reviewer, who is not the author, can make the
 * gate pass. Pure: reviews, comments, the description's edit history and
 * who is authorised come in; findings and who signed off go out.
 *
 * Two conditions, both needed:
 * - an approving review by an authorised reviewer on the current head (an
 *   older commit counts only with `allow-stale-approval`; a dismissed or
 *   superseded approval never does);
 * - the reviewer-owned sections (default: DevOps Sign-off, Recommendation)
 *   satisfied by text a reviewer wrote: an Operations Review in the body of
 *   their review or comment, checked like one in the description; or boxes in
 *   the description whose last tick an authorised reviewer made, read from
 *   the description's edit history.
 */
import { findSection, inSection, parseDocument, type DocumentView, type TaskItem } from '../markdown/document.js';
import { headingKey } from '../markdown/heading.js';
import type { RawFinding } from '../model/finding.js';
import { readRecommendation } from '../model/operations-review.js';
import type { SignOffSpec } from '../model/spec.js';

export interface ReviewRecord {
  login: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING, as the API says. */
  state: string;
  commitId: string | null;
  submittedAt: string | null;
  body: string;
}

export interface CommentRecord {
  login: string;
  createdAt: string;
  body: string;
}

/** One version of the description and who wrote it. */
export interface Revision {
  editor: string;
  editedAt: string;
  body: string;
}

export type Authority = { kind: 'yes'; via: string } | { kind: 'no' } | { kind: 'unknown'; reason: string };

export interface SignOffInput {
  config: SignOffSpec;
  author: string;
  headSha: string;
  description: DocumentView;
  createdAt: string;
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  /** The description's versions, oldest first; empty when it was never edited. */
  revisions: Revision[];
  /** False when older versions exist than those given. */
  historyComplete: boolean;
  /** For every login `loginsToCheck` names. */
  authority: ReadonlyMap<string, Authority>;
}

/** What the action reads from GitHub for sign-off: everything the evaluation needs but the config and the description. */
export type ReviewFacts = Omit<SignOffInput, 'config' | 'description'>;

export interface SignOff {
  login: string;
  at: string;
  commit: string;
  /** Where the reviewer-owned sections were satisfied. */
  via: 'review' | 'comment' | 'description';
}

export interface SignOffResult {
  findings: RawFinding[];
  signedOff?: SignOff;
}

/** Logins whose authority the evaluation needs. */
export function loginsToCheck(input: Pick<SignOffInput, 'author' | 'reviews' | 'comments' | 'revisions'>): string[] {
  const logins = new Set<string>();
  for (const r of input.reviews) logins.add(r.login);
  for (const c of input.comments) logins.add(c.login);
  for (const v of input.revisions) logins.add(v.editor);
  logins.delete(input.author);
  logins.delete('');
  return [...logins];
}

export function evaluateSignOff(input: SignOffInput): SignOffResult {
  const approval = findApproval(input);
  const owned = ownedSections(input);
  const findings = [...approval.findings, ...owned.findings];
  if (!approval.approved || !owned.via) return { findings };
  return { findings, signedOff: { ...approval.approved, via: owned.via } };
}

const short = (sha: string | null) => (sha ?? 'unknown').slice(0, 7);

function authorityOf(input: SignOffInput, login: string): Authority {
  if (login === input.author) return { kind: 'no' };
  return input.authority.get(login) ?? { kind: 'no' };
}

function findApproval(input: SignOffInput): { approved?: Omit<SignOff, 'via'>; findings: RawFinding[] } {
  const latest = new Map<string, ReviewRecord>();
  for (const review of input.reviews) {
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED') {
      latest.set(review.login, review);
    }
  }
  const reasons: string[] = [];
  let approved: Omit<SignOff, 'via'> | undefined;
  for (const [login, review] of latest) {
    if (review.state === 'DISMISSED') {
      reasons.push(`the review by @${login} was dismissed`);
      continue;
    }
    if (review.state !== 'APPROVED') continue;
    if (login === input.author) {
      reasons.push(`@${login} is the author and cannot approve their own pull request`);
      continue;
    }
    const authority = authorityOf(input, login);
    if (authority.kind === 'unknown') {
      reasons.push(`could not check whether @${login} may sign off: ${authority.reason}`);
      continue;
    }
    if (authority.kind === 'no') {
      reasons.push(`@${login} approved but is not an authorised reviewer`);
      continue;
    }
    if (review.commitId !== input.headSha && !input.config.allowStaleApproval) {
      reasons.push(
        `@${login} approved ${short(review.commitId)}, an older commit; the head is now ${short(input.headSha)}`,
      );
      continue;
    }
    approved = { login, at: review.submittedAt ?? '', commit: review.commitId ?? input.headSha };
  }
  if (approved) return { approved, findings: [] };
  const who = input.config.reviewers.map((r) => (r.includes('/') ? `the ${r} team` : `@${r}`)).join(', ');
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return {
    findings: [
      {
        message: `No approving review by an authorised reviewer on ${short(input.headSha)}${why}. Sign-off needs an approval from ${who}.`,
        line: 1,
        column: 1,
      },
    ],
  };
}

/** The owned sections' boxes in a document, and what is wrong with them. */
function checkOwned(doc: DocumentView, sections: string[]): { items: TaskItem[]; problems: RawFinding[] } {
  const items: TaskItem[] = [];
  const problems: RawFinding[] = [];
  for (const name of sections) {
    const section = findSection(doc, [headingKey(name)]);
    if (!section) {
      problems.push({ message: `no "${name}" section`, line: 1, column: 1 });
      continue;
    }
    const boxes = inSection(doc.items, section);
    items.push(...boxes);
    if (headingKey(name) === 'recommendation') {
      const recommendation = readRecommendation(boxes);
      if (recommendation.kind === 'other') {
        const { choice } = recommendation;
        problems.push({
          message: `"${name}" is "${recommendation.name}", not "Production ready"`,
          line: choice.line,
          column: choice.column,
        });
      } else if (recommendation.kind !== 'ready') {
        const count = recommendation.kind === 'several' ? recommendation.count : 0;
        problems.push({
          message: `"${name}" must have exactly one box ticked, not ${count}`,
          line: section.line,
          column: section.column,
        });
      }
      continue;
    }
    if (boxes.length === 0)
      problems.push({ message: `"${name}" has no boxes`, line: section.line, column: section.column });
    for (const box of boxes) {
      if (!box.checked)
        problems.push({
          message: `"${box.label ?? box.text}" in "${name}" is not ticked`,
          line: box.line,
          column: box.column,
        });
    }
  }
  return { items, problems };
}

function ownedSections(input: SignOffInput): { via?: SignOff['via']; findings: RawFinding[] } {
  const { sections } = input.config;
  const keys = sections.map(headingKey);
  const written: { login: string; at: string; body: string; via: 'review' | 'comment' }[] = [
    ...input.reviews
      .filter((r) => r.state !== 'PENDING')
      .map((r) => ({ login: r.login, at: r.submittedAt ?? '', body: r.body, via: 'review' as const })),
    ...input.comments.map((c) => ({ login: c.login, at: c.createdAt, body: c.body, via: 'comment' as const })),
  ];
  const byReviewers = written
    .filter((w) => authorityOf(input, w.login).kind === 'yes')
    .map((w) => ({ ...w, doc: parseDocument(w.body) }))
    .filter((w) => w.doc.sections.some((s) => keys.includes(s.key)))
    .sort((a, b) => a.at.localeCompare(b.at));
  const latest = byReviewers.at(-1);
  if (latest) {
    const { problems } = checkOwned(latest.doc, sections);
    if (problems.length === 0) return { via: latest.via, findings: [] };
    return {
      findings: problems.map((p) => ({
        message: `The sign-off in the ${latest.via} by @${latest.login} is incomplete: ${p.message}. Edit it, or post a new one.`,
        line: 1,
        column: 1,
      })),
    };
  }

  const { items, problems } = checkOwned(input.description, sections);
  const owners = lastTickers(input, keys);
  const findings: RawFinding[] = problems.map((p) => ({
    message: `Sign-off: ${p.message}. An authorised reviewer ticks the reviewer's sections, or posts an Operations Review in their review.`,
    line: p.line,
    column: p.column,
  }));
  for (const item of items) {
    if (!item.checked) continue;
    const owner = owners.get(boxKey(item)) ?? { kind: 'unknown' as const };
    if (owner.kind === 'unknown') {
      findings.push({
        message: `Cannot tell who ticked "${item.label ?? item.text}": the edit history does not reach back that far. An authorised reviewer should untick and tick it again.`,
        line: item.line,
        column: item.column,
      });
      continue;
    }
    const authority = authorityOf(input, owner.login);
    if (authority.kind === 'yes') continue;
    const why =
      authority.kind === 'unknown'
        ? `whose authority could not be checked: ${authority.reason}`
        : `who is not an authorised reviewer`;
    findings.push({
      message: `"${item.label ?? item.text}" was ticked by @${owner.login}, ${why}. Only a reviewer may tick it.`,
      line: item.line,
      column: item.column,
    });
  }
  const anyBox = items.length > 0;
  return { via: findings.length === 0 && anyBox ? 'description' : undefined, findings };
}

function boxKey(item: TaskItem): string {
  return headingKey(item.label ?? item.text);
}

/**
 * Who last ticked each box of the owned sections: walk the versions oldest
 * first; a box that goes from unticked (or absent) to ticked takes that
 * version's editor. A description never edited was written by its author.
 */
function lastTickers(
  input: SignOffInput,
  keys: string[],
): Map<string, { kind: 'known'; login: string } | { kind: 'unknown' }> {
  const versions: Revision[] =
    input.revisions.length > 0
      ? [...input.revisions]
      : [{ editor: input.author, editedAt: input.createdAt, body: input.description.source }];
  const last = versions.at(-1)!;
  if (last.body !== input.description.source) {
    versions.push({ editor: '', editedAt: '', body: input.description.source });
  }
  const owners = new Map<string, { kind: 'known'; login: string } | { kind: 'unknown' }>();
  let previous = new Map<string, boolean>();
  versions.forEach((version, index) => {
    const doc = index === versions.length - 1 ? input.description : parseDocument(version.body);
    const state = new Map<string, boolean>();
    for (const section of doc.sections.filter((s) => keys.includes(s.key))) {
      for (const item of inSection(doc.items, section)) {
        const key = boxKey(item);
        if (!state.has(key)) state.set(key, item.checked);
      }
    }
    for (const [key, checked] of state) {
      if (!checked) {
        owners.delete(key);
      } else if (!previous.get(key)) {
        const unknown = (index === 0 && !input.historyComplete) || version.editor === '';
        owners.set(key, unknown ? { kind: 'unknown' } : { kind: 'known', login: version.editor });
      }
    }
    previous = state;
  });
  return owners;
}
