/**
 * The anchors of a Markdown document, as GitHub makes them: each heading's
 * text in lower case, punctuation and symbols removed, spaces made `-`
 * (github-slugger's rules, which common static-site generators follow), a
 * second heading of the same slug suffixed `-1`, a third `-2`; and the
 * anchors a document writes itself: `<a name="x">`, `<a id="x">` and a
 * heading's `{#x}` attribute (kramdown, Pandoc, MkDocs). A link's fragment
 * names one of them, or lands at the top of the file.
 */
import type { DocumentView, Section } from '../markdown/document.js';

/** github-slugger's slug of a heading's text: what follows `#` in the link GitHub puts beside it. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export interface Anchor {
  id: string;
  /** The section it opens; none for an `<a name>` outside a heading. */
  section?: Section;
  line: number;
}

const ATTRIBUTE = /\s*\{#([^\s}]+)\}\s*$/;
const HTML_ANCHOR = /<a\s[^>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']/gi;

/** Every anchor a document has, in order. */
export function anchorsOf(view: DocumentView): Anchor[] {
  const out: Anchor[] = [];
  const seen = new Map<string, number>();
  for (const section of view.sections) {
    const attribute = ATTRIBUTE.exec(section.title);
    if (attribute) {
      out.push({ id: attribute[1]!, section, line: section.line });
      continue;
    }
    const slug = githubSlug(section.title);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    out.push({ id: count === 0 ? slug : `${slug}-${count}`, section, line: section.line });
  }
  // Explicit anchors, in the document's HTML (not in code): on a heading's line they open its section.
  for (const html of view.html) {
    for (const match of html.value.matchAll(HTML_ANCHOR)) {
      const section = view.sections.find((s) => s.line === html.line);
      out.push({ id: match[1]!, ...(section ? { section } : {}), line: html.line });
    }
  }
  return out;
}

/**
 * The anchor a fragment names: as written, else without regard to case (a
 * browser matches ids exactly, GitHub's page also the slug of what is
 * written). Undefined when the document has none by that name.
 */
export function findAnchor(anchors: readonly Anchor[], fragment: string): Anchor | undefined {
  const wanted = fragment.replace(/^user-content-/, '');
  return anchors.find((a) => a.id === wanted) ?? anchors.find((a) => a.id.toLowerCase() === wanted.toLowerCase());
}
