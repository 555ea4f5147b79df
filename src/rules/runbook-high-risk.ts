/**
 * `runbook-high-risk`: a runbook with Risk Level High has every
 * Pre-Deployment Checklist box ticked.
 *
 * Fails: `- **Risk Level**: High` and `- [ ] Backup taken`.
 * Message: `Risk Level is High and "Backup taken" in "Pre-Deployment Checklist" is not ticked. Do it and tick it before deploying.`
 */
import { inSection } from '../markdown/document.js';
import { headingKey } from '../markdown/heading.js';
import { RUNBOOK_SECTIONS } from '../presets/devops.js';
import { at, type RunbookRule } from './rule.js';
import { fieldIn, templateSection } from './runbook-template.js';

export const runbookHighRisk: RunbookRule = {
  id: 'runbook-high-risk',
  target: 'runbook',
  title: 'High-risk runbooks have every pre-deployment box ticked',
  check({ doc, config }) {
    const overview = templateSection(doc, config, RUNBOOK_SECTIONS.overview);
    const risk = overview && fieldIn(doc, overview, 'Risk Level');
    if (!risk || headingKey(risk.value) !== 'high') return undefined;
    const checklist = templateSection(doc, config, RUNBOOK_SECTIONS.preDeployment);
    if (!checklist) return undefined;
    return inSection(doc.items, checklist)
      .filter((item) => !item.checked)
      .map((item) =>
        at(
          item,
          `Risk Level is High and "${item.label ?? item.text}" in "${RUNBOOK_SECTIONS.preDeployment}" is not ticked. Do it and tick it before deploying.`,
        ),
      );
  },
};
