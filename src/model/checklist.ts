/**
 * Matching configured sections and checklist items against a document, and
 * what is wrong with them. The description's item rules, the runbook item
 * rules and the report's list of waivers all read the same match, computed
 * once per document.
 *
 * An item is found by its bold label (`- [ ] **Timeouts**: …`), or, without
 * one, by the start of its text (`- [x] My code follows the style
 * guidelines (ran make lint)` matches "My code follows the style
 * guidelines"). It is satisfied when ticked, or waived: unticked with `N/A`
 * (or `Not applicable`) and a reason right after the label. `N/A` anywhere
 * else in the text is not a waiver.
 *
 * An item is known by where it stands as well as by its name: the sections
 * around it and the list items it is nested in. "Yes" under "Catalog
 * upgrade" and "Yes" under "Metadata" are two items, and a config names
 * one as `Catalog upgrade > Yes`. A section's unqualified item is its
 * outermost box of that name.
 */
import { inSection, sectionsAround, type DocumentView, type Section, type TaskItem } from '../markdown/document.js';
import { headingKey, keysOf } from '../markdown/heading.js';
import { closest, didYouMean } from './closest.js';
import { sayer } from './messages.js';
import { gatherOf, NAMES, type RawFinding } from './finding.js';
import { nearEmpty } from './near-empty.js';
import type { Policy, SectionSpec } from './spec.js';

export type ItemState =
  { kind: 'checked' } | { kind: 'waived'; reason: string } | { kind: 'bare-na' } | { kind: 'unchecked' };

export interface ItemMatch {
  label: string;
  item: TaskItem | undefined;
  state: ItemState | undefined;
  /** Another box with the same label anywhere in the document. */
  duplicate: TaskItem | undefined;
}

export interface SectionMatch {
  spec: SectionSpec;
  section: Section | undefined;
  /** A second heading for the same section, which the gate does not read. */
  duplicate: Section | undefined;
  items: ItemMatch[];
  /** The section names no items but a policy: the policy applies to every box in it. */
  everyBox: boolean;
}

/** `N/A` or `Not applicable` at the start of the text after the label, after an optional `:` or dash. */
const WAIVER = /^[\s:;\-–—]*(?:n\/a|not\s+applicable)(?![\p{L}\p{N}])/iu;

/** The text after an item's name: after its bold label, else after the first `:` or spaced dash. */
export function afterName(item: TaskItem): string {
  if (item.label !== undefined) return item.rest;
  const separator = /:|\s[-–—]\s/.exec(item.text);
  return separator ? item.text.slice(separator.index + separator[0].length) : '';
}

/** Ticked, waived (unticked, `N/A` and a reason), a bare `N/A`, or unticked. */
export function itemState(item: TaskItem, rest = item.rest): ItemState {
  return item.checked ? { kind: 'checked' } : notApplicable(rest);
}

/** Whether `text` starts by saying `N/A`, and the reason given after it. */
export function notApplicable(written: string): ItemState {
  // A label's own parenthetical comes first: `**Plan the PROD rollout** (If needed): N/A — dev only`.
  const text = written.replace(/^\s*\([^()]{0,200}\)/, '');
  const na = WAIVER.exec(text);
  if (!na) return { kind: 'unchecked' };
  let reason = text
    .slice(na[0].length)
    .replace(/^[\s:;,.\-–—]+/, '')
    .trim();
  // "N/A (config-only change)": the reason is what the brackets hold, without a stray one left over.
  const bracketed = /^\(([^()]*)\)[.\s]*$/.exec(reason);
  if (bracketed) reason = bracketed[1]!.trim();
  return /[\p{L}\p{N}]{2,}/u.test(reason) && !nearEmpty(reason) ? { kind: 'waived', reason } : { kind: 'bare-na' };
}

/** The text after the first `count` words of `text`: what follows an unlabelled item's matched start. */
function afterWords(text: string, count: number): string {
  const words = /[\p{L}\p{N}]+/gu;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const word = words.exec(text);
    if (!word) return '';
    end = word.index + word[0].length;
  }
  return text.slice(end).replace(/^\s*\)/, '');
}

/** How an item answers to the given keys: its bold label, else the start of its text; and the text after that. */
function answer(item: TaskItem, keys: readonly string[]): { rest: string } | undefined {
  if (item.label !== undefined) return keys.includes(headingKey(item.label)) ? { rest: item.rest } : undefined;
  const text = headingKey(item.text.replace(/\s+/g, ' '));
  for (const key of keys) {
    if (key === '' || !(text === key || text.startsWith(`${key} `))) continue;
    // headingKey stops at the first colon, so `Tests: N/A — docs` answers to "Tests", with ": N/A — docs" after it.
    return { rest: afterWords(item.text, key.split(' ').length) };
  }
  return undefined;
}

/** An item reference: its label after the sections and items that hold it, `Catalog upgrade > Yes`. */
export interface ItemRef {
  /** Keys of the sections and parent items named before the label, outermost first. */
  within: string[];
  label: string;
}

