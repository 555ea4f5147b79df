/**
 * `template-field`: a field line the repository's pull-request template
 * gives (`Issue Number: close #xxx`, or a template made of field lines:
 * `Risk Level:`, `Testing:`) is written: the
 * description's line for it holds a value, after the colon or on the lines
 * below it, that is not the template's own (`#xxx`, its example). A field
 * the author took out is not judged; one left as the template wrote it is.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { normaliseLine, type TemplateField, type TemplateView } from '../model/template.js';
import { defineRule } from './rule.js';

const TIDB =
  '### What problem does this PR solve?\n\nIssue Number: close #xxx\n\nProblem Summary:\n\n### What is changed and how it works?\n';
const ENVOY = 'Commit Message:\nAdditional Description:\nRisk Level:\nTesting:\nDocs Changes:\n';

const messages = {
  empty: 'Field "{{field}}" is empty: write it after "{{field}}:", or "N/A — reason".',
  asTemplate: 'Field "{{field}}" still holds the template\'s "{{value}}": write its value.',
};
const say = sayer(messages);

export const templateField = defineRule({
  id: 'template-field',
  kind: 'pull-request',
  title: 'Every field line of the template is written',
  description:
    "a field line the repository's pull-request template gives (`Risk Level:`, `Issue Number: close #xxx`) holds a value of the author's, not the template's example",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a field line template, partly written',
      template: ENVOY,
      text: 'Commit Message: router: retry on reset\nAdditional Description:\nRisk Level: Low\nTesting:\n  unit tests for the retry budget\nDocs Changes: N/A — no user-facing change\n',
      findings: [{ at: '2:1', id: 'empty', data: { field: 'Additional Description' } }],
    },
    {
      name: "the template's example left above a written summary",
      template: TIDB,
      text: '### What problem does this PR solve?\n\nIssue Number: close #xxx\n\nProblem Summary:\nThe planner picks a full scan when the index is hidden.\n\n### What is changed and how it works?\nThe hint is honoured.\n',
      findings: [{ at: '3:1', id: 'asTemplate', data: { field: 'Issue Number', value: 'close #xxx' } }],
    },
    {
      name: 'every field written, one on the line below its label',
      template: TIDB,
      text: '### What problem does this PR solve?\n\nIssue Number: close #61204\n\nProblem Summary:\nThe planner picks a full scan when the index is hidden.\n',
      findings: [],
    },
  ],
  check({ doc, template }) {
    if (!template || template.fields.length === 0) return undefined;
    const out: RawFinding[] = [];
    const lines = doc.source.split('\n');
    const labelOf = (raw: string) => LABEL.exec(bare(raw))?.[1]?.trim().toLowerCase();
    const labels = new Set(template.fields.map((f) => f.label.toLowerCase()));
    for (const field of template.fields) {
      const at = lines.findIndex((raw) => labelOf(raw) === field.label.toLowerCase());
      if (at < 0) continue;
      const value = valueAt(lines, at, labels, template.lines);
      const problem = problemOf(field, value);
      if (problem) out.push({ message: problem, line: at + 1, column: 1 });
    }
    return out;
  },
});

/**
 * A field's value: after its colon, or else the lines below it up to the
 * next field, heading or blank line; the template's own lines there (an
 * optional field it offers, `[Optional Fixes #Issue]`) are no value.
 */
function valueAt(
  lines: readonly string[],
  at: number,
  labels: ReadonlySet<string>,
  own: TemplateView['lines'],
): string {
  const template = (line: string) => [...own.values()].some((set) => set.has(normaliseLine(line)));
  const raw = bare(lines[at]!);
  const inline = withoutComments(raw.slice(raw.indexOf(':') + 1)).trim();
  if (inline !== '') return inline;
  const below: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const label = LABEL.exec(bare(line))?.[1]?.trim().toLowerCase();
    if (/^\s*#/.test(line) || (label !== undefined && labels.has(label))) break;
    if (line.trim() === '' && below.length > 0) break;
    if (line.trim() !== '' && !template(line)) below.push(line.trim());
  }
  return below
    .join(' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
}

/** A field's label at the start of a line: after a list marker, in bold or not. */
const LABEL = /^\s*([A-Za-z][\w ()'?/-]{1,60}?)\s*:/;
const bare = (line: string) => line.replace(/^\s*[-*+]\s+(?!\[[ xX]\])/, '').replace(/\*\*|__/g, '');
const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');

function problemOf(field: TemplateField, value: string): string | undefined {
  if (value === '') return say('empty', { field: field.label });
  if (field.value !== '' && normaliseLine(value) === normaliseLine(field.value)) {
    return say('asTemplate', { field: field.label, value: field.value });
  }
  return undefined;
}
