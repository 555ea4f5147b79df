/**
 * `when-item`: a pull request that matches a `when` entry has each item the
 * entry requires ticked. A waiver is not accepted here: a migration changed,
 * so "Database Migrations: N/A" cannot be true.
 */
import { aliasesOf, findItems } from '../model/checklist.js';
import { at, type RawFinding } from '../model/finding.js';
import { matchedEntries } from '../model/conditions.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CONFIG =
  "when:\n  - name: Database migrations\n    changed-files: ['migrations/**']\n    require: {items: [Database Migrations]}\n";

const messages = {
  twice:
    '"{{item}}" appears twice (lines {{first}} and {{second}}): {{why}}, and the gate will not guess which one counts. Keep one, ticked.',
  missing: '{{why}}: add "- [ ] **{{item}}**" and tick it.',
  notTicked: '"{{item}}" is not ticked: {{why}}. Tick it once done.',
  waived: 'Waiver not accepted: {{why}}, so "{{item}}" must be ticked.',
};
const say = sayer(messages);

export const whenItem = defineRule({
  id: 'when-item',
  kind: 'pull-request',
  title: 'Every item a matched `when` entry requires is ticked',
  description: 'a matched `when` entry’s `require.items` are ticked (a waiver is not accepted)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'a migration changed and the item is waived',
      config: CONFIG,
      text: '## Deployment\n- [ ] **Database Migrations**: N/A — no schema change\n',
      pullRequest: { changedFiles: { files: [{ path: 'migrations/0042_add_index.sql' }], truncated: false, total: 1 } },
      findings: [
        {
          at: '2:1',
          id: 'waived',
          data: { why: '"Database migrations" matched migrations/0042_add_index.sql', item: 'Database Migrations' },
        },
      ],
    },
    {
      name: 'waived under the alias the config gives the item',
      config: `${CONFIG}pull-request:\n  sections:\n    - name: Deployment\n      items: [{label: Database Migrations, aliases: [Schema changes]}]\n`,
      text: '## Deployment\n- [ ] **Schema changes**: N/A — no schema change\n',
      pullRequest: { changedFiles: { files: [{ path: 'migrations/0042_add_index.sql' }], truncated: false, total: 1 } },
      findings: [
        {
          at: '2:1',
          id: 'waived',
          data: { why: '"Database migrations" matched migrations/0042_add_index.sql', item: 'Database Migrations' },
        },
      ],
    },
    {
      name: 'an answer the description gives asks for its follow-up, named by where it stands',
      config:
        "extends: none\nwhen:\n  - name: Catalog changed\n    ticked: ['Catalog upgrade > Yes']\n    require: {items: ['Catalog upgrade > Yes > Updated docs with SQL for downgrading']}\n",
      text: '#### Catalog upgrade\n- [ ] No\n- [x] Yes\n  - [ ] Updated docs with SQL for downgrading the catalog\n\n#### Metadata\n- [x] No\n- [ ] Yes\n',
      findings: [
        {
          at: '4:3',
          id: 'notTicked',
          data: {
            item: 'Catalog upgrade > Yes > Updated docs with SQL for downgrading',
            why: '"Catalog changed" matched',
          },
        },
      ],
    },
    {
      name: 'no migration changed: the waiver stands',
      config: CONFIG,
      text: '## Deployment\n- [ ] **Database Migrations**: N/A — no schema change\n',
      pullRequest: { changedFiles: { files: [{ path: 'src/app.ts' }], truncated: false, total: 1 } },
      findings: [],
    },
    {
      name: 'a ticked copy hidden below does not stand for the waived one',
      config: CONFIG,
      text: '## Deployment\n- [ ] **Database Migrations**: N/A — no schema change\n\n<details>\n\n- [x] **Database Migrations**\n\n</details>\n',
      pullRequest: { changedFiles: { files: [{ path: 'migrations/0042_add_index.sql' }], truncated: false, total: 1 } },
      findings: [
        {
          at: '6:1',
          id: 'twice',
          data: {
            item: 'Database Migrations',
            first: '2',
            second: '6',
            why: '"Database migrations" matched migrations/0042_add_index.sql',
          },
        },
      ],
    },
  ],
  check({ doc, spec, when }) {
    if (!spec.when.some((w) => w.require.items.length > 0)) return undefined;
    const out: RawFinding[] = [];
    for (const match of when.matched) {
      const why = `"${match.entry.name}" matched${match.files.length ? ` ${match.files.join(', ')}` : ''}`;
      for (const label of match.entry.require.items) {
        const [found, second] = findItems(doc, label, aliasesOf(label, spec.sections));
        if (found && second) {
          out.push(
            at(second.item, say('twice', { item: label, first: found.item.line, second: second.item.line, why })),
          );
        } else if (!found) {
          out.push({ message: say('missing', { why, item: label }), line: 1, column: 1 });
        } else if (found.state.kind !== 'checked') {
          out.push(
            at(found.item, say(found.state.kind === 'unchecked' ? 'notTicked' : 'waived', { item: label, why })),
          );
        }
      }
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
