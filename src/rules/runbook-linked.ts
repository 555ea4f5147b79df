/**
 * `runbook-linked`: the description's Runbook section links a runbook file
 * in the repository (a Markdown link or an inline-code path), or says `N/A`
 * with a reason. Applies when `pull-request.runbook.required` is true.
 */
import type { RawFinding } from '../model/finding.js';
import { readRunbookLinks } from '../model/runbook-links.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  outside:
    'The "{{section}}" section links {{url}}, outside this repository, which the gate cannot check. Link the runbook in this repository, or list the URL\'s prefix under `runbooks.external`.',
  missing: 'Missing section "{{section}}". Add "## {{section}}" with a link to the runbook file, or "N/A — reason".',
  bareNa: 'The "{{section}}" section says a bare "N/A". Say why no runbook is needed: "N/A — reason".',
  noLink:
    'The "{{section}}" section links no runbook file. Link one (`docs/runbooks/name.md`) or write "N/A — reason".',
};
const say = sayer(messages);

export const runbookLinked = defineRule({
  id: 'runbook-linked',
  kind: 'pull-request',
  title: 'The description links its runbook',
  description: 'the Runbook section links a runbook file (link or inline-code path) or says N/A with a reason',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'the section links nothing',
      text: '## Runbook\nTBD\n',
      findings: [{ at: '1:1', id: 'noLink', data: { section: 'Runbook' } }],
    },
    {
      name: 'a bare N/A',
      text: '## Runbook\nN/A\n',
      findings: [{ at: '1:1', id: 'bareNa', data: { section: 'Runbook' } }],
    },
    { name: 'a link', text: '## Runbook\n[Deploy](docs/runbooks/deploy.md)\n', findings: [] },
    {
      name: 'a runbook elsewhere, not allowed',
      text: '## Runbook\n[Deploy](https://wiki.example.com/runbooks/deploy)\n',
      findings: [
        { at: '2:1', id: 'outside', data: { section: 'Runbook', url: 'https://wiki.example.com/runbooks/deploy' } },
      ],
    },
    {
      name: 'a runbook elsewhere, allowed',
      config: "runbooks:\n  external: ['https://wiki.example.com/runbooks/']\n",
      text: '## Runbook\n[Deploy](https://wiki.example.com/runbooks/deploy)\n',
      findings: [],
    },
    { name: 'N/A with a reason', text: '## Runbook\nN/A — a documentation change\n', findings: [] },
  ],
  check({ doc, spec }) {
    const { runbook } = spec;
    if (!runbook.required) return undefined;
    const { section, links, external, waiver } = readRunbookLinks(doc, runbook);
    const out: RawFinding[] = [];
    for (const link of external) {
      if (runbook.external.some((prefix) => link.url.startsWith(prefix))) continue;
      out.push({
        message: say('outside', { section: runbook.section, url: link.url }),
        line: link.line,
        column: link.column,
      });
    }
    if (!section) {
      out.push({
        message: say('missing', { section: runbook.section }),
        line: 1,
        column: 1,
      });
    } else if (links.length === 0 && external.length > 0) {
      // An external runbook, allowed or reported above.
    } else if (links.length === 0 && waiver.kind === 'bare-na') {
      out.push({
        message: say('bareNa', { section: runbook.section }),
        line: section.line,
        column: section.column,
      });
    } else if (links.length === 0 && waiver.kind !== 'waived') {
      out.push({
        message: say('noLink', { section: runbook.section }),
        line: section.line,
        column: section.column,
      });
    }
    return out;
  },
});
