/**
 * The document view every rule queries. A Markdown text is parsed once with
 * remark + GFM (HTML blocks as GitHub's GFM 0.29 reads them, see `gfm.ts`),
 * then walked once to collect headings (as a section tree, `<h1>`–`<h6>`
 * blocks included), task items, list items, tables, fields, links and
 * paragraph texts, each with its 1-based line and column.
 *
 * A field is a bold label, with or without a colon. Its value is the rest of
 * the line, else the blocks that follow it: the rest of its list item (a
 * nested list), or the paragraphs after it up to the next field or heading.
 * A two-column table's rows are fields too (`| **Owner** | team-a |`), and so
 * are the keys of a file's YAML front matter, which is never a section or
 * content.
 *
 * Anything inside fenced code, inline code, HTML comments or raw HTML is
 * never an item: remark does not parse Markdown there, so those nodes hold
 * only text.
 */
import type { ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { unified } from 'unified';
import { isMap, isScalar, isSeq, LineCounter, parseDocument as parseYaml } from 'yaml';
import { gfmFor, type GfmConstructs } from './gfm.js';
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
  /** The texts of the list items that enclose it, outermost first: `Yes` under `Catalog upgrade: Yes`. */
  parents: string[];
  /** Offset just past the item, nested lists included. */
  end: number;
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
  /** Where it is written: a bold label in the text, a two-column table's row, or the front matter. */
  source: 'label' | 'table' | 'front-matter';
}

/** A file's YAML front matter that does not parse: its fields are unknown. */
export interface FrontMatterError extends Position {
  message: string;
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
  /** Images, which are content though they have no text. */
  media: Position[];
  frontMatterError?: FrontMatterError;
}

/** A parser for each choice of GFM constructs, with front matter or without, made the first time it is wanted. */
const parsers = new Map<string, { parse(source: string): Root }>();

function parserFor(gfm: GfmConstructs, frontMatter: boolean): { parse(source: string): Root } {
  const key = `${frontMatter ? 'front matter, ' : ''}${gfm.key}`;
  let parser = parsers.get(key);
  if (!parser) {
    const constructs = function gfmConstructs(this: ReturnType<typeof unified>) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...gfm.syntax);
      (data.fromMarkdownExtensions ??= []).push(...gfm.tree);
    };
    parser = frontMatter
      ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(constructs)
      : unified().use(remarkParse).use(constructs);
    parsers.set(key, parser);
  }
  return parser;
}

/** The text's tree, as remark with GFM makes it (with only the GFM constructs the text can hold, see `gfm.ts`). */
export function parseMarkdown(source: string, frontMatter = false): Root {
  return parserFor(gfmFor(source), frontMatter).parse(source);
}

