/**
 * Matching configured sections and checklist items against a document. The
 * section and item rules, and the report's list of waivers, all read the
 * same match, computed once per document.
 */
import type { Policy, SectionSpec } from './spec.js';
import { inSection, type DocumentView, type Section, type TaskItem } from '../markdown/document.js';
import { headingKey, keysOf } from '../markdown/heading.js';

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
}

const NOT_APPLICABLE = /(?:^|[^\p{L}\p{N}])N\/A(?![\p{L}\p{N}])/iu;

/** Ticked, waived (unticked, `N/A` and a reason), a bare `N/A`, or unticked. */
export function itemState(item: TaskItem): ItemState {
  return item.checked ? { kind: 'checked' } : notApplicable(item.rest);
}

/** Whether `text` says `N/A`, and the reason given after it. */
export function notApplicable(text: string): ItemState {
  const na = NOT_APPLICABLE.exec(text);
  if (!na) return { kind: 'unchecked' };
  const reason = text
    .slice(na.index + na[0].length)
    .replace(/^[\s:;,.\-–—()]+/, '')
    .trim();
  return /[\p{L}\p{N}]{2,}/u.test(reason) ? { kind: 'waived', reason } : { kind: 'bare-na' };
}

function itemKey(item: TaskItem): string {
  return headingKey(item.label ?? item.text);
}

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
  const items = spec.items.map((itemSpec): ItemMatch => {
    const keys = keysOf({ name: itemSpec.label, aliases: itemSpec.aliases });
    const item = candidates.find((c) => keys.includes(itemKey(c)));
    // The same item anywhere else (another section, a <details> block) is one a reviewer may read instead.
    const other = item && doc.items.find((c) => c !== item && keys.includes(itemKey(c)));
    return { label: itemSpec.label, item, state: item ? itemState(item) : undefined, duplicate: other };
  });
  return { spec, section, duplicate, items };
}

export function required(policy: Policy, total: number): number {
  if (policy === 'all') return total;
  if (policy === 'any') return Math.min(1, total);
  return Math.min(policy['at-least'], total);
}

export function satisfied(match: ItemMatch): boolean {
  return match.state?.kind === 'checked' || match.state?.kind === 'waived';
}
