/**
 * `service-slo`: a service whose tier requires it (production, by default) has an
 * SLO in OpenSLO, Sloth or Pyrra that names it (`services/slo.ts`), and no
 * SLO that names it is broken: an objective outside (0, 100) %, no window,
 * an empty indicator.
 */
import { sayer } from '../model/messages.js';
import type { RawFinding } from '../model/finding.js';
import { EMPTY_WAIVER, missing, READY_CATALOG, READY_FILES, readyFilesWith, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  missing:
    'Service "{{service}}" (tier {{tier}}) has no SLO: {{detail}}. Add an OpenSLO, Sloth or Pyrra SLO whose service (or labels, or selectors) names it.',
  invalid: '{{slo}} names service "{{service}}" but is no objective: {{problem}} ({{where}}). Correct it.',
  emptyWaiver: EMPTY_WAIVER,
};
const say = sayer(messages);

export const serviceSlo = defineRule({
  id: 'service-slo',
  kind: 'service',
  title: 'Every production service has an SLO',
  description:
    'an OpenSLO, Sloth or Pyrra SLO names a service its tier requires it of, and every SLO that names it has an objective in (0, 100) %, a window and an indicator',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a production service no SLO names',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({ 'slos/payments.yaml': null }),
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: { service: 'payments', tier: 'production', detail: 'no SLO names payments (OpenSLO, Sloth or Pyrra)' },
        },
      ],
    },
    {
      name: 'an SLO whose objective is 100 %, which no service meets',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({
        'slos/payments.yaml': READY_FILES['slos/payments.yaml']!.replace('objective: 99.9', 'objective: 100'),
      }),
      findings: [
        {
          at: '4:9',
          id: 'invalid',
          data: {
            slo: 'Sloth SLO "requests-availability"',
            service: 'payments',
            problem: 'its objective, 100 %, is not between 0 and 100 %',
            where: 'slos/payments.yaml:5',
          },
        },
      ],
    },
    readyExample('a Sloth SLO of 99.9 %'),
  ],
  check(ctx) {
    // A service whose SLOs are all broken is told so by each of them, below, not as one with none.
    const judged = ctx.judged.filter((s) => s.sloProblems.length === 0 || s.checks.slo.status !== 'fail');
    const out = missing({ ...ctx, judged }, 'slo', say);
    if (!out && ctx.judged.length === 0) return undefined;
    const broken: RawFinding[] = ctx.judged.flatMap((s) =>
      s.sloProblems.map((p) => ({
        message: say('invalid', { slo: p.name, service: s.name, problem: p.message, where: `${p.path}:${p.line}` }),
        line: s.home.line,
        column: s.home.column,
        ...(p.path !== ctx.path ? { related: { source: p.path, line: p.line } } : {}),
      })),
    );
    return [...(out ?? []), ...broken];
  },
});
