/** `ops-resource-placeholder`: Resource Estimates hold numbers, not the template's `X MB`, `Y%` or `X`. */
import { at, gatherOf, NAMES, type RawFinding } from '../model/finding.js';
import { operationsReview, reviewTables } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const PLACEHOLDER = /^[XYN]\s*(%|[KMGTP]i?B|cores?|ops|rps)?$/i;

const messages = {
  placeholder:
    '"{{resource}}" in "{{section}}" still has the placeholder "{{value}}" under "{{column}}". Put the estimate.',
  placeholderTogether: 'Still the template\'s placeholders in "{{section}}": {{names}}. Put the estimates.',
};
const say = sayer(messages);

export const opsResourcePlaceholder = defineRule({
  id: 'ops-resource-placeholder',
  kind: 'pull-request',
  title: 'Resource Estimates are filled in',
  description: 'Resource Estimates still reading `X MB`, `Y%`',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'an estimate left as the placeholder',
      text: '## Operations Review\n### Resource Estimates\n| Resource | Expected | Peak |\n|---|---|---|\n| Memory | X MB | 512 MB |\n',
      findings: [
        {
          at: '5:1',
          id: 'placeholder',
          data: { resource: 'Memory', section: 'Resource Estimates', value: 'X MB', column: 'Expected' },
        },
      ],
    },
    {
      name: 'estimates given',
      text: '## Operations Review\n### Resource Estimates\n| Resource | Expected | Peak |\n|---|---|---|\n| Memory | 256 MB | 512 MB |\n',
      findings: [],
    },
  ],
  check({ doc }) {
    if (!operationsReview(doc)) return undefined;
    const out: RawFinding[] = [];
    for (const { name, table } of reviewTables(doc, ['Resource Estimates'])) {
      for (const row of table.rows) {
        row.values.forEach((value, i) => {
          if (i === 0 || !PLACEHOLDER.test(value)) return;
          const column = table.header[i] ?? `column ${i + 1}`;
          const resource = row.values[0] ?? '';
          out.push({
            ...at(row, say('placeholder', { resource, section: name, value, column })),
            gather: gatherOf(
              `placeholder\0${name}`,
              `${resource}, ${column}: ${value}`,
              say('placeholderTogether', { section: name, names: NAMES }),
            ),
          });
        });
      }
    }
    return out;
  },
});
