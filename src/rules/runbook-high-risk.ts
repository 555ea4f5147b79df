/**
 * `runbook-high-risk`: a runbook with Risk Level High has every Pre-Deployment
 * Checklist box ticked. A runbook that says High anywhere is High risk.
 */
import { inSection } from '../markdown/document.js';
import { headingKey } from '../markdown/heading.js';
import { afterName, itemState } from '../model/checklist.js';
import { at, gatherOf, NAMES } from '../model/finding.js';
import { fieldsNamed, RUNBOOK_SECTIONS, templateSection } from '../model/runbook-template.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  notTicked:
    'Risk Level is High and "{{item}}" in "{{section}}" is not ticked. Do it and tick it, or write "N/A — reason" after it, before deploying.',
  notTickedTogether:
    'Risk Level is High and not ticked in "{{section}}": {{names}}. Do each and tick it, or write "N/A — reason" after it, before deploying.',
};
const say = sayer(messages);

export const runbookHighRisk = defineRule({
  id: 'runbook-high-risk',
  kind: 'runbook',
  title: 'High-risk runbooks have every pre-deployment box ticked',
  description: 'a High-risk runbook has every Pre-Deployment box ticked',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'high risk, a box unticked',
      text: '## Overview\n- **Risk Level**: High\n## Pre-Deployment Checklist\n- [x] Rollback plan tested\n- [ ] Backup taken\n',
      findings: [{ at: '5:1', id: 'notTicked', data: { item: 'Backup taken', section: 'Pre-Deployment Checklist' } }],
    },
    {
      name: 'high risk, a box waived with a reason',
      text: '## Overview\n- **Risk Level**: High\n## Pre-Deployment Checklist\n- [x] Rollback plan tested\n- [ ] Backup taken — N/A: the service keeps no state\n',
      findings: [],
    },
    {
      name: 'low risk may deploy with boxes open',
      text: '## Overview\n- **Risk Level**: Low\n## Pre-Deployment Checklist\n- [ ] Backup taken\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    if (!spec.template.builtin) return undefined; // written for the role document's Runbook Template
    if (!fieldsNamed(doc, 'Risk Level').some((risk) => headingKey(risk.value) === 'high')) return undefined;
    const checklist = templateSection(doc, spec.sections, RUNBOOK_SECTIONS.preDeployment);
    if (!checklist) return undefined;
    // A box that does not apply may be waived, as in the description: unticked, "N/A" and a reason.
    return inSection(doc.items, checklist)
      .filter((item) => !['checked', 'waived'].includes(itemState(item, afterName(item)).kind))
      .map((item) => {
        const section = RUNBOOK_SECTIONS.preDeployment;
        const name = item.label ?? item.text;
        return {
          ...at(item, say('notTicked', { item: name, section })),
          gather: gatherOf('notTicked', name, say('notTickedTogether', { section, names: NAMES })),
        };
      });
  },
});
