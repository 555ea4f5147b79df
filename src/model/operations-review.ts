/**
 * The Operations Review (the role document's Output Format) inside a
 * description: its section and the subsections the `ops-*` rules read.
 */
import {
  findSection,
  inSection,
  type DocumentView,
  type Section,
  type Table,
  type TaskItem,
} from '../markdown/document.js';
import { headingKey } from '../markdown/heading.js';
import type { SignOffSpec } from './spec.js';

export const OPERATIONS_REVIEW = 'Operations Review';

export function operationsReview(doc: DocumentView): Section | undefined {
  return findSection(doc, [headingKey(OPERATIONS_REVIEW)]);
}

export function subsection(doc: DocumentView, review: Section, name: string): Section | undefined {
  return findSection(doc, [headingKey(name)], review);
}

/** Tables of the named subsections, with the subsection each sits in. */
export function reviewTables(doc: DocumentView, names: readonly string[]): { name: string; table: Table }[] {
  const review = operationsReview(doc);
  if (!review) return [];
  const out: { name: string; table: Table }[] = [];
  for (const name of names) {
    const section = subsection(doc, review, name);
    if (!section) continue;
    for (const table of inSection(doc.tables, section)) out.push({ name, table });
  }
  return out;
}

const STATUS_TABLES = ['Deployment Assessment', 'Monitoring Checklist'] as const;

const MARK = '(?:✅|⚠️?|❌)';
/** A status cell that still holds the template's choices, e.g. `✅/⚠️/❌`. */
const TEMPLATE_CHOICES = new RegExp(`${MARK}\\s*/\\s*${MARK}`, 'u');

export interface StatusRow {
  /** The table's subsection, e.g. "Deployment Assessment". */
  table: string;
  /** The row's first cell, e.g. "Rollback plan". */
  name: string;
  /** The Status cell; undefined when the table has no Status column. */
  status: string | undefined;
  /** ✅, ⚠️ or ❌ when one was chosen; `template` when the template's choices are still there; `none` when empty. */
  state: 'ok' | 'warned' | 'failed' | 'template' | 'none' | 'other';
  line: number;
  column: number;
}

/** Every row of the Deployment Assessment and Monitoring Checklist tables, with its status read. */
export function statusRows(doc: DocumentView): StatusRow[] {
  return reviewTables(doc, STATUS_TABLES).flatMap(({ name: table, table: { rows } }) =>
    rows.map((row) => {
      const status = row.cells.get('status');
      return { table, name: row.values[0] ?? '', status, state: stateOf(status), line: row.line, column: row.column };
    }),
  );
}

function stateOf(status: string | undefined): StatusRow['state'] {
  if (status === undefined) return 'other';
  if (TEMPLATE_CHOICES.test(status)) return 'template';
  if (status.trim() === '') return 'none';
  if (/❌/u.test(status)) return 'failed';
  if (/⚠/u.test(status)) return 'warned';
  return /✅/u.test(status) ? 'ok' : 'other';
}

/**
 * With `sign-off` configured, the named sections are the reviewer's: the
 * sign-off check reads them (from the reviewer's own text, or ticks the
 * reviewer made), so the description rules leave them alone.
 */
export function ownedByReviewer(signOff: SignOffSpec | undefined, name: string): boolean {
  return signOff?.sections.some((s) => headingKey(s.name) === headingKey(name)) ?? false;
}

export type Recommendation =
  | { kind: 'ready' }
  | { kind: 'none' }
  | { kind: 'several'; count: number; second: TaskItem }
  | { kind: 'other'; choice: TaskItem; name: string };

/** What a Recommendation's boxes say: exactly "Production ready", nothing, several, or another choice. */
export function readRecommendation(boxes: readonly TaskItem[]): Recommendation {
  const ticked = boxes.filter((b) => b.checked);
  if (ticked.length === 0) return { kind: 'none' };
  if (ticked.length > 1) return { kind: 'several', count: ticked.length, second: ticked[1]! };
  const choice = ticked[0]!;
  const name = choice.label ?? choice.text;
  return headingKey(name) === 'production ready' ? { kind: 'ready' } : { kind: 'other', choice, name };
}
