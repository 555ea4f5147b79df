/**
 * `runbook-section`: every configured runbook section has a heading, once:
 * under the devops preset, the Runbook Template's Overview, Pre-Deployment
 * Checklist, Deployment Steps, Verification, Rollback Procedure and Known
 * Issues. A second heading for the same section is read by nobody the same
 * way: the gate reads the first, a reader may stop at the other.
 */
import { keysOf } from '../markdown/heading.js';
import { closest, didYouMean } from '../model/closest.js';
import { at, type Fix, type RawFinding } from '../model/finding.js';
import type { DocumentView } from '../markdown/document.js';
import type { SectionSpec } from '../model/spec.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  twice:
    'Section "{{section}}" appears twice (lines {{first}} and {{second}}): the gate reads the first. Merge them into one.',
  missing: 'Missing section "{{section}}". Add a "## {{section}}" heading (see the {{template}}).{{suggestion}}',
};
const say = sayer(messages);

export const runbookSectionRule = defineRule({
  id: 'runbook-section',
  kind: 'runbook',
  title: 'Every required runbook section is present, once',
  description:
    'a runbook has Overview, Pre-Deployment Checklist, Deployment Steps, Verification, Rollback Procedure, Known Issues, each once',
  defaultSeverity: { devops: 'error', none: 'error' },
  fixable: true,
  // The section it puts in is a heading and a comment: what to write is the author's, and runbook-section-empty says so.
  fixLeaves: ['runbook-section-empty'],
  messages,
  examples: [
    {
      name: 'no rollback procedure',
      text: '# Runbook: Rotate certificates\n## Overview\n## Pre-Deployment Checklist\n## Deployment Steps\n## Verification\n## Known Issues\n',
      findings: [
        {
          at: '1:1',
          id: 'missing',
          data: { section: 'Rollback Procedure', template: 'runbook template', suggestion: '' },
        },
      ],
    },
    {
      name: 'plurals and near names are named with their line',
      config:
        "runbooks:\n  templates:\n    - name: alerts\n      paths: ['docs/**']\n      sections: [Diagnosis, Mitigation]\n",
      text: '# KubeletDown\n## Diagnostics\n## Mitigations\n',
      findings: [
        {
          at: '2:1',
          id: 'missing',
          data: {
            section: 'Diagnosis',
            template: '"alerts" template',
            suggestion: ' Did you mean "Diagnostics" at line 2? If so, add it to the aliases.',
          },
        },
        {
          at: '3:1',
          id: 'missing',
          data: {
            section: 'Mitigation',
            template: '"alerts" template',
            suggestion: ' Did you mean "Mitigations" at line 3? If so, add it to the aliases.',
          },
        },
      ],
    },
    {
      name: 'a section given twice',
      text: '# Runbook: Rotate certificates\n## Overview\n## Pre-Deployment Checklist\n## Deployment Steps\n## Verification\n## Rollback Procedure\n## Known Issues\n## Overview\n',
      findings: [{ at: '8:1', id: 'twice', data: { section: 'Overview', first: '2', second: '8' } }],
    },
    {
      name: 'every section, at any level',
      text: '# Runbook: Rotate certificates\n## Overview\n## Pre-Deployment Checklist\n## Deployment Steps\n## Verification\n### Rollback Procedure\n## Known Issues\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    const template = spec.template.builtin ? 'runbook template' : `"${spec.template.name}" template`;
    for (const wanted of spec.sections) {
      const keys = keysOf(wanted);
      const [first, second] = doc.sections.filter((s) => keys.includes(s.key));
      if (first && second) {
        out.push(at(second, say('twice', { section: wanted.name, first: first.line, second: second.line })));
      }
      if (first) continue;
      const near = closest(wanted.name, doc.sections, (s) => s.title);
      out.push({
        message: say('missing', { section: wanted.name, template, suggestion: didYouMean(near, near?.title) }),
        line: near?.line ?? 1,
        column: near?.column ?? 1,
        // A near name may be the section misspelt: the author chooses, no fix is offered then.
        ...(near ? {} : { fix: insertSection(doc, spec.sections, wanted) }),
      });
    }
    return out;
  },
});

/**
 * The missing section as the template has it, where its order puts it:
 * before the next of its sections the runbook has, at that heading's depth,
 * else at the end. Its boxes unticked; its prose a comment saying what to
 * write, which the empty-section rule still reports until it is written.
 */
function insertSection(doc: DocumentView, sections: readonly SectionSpec[], wanted: SectionSpec): Fix {
  const present = (spec: SectionSpec) => {
    const keys = keysOf(spec);
    return doc.sections.find((s) => keys.includes(s.key));
  };
  const after = sections
    .slice(sections.indexOf(wanted) + 1)
    .map(present)
    .find((s) => s !== undefined);
  const before = sections
    .slice(0, sections.indexOf(wanted))
    .map(present)
    .filter((s) => s !== undefined)
    .at(-1);
  const depth = (after ?? before)?.depth ?? 2;
  const body = [
    `${'#'.repeat(depth)} ${wanted.name}`,
    '',
    `<!-- ${wanted.name}: write it as the template asks. -->`,
    ...(wanted.items.length > 0 ? ['', ...wanted.items.map((item) => `- [ ] ${item.label}`)] : []),
    '',
  ];
  if (after) return { line: after.line - 1, text: body.join('\n') };
  const lines = doc.source.split('\n');
  const last = lines.length - (lines.at(-1) === '' ? 1 : 0);
  return { line: last, text: ['', ...body.slice(0, -1)].join('\n') };
}
