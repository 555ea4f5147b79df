/** `runbook-steps`: Deployment Steps and Rollback Procedure hold at least one step: a list item or a code block. */
import { inSection } from '../markdown/document.js';
import { at, type RawFinding } from '../model/finding.js';
import { RUNBOOK_SECTIONS, templateSection } from '../model/runbook-template.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  noStep: '"{{section}}" has no step. Write it as a numbered list, one action per step.',
};
const say = sayer(messages);

export const runbookSteps = defineRule({
  id: 'runbook-steps',
  kind: 'runbook',
  title: 'Deployment and rollback have steps',
  description: 'Deployment Steps and Rollback Procedure have a step (list item or code block)',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'prose, no step',
      text: '## Rollback Procedure\nRevert the deploy if needed.\n',
      findings: [{ at: '1:1', id: 'noStep', data: { section: 'Rollback Procedure' } }],
    },
    {
      name: 'a code block is a step',
      text: '## Rollback Procedure\nRevert the deploy:\n\n```sh\nhelm rollback api\n```\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    if (!spec.template.builtin) return undefined; // written for the role document's Runbook Template
    const out: RawFinding[] = [];
    for (const name of [RUNBOOK_SECTIONS.deploymentSteps, RUNBOOK_SECTIONS.rollback]) {
      const section = templateSection(doc, spec.sections, name);
      if (!section?.hasContent) continue; // runbook-section-empty reports it
      if (inSection(doc.steps, section).length > 0 || inSection(doc.code, section).length > 0) continue;
      out.push(at(section, say('noStep', { section: name })));
    }
    return out;
  },
});
