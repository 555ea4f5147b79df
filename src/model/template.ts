/**
 * The repository's own pull-request template, read as the baseline of what
 * the author wrote: what the description still holds of the template as it
 * was written (its prose, questions, placeholders, option lists, example
 * values) is not the author's text. A reviewer's first look is always "is
 * this still the template?"; this is how the gate asks it.
 *
 * GitHub looks for the template in `.github/`, the root and `docs/`, as
 * `pull_request_template.md` in any case, and in a `PULL_REQUEST_TEMPLATE/`
 * folder there for several; with several, the description's `?template=`
 * link names one, else the one whose headings it follows is taken (the
 * places: `template-paths.ts`).
 */
import { parseDocument, sectionBody, type DocumentView } from '../markdown/document.js';

/** A template as the gate read it: where, and its text. */
export interface TemplateFile {
  path: string;
  text: string;
}

/**
 * The template a description was written from, among those the repository
 * has: the one its `?template=` link names, else the one whose headings it
 * shares the most (ties: the first, GitHub's default order).
 */
export function templateFor(candidates: readonly TemplateFile[], description: string): TemplateFile | undefined {
  if (candidates.length <= 1) return candidates[0];
  const named = /[?&]template=([^&\s)#]+)/.exec(description)?.[1];
  if (named) {
    const wanted = decodeURIComponent(named).toLowerCase();
    const found = candidates.find((c) => c.path.toLowerCase().endsWith(`/${wanted}`));
    if (found) return found;
  }
  const headings = new Set(parseDocument(description).sections.map((s) => s.key));
  const scored = candidates.map((c) => ({
    c,
    score: parseDocument(c.text).sections.filter((s) => headings.has(s.key)).length,
  }));
  return scored.reduce((best, next) => (next.score > best.score ? next : best)).c;
}

/** A line as the template and the author may both have written it: case, spacing, list markers and emphasis aside. */
export function normaliseLine(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:]+$/, '')
    .trim()
    .toLowerCase();
}

/** An option list the template offers inline: `(yes / no / don't know)`, on a line that asks a question. */
export interface Choice {
  /** The question, normalised (`normaliseLine`): the text before the options. */
  question: string;
  /** The question as the template words it. */
  asked: string;
  /** The options, as written. */
  options: string[];
  /** The line of the template it is on. */
  line: number;
}

/** A field line the template gives: `Risk Level:`, `Issue Number: close #xxx`. */
export interface TemplateField {
  label: string;
  /** What the template writes after the label: empty, or its example (`close #xxx`). */
  value: string;
  line: number;
}

/** Paragraphs the template offers as alternatives to pick one of, with `(or)` between them. */
export interface Alternatives {
  /** The section they are in, as its heading reads and as its key. */
  section: string;
  key: string;
  /** Each option's first words, normalised: how it is told in the description, edited or not. */
  options: string[];
}

export interface TemplateView {
  file: TemplateFile;
  /** The alternatives it offers. */
  alternatives: Alternatives[];
  /** The template's own text lines, normalised, by section key (`''`: before the first heading). */
  lines: ReadonlyMap<string, ReadonlySet<string>>;
  /** The option lists it offers inline. */
  choices: Choice[];
  /** Its field lines. */
  fields: TemplateField[];
}

/** Inline options: two or more short words between parentheses, separated by slashes. */
const OPTIONS = /\(\s*([^()/\n]{1,40}(?:\/[^()/\n]{1,40})+)\)/;
/** A field line: a label of a few words ending in a colon, then what goes with it. */
const FIELD = /^\s*([A-Z][\w ()'?/-]{1,60}?)\s*:\s*(.*?)\s*$/i;

export function readTemplate(file: TemplateFile): TemplateView {
  const doc = parseDocument(file.text);
  const lines = new Map<string, Set<string>>();
  const add = (key: string, text: string) => {
    const set = lines.get(key) ?? new Set<string>();
    for (const line of text.split('\n')) {
      const normal = normaliseLine(line);
      if (normal !== '') set.add(normal);
    }
    lines.set(key, set);
  };
  for (const section of doc.sections) add(section.key, sectionBody(doc, section));
  add('', preamble(doc));
  // Every block of the template, wherever it stands, for a description that moved it: the whole is `''`'s too.
  for (const block of [...doc.texts.filter((t) => t.kind !== 'heading'), ...doc.code]) add('', block.text);
  for (const item of doc.items) add('', item.text);
  return {
    file,
    lines,
    choices: choicesIn(file.text),
    fields: fieldsIn(file.text),
    alternatives: doc.sections.flatMap((section) => {
      const body = withoutComments(doc.source.slice(section.contentStart, section.end));
      return alternativesIn(body).map((options) => ({ section: section.title, key: section.key, options }));
    }),
  };
}

/** The text before the first heading, outside HTML comments. */
function preamble(doc: DocumentView): string {
  const first = doc.sections[0]?.offset ?? doc.source.length;
  return withoutComments(doc.source.slice(0, first));
}

const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ''));

