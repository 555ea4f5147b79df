/** `dockerfile-healthcheck`: the final stage declares a `HEALTHCHECK` (off by default: orchestrators probe on their own). */
import type { RawFinding } from '../model/finding.js';
import { COMMENT_OPT_OUT, optOut } from './opt-out.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  ...COMMENT_OPT_OUT,
  none: 'The final stage has no HEALTHCHECK. Add one, e.g. HEALTHCHECK CMD curl -fsS http://localhost/health || exit 1.',
};
const say = sayer(messages);

export const dockerfileHealthcheck = defineRule({
  id: 'dockerfile-healthcheck',
  kind: 'dockerfile',
  title: 'The image declares a health check',
  description: 'the final stage has a `HEALTHCHECK` (for images run without an orchestrator)',
  defaultSeverity: { devops: 'off', none: 'off' },
  messages,
  examples: [
    {
      name: 'no health check',
      path: 'Dockerfile',
      text: 'FROM nginx\nCOPY site /usr/share/nginx/html\n',
      findings: [{ at: '1:1', id: 'none' }],
    },
    {
      name: 'declared',
      path: 'Dockerfile',
      text: 'FROM nginx\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
      findings: [],
    },
  ],
  check({ file }) {
    const out: RawFinding[] = [];
    if (optOut(file.optOuts, 'dockerfile-healthcheck', out)) return out;
    if (file.final.some((ins) => ins.keyword === 'HEALTHCHECK')) return [];
    // The final stage's own FROM, not that of a stage it is built from.
    const from = file.final.findLast((ins) => ins.keyword === 'FROM');
    return [
      {
        message: say('none'),
        line: from?.line ?? 1,
        column: 1,
      },
    ];
  },
});
