/** `when-section`: a pull request that matches a `when` entry has each section the entry requires. */
import { findSection } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import type { RawFinding } from '../model/finding.js';
import { matchedEntries } from '../model/conditions.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  missing: '"{{entry}}" matched ({{reasons}}): add a "## {{section}}" section.',
};
const say = sayer(messages);

export const whenSection = defineRule({
  id: 'when-section',
  kind: 'pull-request',
  title: 'Every section a matched `when` entry requires is there',
  description:
    'a matched `when` entry’s `require.sections` are in the description (an Operations Review then passes its rules)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'a hotfix without an Operations Review',
      config: 'when:\n  - name: Hotfix\n    labels: [hotfix]\n    require: {sections: [Operations Review]}\n',
      text: '## Summary\nFix the retry storm.\n',
      pullRequest: { labels: ['hotfix'] },
      findings: [
        { at: '1:1', id: 'missing', data: { entry: 'Hotfix', reasons: 'label: hotfix', section: 'Operations Review' } },
      ],
    },
    {
      name: 'no label, nothing owed',
      config: 'when:\n  - name: Hotfix\n    labels: [hotfix]\n    require: {sections: [Operations Review]}\n',
      text: '## Summary\nFix the retry storm.\n',
      pullRequest: { labels: [] },
      findings: [],
    },
  ],
  check({ doc, spec, when }) {
    if (!spec.when.some((w) => w.require.sections.length > 0)) return undefined;
    const out: RawFinding[] = [];
    for (const match of when.matched) {
      for (const name of match.entry.require.sections) {
        if (findSection(doc, keysOf({ name }))) continue;
        out.push({
          message: say('missing', { entry: match.entry.name, reasons: match.reasons.join('; '), section: name }),
          line: 1,
          column: 1,
        });
      }
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
