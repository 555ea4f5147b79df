/**
 * `runbook-section`: every configured runbook section has a heading: under
 * the devops preset, the Runbook Template's Overview, Pre-Deployment
 * Checklist, Deployment Steps, Verification, Rollback Procedure and Known Issues.
 */
import { findSection } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import { closest, didYouMean } from '../model/closest.js';
import type { RawFinding } from '../model/finding.js';
import { defineRule } from './rule.js';

export const runbookSectionRule = defineRule({
  id: 'runbook-section',
  kind: 'runbook',
  title: 'Every required runbook section is present',
  description:
    'a runbook has Overview, Pre-Deployment Checklist, Deployment Steps, Verification, Rollback Procedure, Known Issues',
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'no rollback procedure',
      text: '# Runbook: Rotate certificates\n## Overview\n## Pre-Deployment Checklist\n## Deployment Steps\n## Verification\n## Known Issues\n',
      findings: [
        '1:1 Missing section "Rollback Procedure". Add a "## Rollback Procedure" heading (see the runbook template).',
      ],
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
      if (findSection(doc, keysOf(wanted))) continue;
      const near = closest(wanted.name, doc.sections, (s) => s.title);
      out.push({
        message: `Missing section "${wanted.name}". Add a "## ${wanted.name}" heading (see the ${template}).${didYouMean(near, near?.title)}`,
        line: near?.line ?? 1,
        column: near?.column ?? 1,
      });
    }
    return out;
  },
});
