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
import { headingKey, keysOf } from '../markdown/heading.js';
import { gatherOf, NAMES, type RawFinding } from '../model/finding.js';
import { readRecommendation } from '../model/operations-review.js';
import { boxName } from '../model/checklist.js';
import { sayer } from '../model/messages.js';
import type { Authority, ReviewFacts, ReviewRecord, Revision, SignOff } from '../model/reviews.js';
import type { SectionSpec, SignOffSpec } from '../model/spec.js';

export interface SignOffInput extends ReviewFacts {
  config: SignOffSpec;
  description: DocumentView;
}

export const SIGN_OFF_MESSAGES = {
  noApproval:
    'No approving review by an authorised reviewer on {{head}}{{why}}. Sign-off needs an approval from {{who}}.',
  incomplete: 'The sign-off in the {{via}} by @{{login}} is incomplete: {{problem}}. Edit it, or post a new one.',
  problem:
    "Sign-off: {{problem}}. An authorised reviewer ticks the reviewer's sections, or posts an Operations Review in their review.",
  tooLong:
    "Cannot tell who ticked the reviewer's boxes: the reviewer-owned sections in the description's versions are too long to attribute (over {{versionKiB}} KiB in one version, or {{historyKiB}} KiB in all). An authorised reviewer can sign off in a review instead: approve with the Operations Review in the review body.",
  historyShort:
    'Cannot tell who ticked "{{box}}": the edit history the gate reads (the newest {{edits}} versions) does not reach back that far. An authorised reviewer should untick and tick it again, or sign off in a review with the Operations Review in its body.',
  tickedByOther: '"{{box}}" was ticked by @{{login}}, {{why}}. Only a reviewer may tick it.',
  tickedByOtherTogether: 'Ticked by @{{login}}, {{why}}: {{names}}. Only a reviewer may tick them.',
  changedBy:
    '"{{section}}" was last changed by {{who}}, not by an authorised reviewer: a sign-off counts only as a reviewer left it. An authorised reviewer should check the section and tick it again.',
};
const say = sayer(SIGN_OFF_MESSAGES);

export interface SignOffResult {
  findings: RawFinding[];
  signedOff?: SignOff;
}

/**
 * Logins whose authority the evaluation needs, most telling first: those
 * whose approval may count (their latest review approves), then authors and
 * last editors of reviews and comments that may hold a reviewer-owned
 * section (newest first), then the description's editors (newest first).
 * Anyone can comment on a public pull request: a drive-by commenter whose
 * text holds no owned section is never looked up. Never the author.
 */
export function loginsToCheck(
  input: Pick<SignOffInput, 'author' | 'reviews' | 'comments' | 'revisions'>,
  sections: readonly SectionSpec[],
): string[] {
  const logins = new Set<string>();
  const latest = new Map<string, ReviewRecord>();
  for (const review of input.reviews) {
    if (['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) latest.set(review.login, review);
  }
  const approvers = [...latest.values()].filter((r) => r.state === 'APPROVED');
  for (const review of approvers.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''))) {
    logins.add(review.login);
  }
  for (const w of written(input)
    .filter((w) => mayHoldOwned(w.body, sections))
    .reverse()) {
    logins.add(w.login);
    if (w.edited && w.edited !== 'unknown') logins.add(w.edited.editor);
  }
  for (const version of [...input.revisions].reverse()) logins.add(version.editor);
  logins.delete(input.author);
  logins.delete('');
  return [...logins];
}

