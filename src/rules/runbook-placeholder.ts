/**
 * `runbook-placeholder`: no template placeholder is left in a runbook: the
 * template's `[Command or action]`, `[What this does]`, `[Time]`,
 * `[Issue and workaround]`, and any text that, after its label, is only a
 * bracketed placeholder (`- **Metrics**: [What to check]`).
 */
import { positionAt, type DocumentView, type Position, type TextBlock } from '../markdown/document.js';
import { at, type RawFinding } from '../model/finding.js';
import { defineRule } from './rule.js';

const KNOWN =
  /\[(?:command or action|what this does|time|issue and workaround|deployment\/operation name|what to check)\]/gi;
const LABEL = /^[^:[\]]{0,60}:\s*/;
const ONLY_BRACKETS = /^\[[^\]]+\]$/;

export const runbookPlaceholder = defineRule({
  id: 'runbook-placeholder',
  kind: 'runbook',
  title: 'No template placeholder is left',
  description: 'no template placeholder (`[Command or action]`, `[Time]`, …) is left',
  defaultSeverity: { devops: 'error', none: 'off' },
  examples: [
    {
      name: "a step still reads the template's text",
      text: '## Deployment Steps\n1. [ ] Step 1: [Command or action]\n',
      findings: ['2:16 Template placeholder "[Command or action]" left in. Replace it with the real command or text.'],
    },
    {
      name: 'a value that is only a bracketed placeholder',
      text: '## Verification\n- **Dashboards**: [Which dashboard]\n',
      findings: ['2:19 Template placeholder "[Which dashboard]" left in. Replace it with the real command or text.'],
    },
    {
      name: 'real commands, brackets inside code are not placeholders',
      text: '## Deployment Steps\n1. [x] Step 1: `kubectl rollout restart deploy/[name]`\n',
      findings: [],
    },
  ],
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
});

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
