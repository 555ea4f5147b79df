/**
 * `runbook-steps`: Deployment Steps and Rollback Procedure hold at least one
 * step: a list item or a code block.
 *
 * Fails: `## Rollback Procedure` followed by prose only.
 * Message: `"Rollback Procedure" has no step. Write it as a numbered list, one action per step.`
 */
import { inSection } from '../markdown/document.js';
import { RUNBOOK_SECTIONS } from '../presets/devops.js';
import { at, type RawFinding, type RunbookRule } from './rule.js';
import { templateSection } from './runbook-template.js';

export const runbookSteps: RunbookRule = {
  id: 'runbook-steps',
  target: 'runbook',
  title: 'Deployment and rollback have steps',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const name of [RUNBOOK_SECTIONS.deploymentSteps, RUNBOOK_SECTIONS.rollback]) {
      const section = templateSection(doc, config, name);
      if (!section?.hasContent) continue; // runbook-section-empty reports it
      if (inSection(doc.steps, section).length > 0 || inSection(doc.code, section).length > 0) continue;
      out.push(at(section, `"${name}" has no step. Write it as a numbered list, one action per step.`));
    }
    return out;
  },
};
