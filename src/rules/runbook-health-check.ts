/**
 * `runbook-health-check`: Verification includes a health check (text or a
 * command naming health, readiness or liveness).
 *
 * Fails: `## Verification` with `- [ ] Metrics look fine` only.
 * Message: `"Verification" has no health check. Add one, e.g. "- [ ] Health check: \`curl -fsS https://service/health\`".`
 */
import { inSection } from '../markdown/document.js';
import { RUNBOOK_SECTIONS } from '../presets/devops.js';
import { at, type RunbookRule } from './rule.js';
import { templateSection } from './runbook-template.js';

const HEALTH = /health|readyz|livez|readiness|liveness/i;

export const runbookHealthCheck: RunbookRule = {
  id: 'runbook-health-check',
  target: 'runbook',
  title: 'Verification includes a health check',
  check({ doc, config }) {
    const section = templateSection(doc, config, RUNBOOK_SECTIONS.verification);
    if (!section?.hasContent) return undefined; // runbook-section-empty reports an empty one
    const texts = [...inSection(doc.texts, section), ...inSection(doc.code, section)];
    if (texts.some((t) => HEALTH.test(t.text))) return [];
    return [
      at(
        section,
        `"Verification" has no health check. Add one, e.g. "- [ ] Health check: \`curl -fsS https://service/health\`".`,
      ),
    ];
  },
};
