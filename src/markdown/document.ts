/**
 * The document view every rule queries. A Markdown text is parsed once with
 * remark + GFM, then walked once to collect headings (as a section tree),
 * task items, list items, tables, `**Field**: value` pairs, links and
 * paragraph texts, each with its 1-based line and column.
 *
 * Anything inside fenced code, inline code, HTML comments or raw HTML is
 * never an item: remark does not parse Markdown there, so those nodes hold
 * only text.
 */
import type { Heading, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { headingKey } from './heading.js';

export interface Position {
  line: number;
  column: number;
  /** Character offset in the source, for ordering and section membership. */
  offset: number;
}

export interface Section extends Position {
  title: string;
  /** Normalised title, see `headingKey`. */
  key: string;
  depth: number;
  /** Offset just past the heading itself. */
  contentStart: number;
  /** Offset where the next heading of the same or a lower depth starts. */
  end: number;
  /** Whether any block other than a heading or HTML comment lies in the section. */
  hasContent: boolean;
}

export interface TaskItem extends Position {
  checked: boolean;
  /** Text of a leading bold span (`**Timeouts**`), without a trailing colon. */
  label: string | undefined;
  /** The whole item text, label included. */
  text: string;
  /** Text after the label, with a leading colon or dash removed. */
  rest: string;
  /** How many list items enclose this one. */
  nesting: number;
}

export interface Step extends Position {
  text: string;
}

export interface TableRow extends Position {
  /** Cell texts keyed by the normalised header (see `headingKey`). */
  cells: Map<string, string>;
  values: string[];
}

export interface Table extends Position {
  header: string[];
  rows: TableRow[];
}

export interface Field extends Position {
  name: string;
  value: string;
}

export interface Reference extends Position {
  /** A link's URL, or the text of an inline code span. */
  target: string;
  kind: 'link' | 'code';
}

export interface TextBlock extends Position {
  kind: 'paragraph' | 'heading' | 'cell';
  /** Text as written: literal brackets kept, link syntax reduced to its text. */
  text: string;
  /** The same without inline code, for checks that must not look inside code. */
  prose: string;
}

export interface DocumentView {
  source: string;
  sections: Section[];
  items: TaskItem[];
  steps: Step[];
  tables: Table[];
  fields: Field[];
  references: Reference[];
  texts: TextBlock[];
  /** Offsets of fenced or indented code blocks, with their text. */
  code: (Position & { text: string })[];
  /** Raw HTML, inline or as a block, HTML comments left out: where a `<placeholder>` hides. */
  html: (Position & { value: string })[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}

export interface ParseOptions {
  /**
   * Leave out what is inside block quotes. A reviewer's comment that quotes
   * someone else's checklist has not ticked it: sign-off reads reviews and
   * comments this way.
   */
  skipQuotes?: boolean;
}

export function parseDocument(source: string, options: ParseOptions = {}): DocumentView {
  const view: DocumentView = {
    source,
    sections: [],
    items: [],
    steps: [],
    tables: [],
    fields: [],
    references: [],
    texts: [],
    code: [],
    html: [],
  };
  const root = parseMarkdown(source);
  const headings: { node: Heading; pos: Position; end: number }[] = [];
  const contentOffsets: number[] = [];
  for (const child of root.children) {
    if (!isHeadingOrComment(child)) contentOffsets.push(at(child).offset);
  }

  // An explicit stack, not recursion: a hostile document nests lists or quotes thousands deep.
  const stack: { node: Nodes; listDepth: number }[] = [];
  const push = (children: readonly Nodes[], listDepth: number) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, listDepth });
  };
  push(root.children, 0);
  while (stack.length > 0) {
    const { node, listDepth } = stack.pop()!;
    switch (node.type) {
      case 'heading': {
        const pos = at(node);
        headings.push({ node, pos, end: node.position?.end.offset ?? pos.offset });
        view.texts.push({ ...pos, kind: 'heading', ...texts(node.children) });
        break;
      }
      case 'paragraph':
        collectParagraph(view, node);
        visitPhrasing(view, node.children);
        break;
      case 'listItem':
        collectListItem(view, node, listDepth);
        push(node.children, listDepth + 1);
        break;
      case 'table':
        collectTable(view, node);
        break;
      case 'code':
        view.code.push({ ...at(node), text: node.value });
        break;
      case 'html':
        if (!/^\s*<!--/.test(node.value)) view.html.push({ ...at(node), value: node.value });
        break;
      // A footnote's text is shown at the foot of the page, away from the checklist: never an item or a field.
      case 'footnoteDefinition':
        break;
      case 'blockquote':
        if (!options.skipQuotes) push(node.children, listDepth);
        break;
      default:
        if ('children' in node) push(node.children as Nodes[], listDepth);
    }
  }

  view.sections = buildSections(headings, contentOffsets, source.length);
  return view;
}

function isHeadingOrComment(node: RootContent): boolean {
  if (node.type === 'heading' || node.type === 'definition') return true;
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

function buildSections(
  headings: { node: Heading; pos: Position; end: number }[],
  contentOffsets: number[],
  length: number,
): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const { node, pos, end: contentStart } of headings) {
    while (open.length > 0 && open.at(-1)!.depth >= node.depth) open.pop()!.end = pos.offset;
    const title = inlineText(node.children).trim();
    const section = {
      ...pos,
      title,
      key: headingKey(title),
      depth: node.depth,
      contentStart,
      end: length,
      hasContent: false,
    };
    sections.push(section);
    open.push(section);
  }
  let cursor = 0;
  for (const section of sections) {
    while (cursor < contentOffsets.length && contentOffsets[cursor]! < section.contentStart) cursor++;
    const next = contentOffsets[cursor];
    section.hasContent = next !== undefined && next < section.end;
  }
  return sections;
}

