/**
 * `workflow-job-timeout`: every job that runs on a runner (`runs-on`) sets
 * `timeout-minutes`; GitHub's default is six hours (the role document's
 * "missing timeouts" red flag, for the pipeline itself).
 */
import type { RawFinding } from '../model/finding.js';
import { COMMENT_OPT_OUT, optOut } from './opt-out.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  ...COMMENT_OPT_OUT,
  invalid: 'The workflow is not valid YAML: {{error}}. Fix it; GitHub will not run it either.',
  noTimeout:
    'Job "{{job}}" has no timeout-minutes, so a hung step holds a runner for six hours. Add "timeout-minutes: 30" (or what the job needs).',
};
const say = sayer(messages);

export const workflowJobTimeout = defineRule({
  id: 'workflow-job-timeout',
  kind: 'workflow',
  title: 'Every workflow job has a timeout',
  description: 'a job with `runs-on` sets `timeout-minutes` (the default is six hours)',
  defaultSeverity: { devops: 'warning', none: 'off' },
  fixable: true,
  messages,
  examples: [
    {
      name: 'a job without a timeout, and one whose timeout is left empty',
      path: '.github/workflows/deploy.yml',
      text: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n  reuse:\n    uses: ./.github/workflows/other.yml\n  smoke:\n    runs-on: ubuntu-latest\n    timeout-minutes:\n',
      findings: [
        { at: '3:1', id: 'noTimeout', data: { job: 'deploy' } },
        { at: '9:1', id: 'noTimeout', data: { job: 'smoke' } },
      ],
    },
    {
      name: 'a timeout set',
      path: '.github/workflows/deploy.yml',
      text: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - run: ./deploy.sh\n',
      findings: [],
    },
  ],
  check({ file }) {
    const out: RawFinding[] = [];
    if (optOut(file.optOuts, 'workflow-job-timeout', out)) return out;
    if (file.error) {
      return [
        {
          message: say('invalid', { error: file.error.message }),
          line: file.error.line,
          column: 1,
        },
      ];
    }
    for (const job of file.jobs) {
      if (!job.runsOn || job.timeoutMinutes) continue;
      out.push({
        message: say('noTimeout', { job: job.id }),
        line: job.line,
        column: 1,
        // Above `runs-on`, at its column: whatever shape runs-on's value takes, the line before its key ends a key.
        ...(job.runsOnKey
          ? {
              fix: {
                line: job.runsOnKey.line - 1,
                text: `${' '.repeat(job.runsOnKey.column - 1)}timeout-minutes: 30`,
              },
            }
          : {}),
      });
    }
    return out;
  },
});