/** Reviews (not pending) and comments, oldest first. */
function written(input: Pick<SignOffInput, 'reviews' | 'comments'>) {
  return [
    ...input.reviews
      .filter((r) => r.state !== 'PENDING')
      .map((r) => ({
        login: r.login,
        at: r.submittedAt ?? '',
        body: r.body,
        via: 'review' as const,
        edited: r.edited,
      })),
    ...input.comments.map((c) => ({
      login: c.login,
      at: c.createdAt,
      body: c.body,
      via: 'comment' as const,
      edited: c.edited,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/** Whether a text names an owned section at all: a cheap test before anything is parsed or looked up. */
function mayHoldOwned(body: string, sections: readonly SectionSpec[]): boolean {
  // Folded as heading keys are (`headingKey`), so every heading that could match is found by a substring.
  const text = ` ${body
    .normalize('NFKC')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return sections.some((spec) => keysOf(spec).some((key) => key !== '' && text.includes(` ${key} `)));
}

export function evaluateSignOff(input: SignOffInput): SignOffResult {
  const approval = findApproval(input);
  const owned = ownedSections(input);
  const findings = [...approval.findings, ...owned.findings];
  if (!approval.approved || !owned.via) return { findings };
  return { findings, signedOff: { ...approval.approved, via: owned.via } };
}

const short = (sha: string | null) => (sha ?? 'unknown').slice(0, 7);

/** Whether a login may approve or sign off: never the author; otherwise as resolved. */
function authorityOf(input: Pick<SignOffInput, 'author' | 'authority'>, login: string): Authority {
  if (login === input.author) return { kind: 'no' };
  return input.authority.get(login) ?? { kind: 'no' };
}

export interface ApprovalInput {
  reviews: readonly ReviewRecord[];
  author: string;
  headSha: string;
  allowStaleApproval: boolean;
  /** Whether each reviewer's login may approve. */
  authority: ReadonlyMap<string, Authority>;
}

/**
 * The approvals that count, as sign-off and `when` entries count them: each
 * reviewer's latest approving, dismissing or change-requesting review; an
 * approval on the current head (an older commit only with
 * `allowStaleApproval`) by an authorised reviewer who is not the author.
 * With why each other review did not count.
 */
export function countedApprovals(input: ApprovalInput): { approvals: Omit<SignOff, 'via'>[]; reasons: string[] } {
  const latest = new Map<string, ReviewRecord>();
  for (const review of input.reviews) {
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED') {
      latest.set(review.login, review);
    }
  }
  const reasons: string[] = [];
  const approvals: Omit<SignOff, 'via'>[] = [];
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
    if (review.commitId !== input.headSha && !input.allowStaleApproval) {
      reasons.push(
        `@${login} approved ${short(review.commitId)}, an older commit; the head is now ${short(input.headSha)}`,
      );
      continue;
    }
    approvals.push({ login, at: review.submittedAt ?? '', commit: review.commitId ?? input.headSha });
  }
  return { approvals, reasons };
}

function findApproval(input: SignOffInput): { approved?: Omit<SignOff, 'via'>; findings: RawFinding[] } {
  const { approvals, reasons } = countedApprovals({ ...input, allowStaleApproval: input.config.allowStaleApproval });
  const approved = approvals.at(-1);
  if (approved) return { approved, findings: [] };
  const who = input.config.reviewers.map((r) => (r.includes('/') ? `the ${r} team` : `@${r}`)).join(', ');
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return {
    findings: [
      {
        message: say('noApproval', { head: short(input.headSha), why, who }),
        line: 1,
        column: 1,
      },
    ],
  };
}

const RECOMMENDATION = headingKey('Recommendation');

interface OwnedBox {
  /** The owned section, as configured. */
  spec: SectionSpec;
  item: TaskItem;
}

const boxKey = (item: TaskItem) => headingKey(boxName(item));
/** Boxes are told apart by their section and their label: the same label in two sections is two boxes. */
const ownedKey = (spec: SectionSpec, item: TaskItem) => `${headingKey(spec.name)}\u0000${boxKey(item)}`;

/** The owned sections' boxes in a document, and what is wrong with them. */
function checkOwned(doc: DocumentView, specs: readonly SectionSpec[]): { boxes: OwnedBox[]; problems: RawFinding[] } {
  const boxes: OwnedBox[] = [];
  const problems: RawFinding[] = [];
  for (const spec of specs) {
    const section = findSection(doc, keysOf(spec));
    if (!section) {
      problems.push({ message: `no "${spec.name}" section`, line: 1, column: 1 });
      continue;
    }
    const found = inSection(doc.items, section);
    boxes.push(...found.map((item) => ({ spec, item })));
    const seen = new Map<string, TaskItem>();
    for (const item of found) {
      const first = seen.get(boxKey(item));
      if (first) {
        problems.push({
          message: `"${boxName(item)}" appears twice in "${spec.name}" (lines ${first.line} and ${item.line}); keep one`,
          line: item.line,
          column: item.column,
        });
      } else seen.set(boxKey(item), item);
    }
    // Configured boxes must be there, in the Recommendation too (a deleted choice is not a choice made).
    for (const wanted of spec.items) {
      const keys = keysOf({ name: wanted.label, aliases: wanted.aliases });
      if (found.some((item) => keys.includes(boxKey(item)))) continue;
      problems.push({
        message: `"${wanted.label}" is missing from "${spec.name}"; restore "- [ ] ${wanted.label}" for the reviewer to tick`,
        line: section.line,
        column: section.column,
      });
    }
    if (headingKey(spec.name) === RECOMMENDATION) {
      const recommendation = readRecommendation(found);
      if (recommendation.kind === 'other') {
        const { choice } = recommendation;
        problems.push({
          message: `"${spec.name}" is "${recommendation.name}", not "Production ready"`,
          line: choice.line,
          column: choice.column,
        });
      } else if (recommendation.kind !== 'ready') {
        const count = recommendation.kind === 'several' ? recommendation.count : 0;
        problems.push({
          message: `"${spec.name}" must have exactly one box ticked, not ${count}`,
          line: section.line,
          column: section.column,
        });
      }
      continue;
    }
    if (found.length === 0 && spec.items.length === 0) {
      problems.push({ message: `"${spec.name}" has no boxes`, line: section.line, column: section.column });
    }
    for (const item of found) {
      if (!item.checked) {
        problems.push({
          message: `"${boxName(item)}" in "${spec.name}" is not ticked`,
          line: item.line,
          column: item.column,
        });
      }
    }
  }
  return { boxes, problems };
}

function ownedSections(input: SignOffInput): { via?: SignOff['via']; findings: RawFinding[] } {
  const { sections } = input.config;
  const keys = sections.flatMap((spec) => keysOf(spec));
  // What a reviewer quotes (`> `) is someone else's text: only their own lines count.
  const candidates = written(input).filter((w) => mayHoldOwned(w.body, sections));
  // Texts whose author could not be looked up (a team the token cannot read, the bound on lookups) are named.
  const unknown = candidates.flatMap((w) => {
    const authority = authorityOf(input, w.login);
    return authority.kind === 'unknown' ? [{ ...w, reason: authority.reason }] : [];
  });
  const byReviewers = candidates
    .filter((w) => authorityOf(input, w.login).kind === 'yes')
    .map((w) => ({ ...w, doc: parseDocument(w.body, { skipQuotes: true }) }))
    .filter((w) => w.doc.sections.some((s) => keys.includes(s.key)));
  // Anyone with write access can edit anyone's comment: a text counts as its author's only while no one
  // but an authorised reviewer has edited it.
  const discounted: string[] = [];
  const own = byReviewers.filter((w) => {
    if (!w.edited) return true;
    if (w.edited !== 'unknown' && authorityOf(input, w.edited.editor).kind === 'yes') return true;
    discounted.push(
      w.edited === 'unknown'
        ? `The Operations Review in the ${w.via} by @${w.login} of ${w.at.slice(0, 10)} does not count: the gate could not read who last edited it.`
        : `The Operations Review in the ${w.via} by @${w.login} does not count: @${w.edited.editor}, who is not an authorised reviewer, edited it on ${w.edited.at.slice(0, 10)}. The reviewer can post it again in a new review.`,
    );
    return false;
  });
  if (unknown.length > 0) {
    const names = unknown.slice(-3).map((w) => `@${w.login}`);
    const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
    discounted.push(
      `${unknown.length} review${unknown.length === 1 ? '' : 's'} or comments that may hold an Operations Review were not weighed (${names.join(', ')}${more}): ${unknown.at(-1)!.reason}.`,
    );
  }
  const edits = discounted.map((message) => ({ message, line: 1, column: 1 }));
  const latest = own.at(-1);
  if (latest) {
    const { problems } = checkOwned(latest.doc, sections);
    if (problems.length === 0) return { via: latest.via, findings: [] };
    return {
      findings: [
        ...edits,
        ...problems.map((p) => ({
          message: say('incomplete', { via: latest.via, login: latest.login, problem: p.message }),
          line: 1,
          column: 1,
        })),
      ],
    };
  }

  const { boxes, problems } = checkOwned(input.description, sections);
  const history = readHistory(input);
  const findings: RawFinding[] = problems.map((p) => ({
    message: say('problem', { problem: p.message }),
    line: p.line,
    column: p.column,
  }));
  if (history.tooLong && boxes.some((b) => b.item.checked)) {
    findings.push({
      message: say('tooLong', {
        versionKiB: MAX_OWNED_BYTES.version / 1024,
        historyKiB: MAX_OWNED_BYTES.history / 1024,
      }),
      line: 1,
      column: 1,
    });
    return { findings: [...edits, ...findings] };
  }
  const attributed = new Set<SectionSpec>();
  for (const { spec, item } of boxes) {
    if (!item.checked) continue;
    const owner = history.tickers.get(ownedKey(spec, item)) ?? { kind: 'unknown' as const };
    if (owner.kind === 'unknown') {
      attributed.add(spec);
      findings.push({
        message: say('historyShort', { box: boxName(item), edits: MAX_HISTORY_EDITS }),
        line: item.line,
        column: item.column,
      });
      continue;
    }
    const authority = authorityOf(input, owner.login);
    if (authority.kind === 'yes') continue;
    attributed.add(spec);
    const why =
      authority.kind === 'unknown'
        ? `whose authority could not be checked: ${authority.reason}`
        : `who is not an authorised reviewer`;
    findings.push({
      message: say('tickedByOther', { box: boxName(item), login: owner.login, why }),
      line: item.line,
      column: item.column,
      gather: gatherOf(
        JSON.stringify(['tickedByOther', owner.login, why]),
        boxName(item),
        say('tickedByOtherTogether', { login: owner.login, why, names: NAMES }),
      ),
    });
  }
  // Every tick is a reviewer's; the section must also still be as a reviewer left it.
  for (const spec of sections) {
    if (attributed.has(spec)) continue;
    const section = findSection(input.description, keysOf(spec));
    const changer = history.changers.get(spec);
    if (!section || !changer) continue;
    if (changer.kind === 'known' && authorityOf(input, changer.login).kind === 'yes') continue;
    const who = changer.kind === 'known' ? `@${changer.login}` : 'an edit the history does not show';
    findings.push({
      message: say('changedBy', { section: spec.name, who }),
      line: section.line,
      column: section.column,
    });
  }
  const anyBox = boxes.length > 0;
  if (findings.length === 0 && anyBox) return { via: 'description', findings };
  return { findings: [...edits, ...findings] };
}

type Who = { kind: 'known'; login: string } | { kind: 'unknown' };

/** Versions of the description the action reads, newest first (`github/reviews.ts` reads up to this many). */
export const MAX_HISTORY_EDITS = 300;

/**
 * Text of reviewer-owned sections parsed for attribution, at most: in one
 * version (a real one is a few hundred bytes) and across all of them. Past
 * either, no tick in the description is attributed, and the gate says so.
 */
export const MAX_OWNED_BYTES = { version: 8 * 1024, history: 512 * 1024 };

/**
 * The reviewer-owned sections of one version, as text: each ATX heading an
 * owned key names, down to the next heading of its level or above, outside
 * code fences, HTML comments and HTML blocks (where GitHub shows no heading). Attribution parses only this, never a whole version, so a
 * long or hostile version costs what its owned sections cost; a version
 * whose owned sections did not change is not parsed again.
 */
export function ownedText(body: string, keys: ReadonlySet<string>): string {
  const out: string[] = [];
  let fence: string | undefined;
  let comment = false;
  /** Inside an HTML block: what ends it (a blank line, or a closing tag), as GFM 0.29 reads it. */
  let html: RegExp | undefined;
  let level = 0;
  for (const line of body.split(/\r?\n/)) {
    // An HTML comment hides what it holds, headings too, as a code fence does.
    if (comment || (fence === undefined && html === undefined && /^ {0,3}<!--/.test(line))) {
      comment = !line.includes('-->', comment ? 0 : line.indexOf('<!--') + 4);
      if (level > 0) out.push(line);
      continue;
    }
    // So does an HTML block: `<details>` and its kin up to a blank line, `<pre>` up to `</pre>`.
    if (html !== undefined) {
      if (html.test(line)) html = undefined;
      if (level > 0) out.push(line);
      continue;
    }
    if (fence === undefined) {
      const raw = RAW_HTML_START.exec(line)?.[1];
      const end = raw ? new RegExp(`</${raw}>`, 'i') : BLOCK_HTML_START.test(line) ? /^\s*$/ : undefined;
      if (end) {
        if (!(raw && end.test(line))) html = end; // a raw block may end on its first line
        if (level > 0) out.push(line);
        continue;
      }
    }
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      if (level > 0) out.push(line);
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      if (level > 0) out.push(line);
      continue;
    }
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      if (level > 0 && depth <= level) level = 0;
      if (level === 0 && keys.has(headingKey(heading[2] ?? ''))) {
        level = depth;
        out.push('');
      }
    }
    if (level > 0) out.push(line);
  }
  return out.join('\n');
}

/** HTML blocks of GFM 0.29 (cmark-gfm): kind 1 runs to its closing tag, kind 6 to a blank line. */
const RAW_HTML_START = /^ {0,3}<(script|pre|style)(?:\s|>|$)/i;
const BLOCK_HTML_START =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i;

/**
 * Who last ticked each owned box, and who last changed each owned section:
 * walk the versions oldest first; a box that goes from unticked (or absent)
 * to ticked takes that version's editor, and so does a section whose text
 * changes. A description never edited was written by its author. `tooLong`
 * when the owned sections of the versions run past MAX_OWNED_BYTES.
 */
function readHistory(input: SignOffInput): {
  tickers: Map<string, Who>;
  changers: Map<SectionSpec, Who>;
  tooLong: boolean;
} {
  const { sections } = input.config;
  const keys = new Set(sections.flatMap((spec) => keysOf(spec)));
  const versions: Revision[] =
    input.revisions.length > 0
      ? [...input.revisions]
      : [{ editor: input.author, editedAt: input.createdAt, body: input.description.source }];
  const last = versions.at(-1)!;
  if (last.body !== input.description.source) {
    versions.push({ editor: '', editedAt: '', body: input.description.source });
  }
  const tickers = new Map<string, Who>();
  const changers = new Map<SectionSpec, Who>();
  let previous = new Map<string, boolean>();
  const previousText = new Map<SectionSpec, string>();
  let parsed: { text: string; doc: DocumentView } | undefined;
  let left = MAX_OWNED_BYTES.history;
  for (const [index, version] of versions.entries()) {
    const text = ownedText(version.body, keys);
    if (text !== parsed?.text) {
      left -= text.length;
      if (left < 0 || text.length > MAX_OWNED_BYTES.version) return { tickers, changers, tooLong: true };
      parsed = { text, doc: parseDocument(text) };
    }
    const { doc } = parsed;
    const who: Who =
      (index === 0 && !input.historyComplete) || version.editor === ''
        ? { kind: 'unknown' }
        : { kind: 'known', login: version.editor };
    const state = new Map<string, boolean>();
    for (const spec of sections) {
      const section = findSection(doc, keysOf(spec));
      const sectionText = section ? doc.source.slice(section.offset, section.end).replace(/\s+/g, ' ').trim() : '';
      if (sectionText !== previousText.get(spec)) changers.set(spec, who);
      previousText.set(spec, sectionText);
      if (!section) continue;
      for (const item of inSection(doc.items, section)) {
        const key = ownedKey(spec, item);
        if (!state.has(key)) state.set(key, item.checked);
      }
    }
    for (const [key, checked] of state) {
      if (!checked) tickers.delete(key);
      else if (!previous.get(key)) tickers.set(key, who);
    }
    previous = state;
  }
  return { tickers, changers, tooLong: false };
}
