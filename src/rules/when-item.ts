/**
 * `when-item`: a pull request that matches a `when` entry has each item the
 * entry requires ticked. A waiver is not accepted here: a migration changed,
 * so "Database Migrations: N/A" cannot be true.
 */
import { aliasesOf, findItems } from '../model/checklist.js';
import { at, type RawFinding } from '../model/finding.js';
import { matchedEntries } from '../model/conditions.js';
import { defineRule } from './rule.js';

const CONFIG =
  "when:\n  - name: Database migrations\n    changed-files: ['migrations/**']\n    require: {items: [Database Migrations]}\n";

export const whenItem = defineRule({
  id: 'when-item',
  kind: 'pull-request',
  title: 'Every item a matched `when` entry requires is ticked',
  description: 'a matched `when` entry’s `require.items` are ticked (a waiver is not accepted)',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'a migration changed and the item is waived',
      config: CONFIG,
      text: '## Deployment\n- [ ] **Database Migrations**: N/A — no schema change\n',
      pullRequest: { changedFiles: { files: [{ path: 'migrations/0042_add_index.sql' }], truncated: false, total: 1 } },
      findings: [
        '2:1 Waiver not accepted: "Database migrations" matched migrations/0042_add_index.sql, so "Database Migrations" must be ticked.',
      ],
    },
    {
      name: 'waived under the alias the config gives the item',
      config: `${CONFIG}pull-request:\n  sections:\n    - name: Deployment\n      items: [{label: Database Migrations, aliases: [Schema changes]}]\n`,
      text: '## Deployment\n- [ ] **Schema changes**: N/A — no schema change\n',
      pullRequest: { changedFiles: { files: [{ path: 'migrations/0042_add_index.sql' }], truncated: false, total: 1 } },
      findings: [
        '2:1 Waiver not accepted: "Database migrations" matched migrations/0042_add_index.sql, so "Database Migrations" must be ticked.',
      ],
    },
    {
      name: 'an answer the description gives asks for its follow-up, named by where it stands',
      config:
        "extends: none\nwhen:\n  - name: Catalog changed\n    ticked: ['Catalog upgrade > Yes']\n    require: {items: ['Catalog upgrade > Yes > Updated docs with SQL for downgrading']}\n",
      text: '#### Catalog upgrade\n- [ ] No\n- [x] Yes\n  - [ ] Updated docs with SQL for downgrading the catalog\n\n#### Metadata\n- [x] No\n- [ ] Yes\n',
      findings: [
        '4:3 "Catalog upgrade > Yes > Updated docs with SQL for downgrading" is not ticked: "Catalog changed" matched. Tick it once done.',
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
        '6:1 "Database Migrations" appears twice (lines 2 and 6): "Database migrations" matched migrations/0042_add_index.sql, and the gate will not guess which one counts. Keep one, ticked.',
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
            at(
              second.item,
              `"${label}" appears twice (lines ${found.item.line} and ${second.item.line}): ${why}, and the gate will not guess which one counts. Keep one, ticked.`,
            ),
          );
        } else if (!found) {
          out.push({ message: `${why}: add "- [ ] **${label}**" and tick it.`, line: 1, column: 1 });
        } else if (found.state.kind !== 'checked') {
          const what = found.state.kind === 'unchecked' ? 'is not ticked' : 'is waived, and a waiver is not accepted';
          out.push(
            at(
              found.item,
              found.state.kind === 'unchecked'
                ? `"${label}" ${what}: ${why}. Tick it once done.`
                : `Waiver not accepted: ${why}, so "${label}" must be ticked.`,
            ),
          );
        }
      }
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
