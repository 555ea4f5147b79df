/**
 * Text from a pull request is untrusted. Before it is echoed into Markdown
 * that GitHub renders (comment, check run, job summary) it is neutralised:
 * HTML escaped, Markdown punctuation escaped so it cannot open links, code
 * or tables, line breaks folded, every `@` followed by a zero-width space
 * so no user or team is mentioned, and bare URLs (`https://…`, `www.…`)
 * broken with one so GitHub does not turn them into links. Encoded forms
 * such as `&#64;` stay inert because `&` itself is escaped. References
 * GitHub links after rendering are broken the same way: `#12`,
 * `owner/repo#12`, `GH-12` and commit SHAs (7 to 40 hex characters, cut
 * into runs of six), so an echoed reference neither links nor posts a
 * backlink on another issue.
 */
import type { MessagePart } from '../model/messages.js';

const ZERO_WIDTH_SPACE = '\u200b';
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const BIDI_AND_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
const MARKDOWN = /[\\`*_[\]{}()#+!|~]/g;

export function neutralise(text: string): string {
  return text
    .replace(BIDI_AND_CONTROL, '')
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN, (c) => `\\${c}`)
    .replace(/[@＠]/g, (c) => `${c}${ZERO_WIDTH_SPACE}`)
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, `$1${ZERO_WIDTH_SPACE}:`)
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}-`)
    .replace(/\b[0-9a-f]{7,}\b/gi, (hex) => hex.match(/.{1,6}/g)!.join(ZERO_WIDTH_SPACE));
}

/**
 * A finding's message in Markdown: the rule's own words render as written
 * (its code spans as code: `docs/runbooks/name.md`), neutralised around
 * them as any text is; the data put in them is neutralised, or, inside one
 * of the rule's code spans, kept literal with no backtick to close it. A
 * message whose parts are not known, or do not make it up, is neutralised
 * whole.
 */
export function messageMarkdown(message: string, parts?: readonly MessagePart[]): string {
  if (!parts || parts.map((p) => p.text).join('') !== message) return neutralise(message);
  let out = '';
  let inCode = false;
  for (const part of parts) {
    if (part.data) {
      out += inCode ? codeText(part.text) : neutralise(part.text);
      continue;
    }
    part.text.split('`').forEach((piece, i) => {
      if (i > 0) {
        out += '`';
        inCode = !inCode;
      }
      out += inCode ? codeText(piece) : neutralise(piece);
    });
  }
  // A backtick the rule's words leave open would take what follows into code: said as plain text instead.
  return inCode ? neutralise(message) : out;
}

/** Text inside a code span: shown as it is, on one line, with no backtick that could end the span. */
function codeText(text: string): string {
  return text.replace(BIDI_AND_CONTROL, '').replace(/\s+/g, ' ').replace(/`/g, "'");
}
