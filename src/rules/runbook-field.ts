/**
 * `runbook-field`: each field a team template lists is there, once, filled
 * in (not near-empty), and one of its `allowed` values when it has any.
 * A field is a bold label (`**Owner**: team-a`, or `**Key events**` over a
 * list or paragraphs), a two-column table's row, or a front-matter key (see
 * `markdown/document.ts`). Risk levels and severities read by key: `Medium
 * (customer-facing)` is Medium.
 */
import { headingKey } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { nearEmptyReason, placeholderPattern } from '../model/near-empty.js';
import { fieldsNamed } from '../model/runbook-template.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CONFIG =
  "runbooks:\n  templates:\n    - name: alerts\n      paths: ['docs/**']\n      fields: [Summary, {name: Severity, allowed: [critical, warning, info]}]\n";

const messages = {
  frontMatter: 'The front matter is not valid YAML ({{error}}), so its fields cannot be read. Fix it.',
  missingFrontMatter: 'The runbook has no "{{field}}" field. Add "{{field}}: …" to its front matter.',
  missing: 'The runbook has no "**{{field}}**:" field. Add "**{{field}}**: …".',
  twice: '"{{field}}" is given twice (lines {{first}} and {{second}}). Keep one.',
  empty: '"{{field}}" is empty. Write the value after "**{{field}}**:".',
  placeholder: '"{{field}}" holds {{what}}. Write the value after "**{{field}}**:".',
  notAllowed: '"{{field}}" is "{{value}}". Write one of {{allowed}}.',
};
const say = sayer(messages);

export const runbookField = defineRule({
  id: 'runbook-field',
  kind: 'runbook',
  title: 'Every field the template asks for is filled in',
  description:
    "the team template's `fields` (bold labels, two-column tables, front matter) are there once, filled, with an allowed value",
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'a field missing, another with a value not allowed',
      config: CONFIG,
      text: '# KubeletDown\n**Severity**: high\n',
      findings: [
        { at: '1:1', id: 'missing', data: { field: 'Summary' } },
        { at: '2:1', id: 'notAllowed', data: { field: 'Severity', value: 'high', allowed: 'critical, warning, info' } },
      ],
    },
    {
      name: 'a value that says nothing',
      config: CONFIG,
      text: '# KubeletDown\n**Summary**: To be written.\n**Severity**: critical\n',
      findings: [{ at: '2:1', id: 'placeholder', data: { field: 'Summary', what: 'only "To be written"' } }],
    },
    {
      name: 'filled in',
      config: CONFIG,
      text: '# KubeletDown\n**Summary**: The kubelet is down.\n**Severity**: Critical (pages)\n',
      findings: [],
    },
    {
      name: 'front matter, a value over several lines, a table',
      config: CONFIG,
      text: '---\nseverity: warning\n---\n# KubeletDown\n- **Summary**\n  - The kubelet stopped reporting.\n',
      findings: [],
    },
    {
      name: 'front matter that does not parse',
      config: CONFIG,
      text: '---\nseverity: [critical\n---\n# KubeletDown\n',
      findings: [
        {
          at: '2:20',
          id: 'frontMatter',
          data: { error: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
        },
      ],
    },
    {
      name: 'a two-column table',
      config: CONFIG,
      text: '# KubeletDown\n\n| Field | Value |\n| --- | --- |\n| **Summary** | The kubelet is down. |\n| Severity | info |\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const { fields } = spec.template;
    if (fields.length === 0) return undefined;
    const out: RawFinding[] = [];
    const own = spec.template.placeholders.map(placeholderPattern);
    const broken = doc.frontMatterError;
    if (broken) {
      // What the fields hold is unknown: one finding, not one per field.
      return [at(broken, say('frontMatter', { error: broken.message }))];
    }
    // Say where to add a missing field as the template's other fields are written: front matter, or bold labels.
    const found = fields.flatMap((w) => fieldsNamed(doc, w.name).slice(0, 1));
    const inFrontMatter = found.length > 0 && found.every((f) => f.source === 'front-matter');
    for (const wanted of fields) {
      const [field, second] = fieldsNamed(doc, wanted.name);
      if (!field) {
        out.push({
          message: say(inFrontMatter ? 'missingFrontMatter' : 'missing', { field: wanted.name }),
          line: 1,
          column: 1,
        });
        continue;
      }
      if (second) {
        out.push(at(second, say('twice', { field: wanted.name, first: field.line, second: second.line })));
      }
      const why = nearEmptyReason(field.value, own);
      if (why !== undefined) {
        out.push(
          at(
            field,
            why === 'nothing'
              ? say('empty', { field: wanted.name })
              : say('placeholder', { field: wanted.name, what: why }),
          ),
        );
      } else if (wanted.allowed.length > 0 && !wanted.allowed.map(headingKey).includes(headingKey(field.value))) {
        out.push(
          at(field, say('notAllowed', { field: wanted.name, value: field.value, allowed: wanted.allowed.join(', ') })),
        );
      }
    }
    return out;
  },
});
