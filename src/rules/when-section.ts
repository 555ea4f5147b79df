/** `when-section`: a pull request that matches a `when` entry has each section the entry requires. */
import { findSection } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import type { RawFinding } from '../model/finding.js';
import { matchedEntries } from '../model/conditions.js';
import { defineRule } from './rule.js';

export const whenSection = defineRule({
  id: 'when-section',
  kind: 'pull-request',
  title: 'Every section a matched `when` entry requires is there',
  description:
    'a matched `when` entry’s `require.sections` are in the description (an Operations Review then passes its rules)',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'a hotfix without an Operations Review',
      config: 'when:\n  - name: Hotfix\n    labels: [hotfix]\n    require: {sections: [Operations Review]}\n',
      text: '## Summary\nFix the retry storm.\n',
      pullRequest: { labels: ['hotfix'] },
      findings: ['1:1 "Hotfix" matched (label: hotfix): add a "## Operations Review" section.'],
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
          message: `"${match.entry.name}" matched (${match.reasons.join('; ')}): add a "## ${name}" section.`,
          line: 1,
          column: 1,
        });
      }
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
