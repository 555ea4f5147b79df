/**
 * `runbook-section`: every configured runbook section has a heading: under
 * the devops preset, the Runbook Template's Overview, Pre-Deployment
 * Checklist, Deployment Steps, Verification, Rollback Procedure and Known Issues.
 *
 * Fails: a runbook without `## Rollback Procedure`.
 * Message: `Missing section "Rollback Procedure". Add a "## Rollback Procedure" heading (see the runbook template).`
 */
import { findSection } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import type { RawFinding, RunbookRule } from './rule.js';

export const runbookSectionRule: RunbookRule = {
  id: 'runbook-section',
  target: 'runbook',
  title: 'Every required runbook section is present',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const spec of config.runbooks.sections) {
      if (findSection(doc, keysOf(spec))) continue;
      out.push({
        message: `Missing section "${spec.name}". Add a "## ${spec.name}" heading (see the runbook template).`,
        line: 1,
        column: 1,
      });
    }
    return out;
  },
};