export interface ParseOptions {
  /**
   * Leave out what is inside block quotes. A reviewer's comment that quotes
   * someone else's checklist has not ticked it: sign-off reads reviews and
   * comments this way.
   */
  skipQuotes?: boolean;
  /**
   * Read YAML front matter at the top (`---` … `---`), as GitHub shows a
   * file's. A pull-request description or a comment has none: GitHub
   * renders the same text as a rule and a heading there.
   */
  frontMatter?: boolean;
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
    media: [],
  };
  const root = parseMarkdown(source, options.frontMatter);
  const headings: HeadingAt[] = [];
  const definitions = new Map<string, string>();
  const linkReferences: LinkReference[] = [];
  const contentOffsets: number[] = [];
  for (const child of root.children) {
    if (!isHeadingOrComment(child)) contentOffsets.push(at(child).offset);
  }
  const pending: PendingField[] = [];

  // An explicit stack, not recursion: a hostile document nests lists or quotes thousands deep.
  const stack: { node: Nodes; listDepth: number; end: number; first: boolean; parents: string[] }[] = [];
  const push = (parent: Nodes, children: readonly Nodes[], listDepth: number, parents: string[]) => {
    const end = parent.position?.end.offset ?? source.length;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, listDepth, end, first: i === 0 && parent.type === 'listItem', parents });
    }
  };
  push(root, root.children, 0, []);
  while (stack.length > 0) {
    const { node, listDepth, end, first, parents } = stack.pop()!;
    switch (node.type) {
      case 'heading': {
        const pos = at(node);
        headings.push({
          depth: node.depth,
          title: inlineText(node.children).trim(),
          pos,
          end: node.position?.end.offset ?? pos.offset,
        });
        view.texts.push({ ...pos, kind: 'heading', ...texts(node.children) });
        break;
      }
      case 'paragraph':
        collectParagraph(view, node, { end, wholeItem: first }, pending);
        visitPhrasing(view, node.children, linkReferences);
        break;
      // `[failover]: ../procedures/failover.md`: GitHub renders `[failover]` as a link to it, the first one a label has.
      case 'definition':
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
        break;
      case 'yaml':
        view.frontMatterError = collectFrontMatter(view, node.value, node.position?.start.offset ?? 0);
        break;
      case 'listItem': {
        const name = collectListItem(view, node, listDepth, parents);
        // Identity needs a few levels; a hostile list nested thousands deep must not copy its path at each.
        push(node, node.children, listDepth + 1, parents.length < 32 ? [...parents, name] : parents);
        break;
      }
      case 'table':
        collectTable(view, node, linkReferences);
        break;
      case 'code':
        view.code.push({ ...at(node), text: node.value });
        break;
      case 'html': {
        if (/^\s*<!--/.test(node.value)) break;
        view.html.push({ ...at(node), value: node.value });
        const heading = htmlHeading(node.value);
        if (!heading) break;
        const pos = at(node);
        headings.push({ depth: heading.depth, title: heading.title, pos, end: pos.offset + heading.length });
        // The rest of the HTML block (to its blank line) is shown as text under the heading.
        const rest = node.value.slice(heading.length);
        const shown = decodeEntities(rest.replace(/<[^>]*>/g, '')).trim();
        if (shown !== '') {
          const offset = pos.offset + heading.length + (rest.length - rest.trimStart().length);
          view.texts.push({ ...positionAt(view, offset), kind: 'paragraph', text: shown, prose: shown });
          if (listDepth === 0) contentOffsets.push(offset);
        }
        break;
      }
      // A footnote's text is shown at the foot of the page, away from the checklist: never an item or a field.
      case 'footnoteDefinition':
        break;
      case 'blockquote':
        if (!options.skipQuotes) push(node, node.children, listDepth, parents);
        break;
      default:
        if ('children' in node) push(node, node.children as Nodes[], listDepth, parents);
    }
  }

  // A reference-style link is a link where its label has a definition; without one GitHub shows the brackets as text.
  for (const ref of linkReferences) {
    const url = definitions.get(ref.identifier);
    if (url !== undefined) view.references.push({ ...ref.at, target: url, kind: 'link' });
  }
  if (linkReferences.length > 0) view.references.sort((a, b) => a.offset - b.offset);
  headings.sort((a, b) => a.pos.offset - b.pos.offset);
  contentOffsets.sort((a, b) => a - b);
  view.sections = buildSections(headings, contentOffsets, source.length);
  resolveFields(view, pending);
  return view;
}

interface HeadingAt {
  depth: number;
  title: string;
  pos: Position;
  end: number;
}

function isHeadingOrComment(node: RootContent): boolean {
  if (node.type === 'heading' || node.type === 'definition' || node.type === 'yaml') return true;
  return node.type === 'html' && (/^\s*<!--[\s\S]*-->\s*$/.test(node.value) || htmlHeading(node.value) !== undefined);
}