export function parseItemRef(reference: string): ItemRef {
  const parts = reference.split(/\s+>\s+/).map((p) => p.trim());
  return { within: parts.slice(0, -1).map(headingKey), label: parts.at(-1)! };
}

const contexts = new WeakMap<TaskItem, string[]>();

/** The keys of what holds an item: its sections, outermost first, then the list items it is nested in. */
export function itemContext(doc: DocumentView, item: TaskItem): string[] {
  let context = contexts.get(item);
  if (!context) {
    context = [...sectionsAround(doc, item.offset).map((s) => s.key), ...item.parents.map(headingKey)];
    contexts.set(item, context);
  }
  return context;
}

/** Whether the qualifiers name, in order, sections or items that hold the item. */
function holds(context: readonly string[], within: readonly string[]): boolean {
  let at = 0;
  for (const key of context) if (at < within.length && key === within[at]) at++;
  return at === within.length;
}

/** Whether two items stand in the same place: the same innermost section and the same parent items. */
function samePlace(doc: DocumentView, a: TaskItem, b: TaskItem): boolean {
  const inner = (item: TaskItem) => sectionsAround(doc, item.offset).at(-1)?.key ?? '';
  return inner(a) === inner(b) && a.parents.map(headingKey).join('\n') === b.parents.map(headingKey).join('\n');
}

/**
 * Every checklist item anywhere in the document that answers to a reference
 * (its bold label, or the start of its text, where the qualifiers say), with
 * its state. More than one is ambiguous: a copy in a `<details>` block must
 * not decide for the visible one.
 */
export function findItems(
  doc: DocumentView,
  reference: string,
  aliases: readonly string[] = [],
): { item: TaskItem; state: ItemState }[] {
  const ref = parseItemRef(reference);
  const keys = keysOf({ name: ref.label, aliases: aliases.map((a) => parseItemRef(a).label) });
  const out: { item: TaskItem; state: ItemState }[] = [];
  for (const item of doc.items) {
    const answered = answer(item, keys);
    if (answered && holds(itemContext(doc, item), ref.within))
      out.push({ item, state: itemState(item, answered.rest) });
  }
  return out;
}

/** The state of the one item a reference names, if exactly one answers: `ticked` conditions read it. */
export function tickedItem(doc: DocumentView, reference: string, aliases: readonly string[] = []): boolean {
  const found = findItems(doc, reference, aliases);
  return found.length === 1 && found[0]!.state.kind === 'checked';
}

/** The aliases the config gives an item with this label, in any of these sections. */
export function aliasesOf(label: string, sections: readonly SectionSpec[]): string[] {
  const key = headingKey(parseItemRef(label).label);
  return sections
    .flatMap((s) => s.items)
    .flatMap((i) => (headingKey(parseItemRef(i.label).label) === key ? i.aliases : []));
}

/** A box as a message names it: its bold label, else its text, on one line. */
export const boxName = (item: TaskItem) => (item.label ?? item.text).replace(/\s+/g, ' ').trim();

const cache = new WeakMap<DocumentView, WeakMap<SectionSpec[], SectionMatch[]>>();

export function matchSections(doc: DocumentView, specs: SectionSpec[]): SectionMatch[] {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new WeakMap()));
  let result = perDoc.get(specs);
  if (!result) perDoc.set(specs, (result = specs.map((spec) => matchSection(doc, spec))));
  return result;
}

function matchSection(doc: DocumentView, spec: SectionSpec): SectionMatch {
  const sectionKeys = keysOf(spec);
  const [section, duplicate] = doc.sections.filter((s) => sectionKeys.includes(s.key));
  const candidates = section ? inSection(doc.items, section) : [];
  const everyBox = spec.items.length === 0 && spec.policy !== undefined;
  if (everyBox) {
    // Under `one`, the answers are the outermost boxes: a box nested under an answer is a follow-up, not another answer.
    const outermost = Math.min(...candidates.map((c) => c.parents.length));
    const boxes = spec.policy === 'one' ? candidates.filter((c) => c.parents.length === outermost) : candidates;
    const items = boxes.map((item): ItemMatch => ({
      label: boxName(item),
      item,
      state: itemState(item),
      duplicate: undefined,
    }));
    return { spec, section, duplicate, items, everyBox };
  }
  const items = spec.items.map((itemSpec): ItemMatch => {
    const ref = parseItemRef(itemSpec.label);
    const keys = keysOf({ name: ref.label, aliases: itemSpec.aliases.map((a) => parseItemRef(a).label) });
    // The outermost box that answers where the qualifiers say: "Yes" is the answer, not a "Yes" nested under another.
    let found: { item: TaskItem; rest: string } | undefined;
    for (const candidate of candidates) {
      const answered = answer(candidate, keys);
      if (!answered || !holds(itemContext(doc, candidate), ref.within)) continue;
      if (!found || candidate.parents.length < found.item.parents.length) found = { item: candidate, ...answered };
    }
    // The same item again in the same place (a copy in a <details> block) is one a reviewer may read instead.
    // Only the same name counts: "Rollback plan defined" is not "Rollback Plan" again.
    const other =
      found &&
      doc.items.find(
        (c) => c !== found.item && keys.includes(headingKey(c.label ?? c.text)) && samePlace(doc, c, found.item),
      );
    return {
      label: itemSpec.label,
      item: found?.item,
      state: found ? itemState(found.item, found.rest) : undefined,
      duplicate: other,
    };
  });
  return { spec, section, duplicate, items, everyBox };
}

