/**
 * `dockerfile-exec-form`: the final stage's `CMD` and `ENTRYPOINT` are in
 * exec form (`["node", "server.js"]`). In shell form a shell is PID 1 and
 * does not pass SIGTERM on, so the process cannot shut down gracefully (the
 * role document's "no graceful shutdown" red flag).
 */
import type { RawFinding } from '../model/finding.js';
import { optOut } from './opt-out.js';
import { defineRule } from './rule.js';

export const dockerfileExecForm = defineRule({
  id: 'dockerfile-exec-form',
  kind: 'dockerfile',
  title: 'The image starts its process in exec form',
  description: "the final stage's `CMD`/`ENTRYPOINT` is in exec form, so SIGTERM reaches the process",
  defaultSeverity: { devops: 'warning', none: 'off' },
  examples: [
    {
      name: 'shell form in the final stage',
      path: 'Dockerfile',
      text: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCMD node /app/server.js\n',
      findings: [
        '5:1 CMD is in shell form: a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Write it in exec form, e.g. CMD ["node", "server.js"].',
      ],
    },
    {
      name: 'exec form; an earlier stage does not count',
      path: 'Dockerfile',
      text: 'FROM node:20 AS build\nCMD npm test\nFROM node:20-slim\nENTRYPOINT ["node"]\nCMD ["/app/server.js"]\n',
      findings: [],
    },
    {
      name: 'an opt-out without a reason',
      path: 'Dockerfile',
      text: '# readiness-gate waive=dockerfile-exec-form\nFROM alpine\nCMD run.sh\n',
      findings: [
        '1:1 The opt-out of dockerfile-exec-form gives no reason. Write it after a colon: "# readiness-gate waive=dockerfile-exec-form: why".',
      ],
    },
    {
      name: 'opted out, with a reason',
      path: 'Dockerfile',
      text: '# readiness-gate waive=dockerfile-exec-form: tini is PID 1 and forwards signals\nFROM alpine\nCMD run.sh\n',
      findings: [],
    },
  ],
  check({ file }) {
    const out: RawFinding[] = [];
    const skip = optOut(file.optOuts, 'dockerfile-exec-form', out);
    if (skip) return out;
    for (const ins of file.final) {
      if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.args.startsWith('[')) continue;
      out.push({
        message: `${ins.keyword} is in shell form: a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Write it in exec form, e.g. ${ins.keyword} ["node", "server.js"].`,
        line: ins.line,
        column: 1,
      });
    }
    return out;
  },
});
