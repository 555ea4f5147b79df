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
import { defineRule } from './rule.js';

export const itemDuplicate = defineRule({
  id: 'item-duplicate',
  kind: 'pull-request',
  title: 'Every required section and item appears once',
  description: 'a required section or checklist item appears only once (a second copy, even in `<details>`, fails)',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'an item ticked in a hidden copy',
      text: '## Reliability\n- [ ] **Timeouts**: not yet\n\n<details>\n\n- [x] **Timeouts**\n\n</details>\n',
      findings: [
        '6:1 "Timeouts" appears twice (lines 2 and 6): the gate reads the one in "Reliability" and a reviewer may read the other. Keep one.',
      ],
    },
    {
      name: 'a section given twice',
      text: '## Monitoring\n- [x] **Metrics**\n## Monitoring\n- [ ] **Metrics**\n',
      findings: [
        '3:1 Section "Monitoring" appears twice (lines 1 and 3): the gate reads the first. Merge them into one.',
        '4:1 "Metrics" appears twice (lines 2 and 4): the gate reads the one in "Monitoring" and a reviewer may read the other. Keep one.',
      ],
    },
    {
      name: 'a copy told apart only by an invisible character',
      text: '## Reliability\n- [ ] **Timeouts**: not yet\n\n<details>\n\n- [x] **Time\u200bouts**\n\n</details>\n',
      findings: [
        '6:1 "Timeouts" appears twice (lines 2 and 6): the gate reads the one in "Reliability" and a reviewer may read the other. Keep one.',
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
          at(
            duplicate,
            `Section "${wanted.name}" appears twice (lines ${section.line} and ${duplicate.line}): the gate reads the first. Merge them into one.`,
          ),
        );
      }
      for (const match of items) {
        if (!match.item || !match.duplicate) continue;
        const [first, second] = [match.item, match.duplicate].sort((a, b) => a.offset - b.offset);
        out.push(
          at(
            second!,
            `"${match.label}" appears twice (lines ${first!.line} and ${second!.line}): the gate reads the one in "${wanted.name}" and a reviewer may read the other. Keep one.`,
          ),
        );
      }
    }
    return out;
  },
});