/** How many ticks a policy asks for, out of `total` items. */
export function required(policy: Policy, total: number): number {
  if (policy === 'all') return total;
  if (policy === 'any' || policy === 'one') return 1;
  return Math.min(policy['at-least'], Math.max(total, 1));
}

export interface ChecklistProblems {
  /** Configured items not found in their section. */
  missing: RawFinding[];
  /** Items not ticked or waived, and policies not met. */
  unchecked: RawFinding[];
  /** Waivers that give no reason. */
  bareNa: RawFinding[];
}

/** What the checklist rules say, by id: each declares those of its findings. */
export const CHECKLIST_MESSAGES = {
  missingItem:
    'Missing checklist item "{{item}}" in "{{section}}". Restore "- [ ] **{{item}}**" and tick it or waive it with "N/A — reason".{{suggestion}}',
  bareNa: '"{{item}}" is waived with a bare "N/A". Say why after it: "N/A — config-only change".',
  notTicked: '"{{item}}" in "{{section}}" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
  notTickedTogether:
    'Not ticked in "{{section}}": {{names}}. Tick each once done, or write "N/A — reason" after its label.',
  tooMany:
    '"{{section}}" takes exactly one answer, and {{count}} are ticked: {{ticked}}. Untick all but the one that is true.',
  noneOfOne: '"{{section}}" needs exactly one of {{of}} ticked; none is.',
  tooFew: '"{{section}}" needs at least {{need}} of {{of}} ticked; {{have}}.',
};
const say = sayer(CHECKLIST_MESSAGES);

/** What the rules that count a checklist's ticks say (`checklistProblems(…).unchecked`). */
export const TICK_MESSAGES = {
  notTicked: CHECKLIST_MESSAGES.notTicked,
  notTickedTogether: CHECKLIST_MESSAGES.notTickedTogether,
  tooMany: CHECKLIST_MESSAGES.tooMany,
  noneOfOne: CHECKLIST_MESSAGES.noneOfOne,
  tooFew: CHECKLIST_MESSAGES.tooFew,
};

/** What is wrong with the checklists of these sections in a document. */
export function checklistProblems(doc: DocumentView, specs: SectionSpec[]): ChecklistProblems {
  const problems: ChecklistProblems = { missing: [], unchecked: [], bareNa: [] };
  for (const { spec, section, items, everyBox } of matchSections(doc, specs)) {
    if (!section) continue;
    const policy = spec.policy ?? 'all';
    const boxes = inSection(doc.items, section);
    for (const match of items) {
      if (!match.item && policy === 'all') {
        const taken = new Set(items.map((m) => m.item));
        const near = closest(
          match.label,
          boxes.filter((b) => !taken.has(b)),
          boxName,
        );
        problems.missing.push({
          message: say('missingItem', {
            item: match.label,
            section: spec.name,
            suggestion: didYouMean(near, near && boxName(near)),
          }),
          line: near?.line ?? section.line,
          column: near?.column ?? section.column,
        });
      }
      if (match.item && match.state?.kind === 'bare-na') {
        problems.bareNa.push({
          message: say('bareNa', { item: match.label }),
          line: match.item.line,
          column: match.item.column,
        });
      }
    }
    if (policy === 'all') {
      for (const match of items) {
        if (!match.item || match.state?.kind !== 'unchecked') continue;
        problems.unchecked.push({
          message: say('notTicked', { item: match.label, section: spec.name }),
          line: match.item.line,
          column: match.item.column,
          gather: gatherOf(
            `notTicked\0${spec.name}`,
            match.label,
            say('notTickedTogether', { section: spec.name, names: NAMES }),
          ),
        });
      }
      continue;
    }
    // Under `any`, `one` and `at-least`, only ticks count: a waiver says why an item is not done, not that it is.
    const need = required(policy, items.length);
    const ticked = items.filter((m) => m.state?.kind === 'checked');
    const have = ticked.length;
    const of = everyBox
      ? items.length === 0
        ? 'its boxes (it has none)'
        : `its ${items.length} ${policy === 'one' ? 'answers' : 'boxes'}`
      : items.map((i) => `"${i.label}"`).join(', ');
    if (policy === 'one' && have > 1) {
      const second = ticked[1]!.item!;
      problems.unchecked.push({
        message: say('tooMany', {
          section: spec.name,
          count: have,
          ticked: ticked.map((m) => `"${m.label}"`).join(', '),
        }),
        line: second.line,
        column: second.column,
      });
      continue;
    }
    if (have >= need) continue;
    problems.unchecked.push({
      message:
        policy === 'one'
          ? say('noneOfOne', { section: spec.name, of })
          : say('tooFew', { section: spec.name, need, of, have: `${have} ${have === 1 ? 'is' : 'are'}` }),
      line: section.line,
      column: section.column,
    });
  }
  return problems;
}
