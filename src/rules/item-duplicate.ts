/**
 * `item-duplicate`: a required section heading, or a required checklist
 * item, appears once. With two, the gate reads one and a reviewer may read
 * the other (a copy further down, in a `<details>` block), so neither
 * "first one wins" nor "last one wins" is safe. An item is the same item
 * only in the same place: "Yes" under another question (another section,
 * or nested under another item) is another item.
 */
import { matchSections } from '../model/checklist.js';
import { at, type RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  sectionTwice:
    'Section "{{section}}" appears twice (lines {{first}} and {{second}}): the gate reads the first. Merge them into one.',
  itemTwice:
    '"{{item}}" appears twice (lines {{first}} and {{second}}): the gate reads the one in "{{section}}" and a reviewer may read the other. Keep one.',
};
const say = sayer(messages);

export const itemDuplicate = defineRule({
  id: 'item-duplicate',
  kind: 'pull-request',
  title: 'Every required section and item appears once',
  description: 'a required section or checklist item appears only once (a second copy, even in `<details>`, fails)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'an item ticked in a hidden copy',
      text: '## Reliability\n- [ ] **Timeouts**: not yet\n\n<details>\n\n- [x] **Timeouts**\n\n</details>\n',
      findings: [
        { at: '6:1', id: 'itemTwice', data: { item: 'Timeouts', first: '2', second: '6', section: 'Reliability' } },
      ],
    },
    {
      name: 'a section given twice',
      text: '## Monitoring\n- [x] **Metrics**\n## Monitoring\n- [ ] **Metrics**\n',
      findings: [
        { at: '3:1', id: 'sectionTwice', data: { section: 'Monitoring', first: '1', second: '3' } },
        { at: '4:1', id: 'itemTwice', data: { item: 'Metrics', first: '2', second: '4', section: 'Monitoring' } },
      ],
    },
    {
      name: 'a copy told apart only by an invisible character',
      text: '## Reliability\n- [ ] **Timeouts**: not yet\n\n<details>\n\n- [x] **Time\u200bouts**\n\n</details>\n',
      findings: [
        { at: '6:1', id: 'itemTwice', data: { item: 'Timeouts', first: '2', second: '6', section: 'Reliability' } },
      ],
    },
    {
      name: 'the same answer to different questions',
      config:
        "extends: none\npull-request:\n  sections:\n    - {name: Catalog upgrade, policy: one, items: ['No', 'Yes']}\n    - {name: Metadata, policy: one, items: ['No', 'Yes']}\n",
      text: '#### Catalog upgrade\n- [x] No\n- [ ] Yes\n\n#### Metadata\n- [ ] No\n- [x] Yes\n  - Does `run_sql` manage it?\n    - [x] Yes\n    - [ ] Not required\n',
      findings: [],
    },
    { name: 'each once', text: '## Reliability\n- [x] **Timeouts**\n## Notes\n- [x] Tests pass\n', findings: [] },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    for (const { spec: wanted, section, duplicate, items } of matchSections(doc, spec.sections)) {
      if (section && duplicate) {
        out.push(
          at(duplicate, say('sectionTwice', { section: wanted.name, first: section.line, second: duplicate.line })),
        );
      }
      for (const match of items) {
        if (!match.item || !match.duplicate) continue;
        const [first, second] = [match.item, match.duplicate].sort((a, b) => a.offset - b.offset);
        out.push(
          at(
            second!,
            say('itemTwice', { item: match.label, first: first!.line, second: second!.line, section: wanted.name }),
          ),
        );
      }
    }
    return out;
  },
});
