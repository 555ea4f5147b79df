/**
 * `runbook-placeholder`: no template placeholder is left in a runbook: the
 * template's `[Command or action]`, `[What this does]`, `[Time]`,
 * `[Issue and workaround]`, and any text that, after its label, is only a
 * bracketed placeholder (`- **Metrics**: [What to check]`).
 *
 * Fails: `1. [ ] Step 1: [Command or action]`
 * Message: `Template placeholder "[Command or action]" left in. Replace it with the real command or text.`
 */
import { positionAt, type DocumentView, type Position, type TextBlock } from '../markdown/document.js';
import { at, type RawFinding, type RunbookRule } from './rule.js';

const KNOWN =
  /\[(?:command or action|what this does|time|issue and workaround|deployment\/operation name|what to check)\]/gi;
const LABEL = /^[^:[\]]{0,60}:\s*/;
const ONLY_BRACKETS = /^\[[^\]]+\]$/;

export const runbookPlaceholder: RunbookRule = {
  id: 'runbook-placeholder',
  target: 'runbook',
  title: 'No template placeholder is left',
  check({ doc }) {
    const out: RawFinding[] = [];
    for (const block of doc.texts) {
      const text = block.prose.trim();
      let found = false;
      for (const match of text.matchAll(KNOWN)) {
        found = true;
        out.push(at(locate(doc, match[0], block), message(match[0])));
      }
      if (found) continue;
      const rest = text.replace(LABEL, '');
      if (!ONLY_BRACKETS.test(rest)) continue;
      out.push(at(locate(doc, rest, block), message(rest)));
    }
    return out;
  },
};

/** Where `text` stands in the source, searched within the block; the block itself when escapes hide it. */
function locate(doc: DocumentView, text: string, block: TextBlock): Position {
  // Search only the block's own stretch of source: a scan to the end for every block would be quadratic.
  const window = doc.source.slice(block.offset, block.offset + block.text.length * 2 + 16);
  const found = window.indexOf(text);
  return found >= 0 ? positionAt(doc, block.offset + found) : block;
}

function message(placeholder: string): string {
  return `Template placeholder "${placeholder}" left in. Replace it with the real command or text.`;
}
