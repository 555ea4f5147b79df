/** `runbook-health-check`: Verification includes a health check (text or a command naming health, readiness or liveness). */
import { inSection } from '../markdown/document.js';
import { at } from '../model/finding.js';
import { RUNBOOK_SECTIONS, templateSection } from '../model/runbook-template.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const HEALTH = /health|readyz|livez|readiness|liveness/i;

const messages = {
  none: '"Verification" has no health check. Add one, e.g. "- [ ] Health check: `curl -fsS https://service/health`".',
};
const say = sayer(messages);

export const runbookHealthCheck = defineRule({
  id: 'runbook-health-check',
  kind: 'runbook',
  title: 'Verification includes a health check',
  description: 'Verification includes a health check',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'no health check',
      text: '## Verification\n- [ ] Metrics look fine\n',
      findings: [{ at: '1:1', id: 'none' }],
    },
    { name: 'a readiness endpoint', text: '## Verification\n```sh\ncurl -fsS https://api/readyz\n```\n', findings: [] },
  ],
  check({ doc, spec }) {
    if (!spec.template.builtin) return undefined; // written for the role document's Runbook Template
    const section = templateSection(doc, spec.sections, RUNBOOK_SECTIONS.verification);
    if (!section?.hasContent) return undefined; // runbook-section-empty reports an empty one
    const texts = [...inSection(doc.texts, section), ...inSection(doc.code, section)];
    if (texts.some((t) => HEALTH.test(t.text))) return [];
    return [at(section, say('none'))];
  },
});