/** `<h2>Impact</h2>` opening an HTML block: GitHub renders it as a heading. `length`: where it ends in the block. */
function htmlHeading(html: string): { depth: number; title: string; length: number } | undefined {
  const match = /^\s*<h([1-6])(?:\s[^>]*)?>([^]*?)<\/h\1\s*>/i.exec(html);
  if (!match) return undefined;
  const title = decodeEntities(match[2]!.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return title === '' ? undefined : { depth: Number(match[1]), title, length: match[0].length };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function buildSections(headings: HeadingAt[], contentOffsets: number[], length: number): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const { depth, title, pos, end: contentStart } of headings) {
    while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop()!.end = pos.offset;
    const section = {
      ...pos,
      title,
      key: headingKey(title),
      depth,
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

/** A field whose value is not on its line: the blocks after it, resolved once the walk is done. */
interface PendingField {
  field: Field;
  /** Where its value may start and must end. */
  from: number;
  to: number;
  /** The value is the rest of its list item, nested fields included; else it stops at the next field. */
  wholeItem: boolean;
}

function collectParagraph(
  view: DocumentView,
  node: Paragraph,
  container: { end: number; wholeItem: boolean },
  pending: PendingField[],
): void {
  const pos = at(node);
  view.texts.push({ ...pos, kind: 'paragraph', ...texts(node.children) });
  // Each line of a paragraph may be a field: `**Summary**: …` then `**Severity**: …` on the next line.
  const lines = paragraphLines(node.children);
  const labels = lines.map((line) => splitLabel(line));
  for (const [index, line] of lines.entries()) {
    const labelled = labels[index];
    if (!labelled || labelled.label === '') continue;
    const field: Field = {
      ...(index === 0 ? pos : at(line[0]!)),
      name: labelled.label,
      value: labelled.rest,
      source: 'label',
    };
    view.fields.push(field);
    if (labelled.rest !== '') continue;
    // `**Identified**:` then `Via the alerts channel` on the next line of the same paragraph.
    const next = labels.findIndex((l, i) => i > index && l !== undefined && l.label !== '');
    const following = lines.slice(index + 1, next < 0 ? undefined : next);
    field.value = following
      .map((l) => inlineText(l).trim())
      .filter((t) => t !== '')
      .join('\n');
    if (field.value === '' && next < 0) {
      const from = node.position?.end.offset ?? pos.offset;
      pending.push({ field, from, to: container.end, wholeItem: container.wholeItem });
    }
  }
}

/** The value of each field written above its blocks: their text, up to the next field or heading. */
function resolveFields(view: DocumentView, pending: PendingField[]): void {
  if (pending.length > 0) {
    const fieldStarts = view.fields.map((f) => f.offset).sort((a, b) => a - b);
    const headingStarts = view.sections.map((s) => s.offset);
    const blocks = [...view.texts.filter((t) => t.kind !== 'heading'), ...view.code].sort(
      (a, b) => a.offset - b.offset,
    );
    const starts = blocks.map((b) => b.offset);
    // Binary searches, not scans: a document of a hundred thousand labels costs no more than its size.
    const text = (from: number, end: number) => {
      const parts: string[] = [];
      for (let i = lowerBound(starts, from); i < blocks.length && blocks[i]!.offset < end; i++) {
        const part = blocks[i]!.text.trim();
        if (part !== '') parts.push(part);
      }
      return parts.join('\n');
    };
    const firstAfter = (sorted: readonly number[], offset: number) => sorted[lowerBound(sorted, offset)];
    for (const { field, from, to, wholeItem } of pending) {
      const heading = firstAfter(headingStarts, from) ?? view.source.length;
      const nextField = firstAfter(fieldStarts, from) ?? view.source.length;
      // A list item holding only its label (`- **Review actions**:`) is answered by what follows the list.
      field.value = wholeItem ? text(from, Math.min(to, heading)) : '';
      if (field.value === '') field.value = text(from, Math.min(heading, nextField, wholeItem ? Infinity : to));
    }
  }
  view.fields.sort((a, b) => a.offset - b.offset);
}

/** The index of the first of `sorted` at or after `offset`. */
function lowerBound(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Front matter is metadata: as much as a config holds is plenty. */
const MAX_FRONT_MATTER = 64 * 1024;

/** The keys of YAML front matter as fields, or why it does not parse. Aliases are not expanded. */
function collectFrontMatter(view: DocumentView, yaml: string, start: number): FrontMatterError | undefined {
  const bodyStart = view.source.indexOf('\n', start) + 1;
  if (yaml.length > MAX_FRONT_MATTER) {
    return { ...positionAt(view, bodyStart), message: `over ${MAX_FRONT_MATTER} characters, the most read` };
  }
  const counter = new LineCounter();
  const doc = parseYaml(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const where = (offset: number): Position => positionAt(view, bodyStart + offset);
  const error = doc.errors[0];
  if (error) return { ...where(error.pos[0]), message: error.message.split('\n')[0]! };
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    view.fields.push({
      ...where(pair.key.range[0]),
      name: String(pair.key.value),
      value: yamlValue(pair.value),
      source: 'front-matter',
    });
  }
  return undefined;
}

/** A front-matter value as text: a scalar as written, a list joined with commas; a mapping is not a value. */
function yamlValue(node: unknown): string {
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  if (isSeq(node))
    return node.items
      .map(yamlValue)
      .filter((v) => v !== '')
      .join(', ');
  return isMap(node) && node.items.length > 0 ? '…' : '';
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

/** Collects a list item (a step, and a task item when it has a box); returns its name, for the items inside it. */
function collectListItem(view: DocumentView, node: ListItem, nesting: number, parents: string[]): string {
  const pos = at(node);
  const first = node.children[0];
  const paragraph = first?.type === 'paragraph' ? first : undefined;
  const text = paragraph ? inlineText(paragraph.children).trim() : '';
  view.steps.push({ ...pos, text });
  const labelled = paragraph ? splitLabel(paragraph.children) : undefined;
  if (typeof node.checked === 'boolean') {
    view.items.push({
      ...pos,
      checked: node.checked,
      label: labelled?.label,
      text,
      rest: labelled ? labelled.rest : text,
      nesting,
      parents,
      end: node.position?.end.offset ?? pos.offset,
    });
  }
  return (labelled?.label ?? text).replace(/\s+/g, ' ').trim();
}

function collectTable(view: DocumentView, node: MdTable, linkReferences: LinkReference[]): void {
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
      visitPhrasing(view, cell.children, linkReferences);
    });
    return { ...at(row), cells, values };
  });
  view.tables.push({ ...at(node), header, rows });
  // A two-column table of names and values: `| **Owner** | team-a |`.
  if (header.length !== 2) return;
  for (const row of rows) {
    const name = row.values[0]!.replace(/:\s*$/, '').trim();
    if (name !== '') view.fields.push({ ...row, name, value: row.values[1] ?? '', source: 'table' });
  }
}

/** A reference-style link (`[text][label]`, `[label]`), resolved once the document's definitions are known. */
interface LinkReference {
  at: Position;
  identifier: string;
}

function visitPhrasing(view: DocumentView, nodes: PhrasingContent[], linkReferences: LinkReference[]): void {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link') {
      view.references.push({ ...at(node), target: node.url, kind: 'link' });
    } else if (node.type === 'linkReference') {
      linkReferences.push({ at: at(node), identifier: node.identifier });
    } else if (node.type === 'inlineCode') {
      view.references.push({ ...at(node), target: node.value, kind: 'code' });
    } else if (node.type === 'html' && !node.value.startsWith('<!--')) {
      view.html.push({ ...at(node), value: node.value });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      view.media.push(at(node));
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
  // The last line start at or before the offset.
  const line = lowerBound(starts, offset + 1) - 1;
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
}

/**
 * What a section holds, subsections included, as text: paragraphs, cells,
 * code, and "an image" / "HTML content" for what has no text but is shown. Headings
 * and HTML comments are not content; `<br>` alone is nothing. `withoutBoxes`:
 * the prose around a checklist, its task items left out.
 */
export function sectionBody(view: DocumentView, section: Section, options: { withoutBoxes?: boolean } = {}): string {
  // Boxes come in document order, an outer one before those nested in it: keep the outer ranges.
  const boxes: { offset: number; end: number }[] = [];
  for (const box of options.withoutBoxes ? inSection(view.items, section) : []) {
    if (boxes.length === 0 || box.offset >= boxes.at(-1)!.end) boxes.push({ offset: box.offset, end: box.end });
  }
  const parts: { offset: number; text: string }[] = [
    ...inSection(view.texts, section).filter((t) => t.kind !== 'heading'),
    ...inSection(view.code, section),
    ...inSection(view.media, section).map((m) => ({ offset: m.offset, text: 'an image' })),
    ...inSection(view.html, section)
      .filter((h) => /<(?!br\b)[a-z]/i.test(h.value) && !/^\s*<h[1-6][\s>]/i.test(h.value))
      .map((h) => ({ offset: h.offset, text: 'HTML content' })),
  ].sort((a, b) => a.offset - b.offset);
  const out: string[] = [];
  let box = 0;
  for (const part of parts) {
    while (box < boxes.length && boxes[box]!.end <= part.offset) box++;
    if (box < boxes.length && part.offset >= boxes[box]!.offset) continue;
    const text = part.text.trim();
    if (text !== '') out.push(text);
  }
  return out.join('\n');
}

/** The sections that hold a position, outermost first. */
export function sectionsAround(view: DocumentView, offset: number): Section[] {
  return view.sections.filter((s) => offset >= s.contentStart && offset < s.end);
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