function choicesIn(text: string): Choice[] {
  const out: Choice[] = [];
  withoutComments(text)
    .split('\n')
    .forEach((raw, i) => {
      const match = OPTIONS.exec(raw);
      if (!match) return;
      const options = match[1]!.split('/').map((o) => o.trim());
      if (options.some((o) => o === '' || o.split(/\s+/).length > 4)) return;
      const before = raw.slice(0, match.index);
      const question = normaliseLine(before).replace(/[\s:?]+$/, '');
      if (question === '') return;
      const asked = before
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
        .replace(/[*_`]+/g, '')
        .replace(/[\s:]+$/, '')
        .trim();
      out.push({ question, asked, options, line: i + 1 });
    });
  return out;
}

/**
 * The field lines of the template: a short label and a colon, then nothing
 * or a short example (`Risk Level:`, `Issue Number: close #xxx`), on a line
 * of its own outside lists, code and comments. A line of prose with a colon
 * in it (`Note: keep the title short and say what changes`) is no field.
 */
function fieldsIn(text: string): TemplateField[] {
  const out: TemplateField[] = [];
  let fenced = false;
  const lines = withoutComments(text).split('\n');
  lines.forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    // Indented four or more: part of the list item above (a box's note), not a line of its own.
    if (fenced || /^ {4,}\S/.test(raw)) return;
    // A label in bold, or as a list item (`- Issue link:`), is a field too; a box, a quote or a heading is not.
    const line = raw.replace(/^\s*[-*+]\s+(?!\[[ xX]\])/, '').replace(/\*\*|__/g, '');
    if (/^\s*(?:[-*+>#]|\d+[.)])/.test(line) || /\]\(/.test(line) || /^\s*\[/.test(line)) return;
    const match = FIELD.exec(line);
    if (!match || /https?$/i.test(match[1]!)) return;
    const value = match[2]!.trim();
    // A value that offers options inline is a question (`template-choice`), not a field; a link is no example.
    if (value.split(/\s+/).length > 4 || OPTIONS.test(value) || /^<?https?:\/\//.test(value)) return;
    // A line that introduces what follows it (a list, "as follows:") is not a field to fill in.
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    const item = /^\s*[-*+]\s/.test(raw);
    if (!item && value === '' && next !== undefined && /^\s*(?:[-*+]|\d+[.)])\s/.test(next)) return;
    if (/(?:the following|as follows)$/i.test(match[1]!)) return;
    out.push({ label: match[1]!.trim(), value, line: i + 1 });
  });
  return out;
}

/** How an option is told: its first words, normalised. */
export const optionWords = (paragraph: string) => normaliseLine(paragraph).split(' ').slice(0, 6).join(' ');

/** Groups of paragraphs with `(or)` between them: each group's options by their first words. */
function alternativesIn(body: string): string[][] {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const groups: string[][] = [];
  let group: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (normaliseLine(paragraph) !== '(or)') return;
    const before = paragraphs[i - 1];
    const after = paragraphs[i + 1];
    if (before === undefined || after === undefined) return;
    if (group.length === 0) group.push(optionWords(before));
    group.push(optionWords(after));
    if (normaliseLine(paragraphs[i + 2] ?? '') !== '(or)') {
      groups.push(group);
      group = [];
    }
  });
  return groups.filter((g) => g.length > 1);
}

/**
 * Whether a description holds nothing of its author's: every line of its
 * text (headings aside) is one of the template's own, wherever in the
 * template it stands, and no box is ticked.
 */
export function onlyTemplate(template: TemplateView, doc: DocumentView): boolean {
  if (doc.items.some((item) => item.checked)) return false;
  const all = new Set([...template.lines.values()].flatMap((set) => [...set]));
  const blocks = [
    ...doc.texts.filter((t) => t.kind !== 'heading').map((t) => t.text),
    ...doc.code.map((c) => c.text),
    ...doc.items.map((i) => i.text),
  ];
  return blocks.every((block) =>
    block.split('\n').every((line) => all.has(normaliseLine(line)) || normaliseLine(line) === ''),
  );
}

/** The author's lines of a section: those the template does not hold itself. */
export function authorsLines(template: TemplateView | undefined, sectionKey: string, body: string): string {
  const own = template?.lines.get(sectionKey);
  if (!own || own.size === 0) return body;
  return body
    .split('\n')
    .filter((line) => !own.has(normaliseLine(line)))
    .join('\n');
}