function collectParagraph(view: DocumentView, node: Paragraph): void {
  const pos = at(node);
  view.texts.push({ ...pos, kind: 'paragraph', ...texts(node.children) });
  // Each line of a paragraph may be a field: `**Summary**: …` then `**Severity**: …` on the next line.
  for (const [index, line] of paragraphLines(node.children).entries()) {
    const labelled = splitLabel(line);
    if (!labelled?.hadColon) continue;
    view.fields.push({ ...(index === 0 ? pos : at(line[0]!)), name: labelled.label, value: labelled.rest });
  }
}

/** A paragraph's inline content split at its line breaks (soft or hard). */
function paragraphLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ type: 'text', value: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}

function collectListItem(view: DocumentView, node: ListItem, nesting: number): void {
  const pos = at(node);
  const first = node.children[0];
  const paragraph = first?.type === 'paragraph' ? first : undefined;
  const text = paragraph ? inlineText(paragraph.children).trim() : '';
  view.steps.push({ ...pos, text });
  if (typeof node.checked !== 'boolean') return;
  const labelled = paragraph ? splitLabel(paragraph.children) : undefined;
  view.items.push({
    ...pos,
    checked: node.checked,
    label: labelled?.label,
    text,
    rest: labelled ? labelled.rest : text,
    nesting,
  });
}

function collectTable(view: DocumentView, node: MdTable): void {
  const [head, ...body] = node.children;
  if (!head) return;
  const header = head.children.map((cell) => inlineText(cell.children).trim());
  const keys = header.map(headingKey);
  const rows: TableRow[] = body.map((row) => {
    const values = row.children.map((cell) => inlineText(cell.children).trim());
    const cells = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!cells.has(key)) cells.set(key, values[i] ?? '');
    });
    row.children.forEach((cell) => {
      view.texts.push({ ...at(cell), kind: 'cell', ...texts(cell.children) });
      visitPhrasing(view, cell.children);
    });
    return { ...at(row), cells, values };
  });
  view.tables.push({ ...at(node), header, rows });
}

function visitPhrasing(view: DocumentView, nodes: PhrasingContent[]): void {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link') {
      view.references.push({ ...at(node), target: node.url, kind: 'link' });
    } else if (node.type === 'inlineCode') {
      view.references.push({ ...at(node), target: node.value, kind: 'code' });
    } else if (node.type === 'html' && !node.value.startsWith('<!--')) {
      view.html.push({ ...at(node), value: node.value });
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** A leading bold span and the text after it: `**Purpose**: text` or `**Purpose:** text`. */
function splitLabel(children: PhrasingContent[]): { label: string; rest: string; hadColon: boolean } | undefined {
  const first = children[0];
  if (!first || first.type !== 'strong') return undefined;
  let label = inlineText(first.children).trim();
  let rest = inlineText(children.slice(1));
  let hadColon = false;
  if (label.endsWith(':')) {
    label = label.slice(0, -1).trimEnd();
    hadColon = true;
  }
  const lead = /^\s*[:\-–—]\s*/.exec(rest);
  if (lead) {
    hadColon ||= lead[0].includes(':');
    rest = rest.slice(lead[0].length);
  }
  return { label, rest: rest.trim(), hadColon };
}

function texts(nodes: readonly PhrasingContent[]): { text: string; prose: string } {
  const text = inlineText(nodes);
  return { text, prose: nodes.some(hasCode) ? inlineText(nodes, false) : text };
}

function hasCode(node: PhrasingContent): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'inlineCode') return true;
    if ('children' in next) stack.push(...(next.children as PhrasingContent[]));
  }
  return false;
}

/**
 * Plain text of inline content. Brackets that are not link syntax stay, so a
 * template placeholder such as `[What this does]` is still visible; HTML is
 * dropped, inline code keeps its text.
 */
export function inlineText(nodes: readonly PhrasingContent[], withCode = true): string {
  let out = '';
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
        if (withCode) out += node.value;
        break;
      case 'break':
        out += ' ';
        break;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) {
          const children = node.children as PhrasingContent[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
    }
  }
  return out;
}

function at(node: Nodes): Position {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0 };
}

const lineStarts = new WeakMap<DocumentView, number[]>();

/** The 1-based line and column of a character offset in the document's source. */
export function positionAt(view: DocumentView, offset: number): Position {
  let starts = lineStarts.get(view);
  if (!starts) {
    starts = [0];
    for (let i = view.source.indexOf('\n'); i >= 0; i = view.source.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(view, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
}

/** The first section whose key is one of `keys`, searched in document order. */
export function findSection(view: DocumentView, keys: readonly string[], within?: Section): Section | undefined {
  return view.sections.find(
    (s) => keys.includes(s.key) && (!within || (s.offset > within.offset && s.offset < within.end)),
  );
}

/** The members of `list` that lie inside `section` (heading excluded). */
export function inSection<T extends Position>(list: readonly T[], section: Section): T[] {
  return list.filter((p) => p.offset >= section.contentStart && p.offset < section.end);
}
