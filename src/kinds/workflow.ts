/**
 * A GitHub Actions workflow (`.github/workflows/*.yml`): its jobs, read with
 * the `yaml` package, each with the line of its key. An opt-out is a comment
 * `# readiness-gate waive=<rule-id>: <reason>` anywhere in the file.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { optOutWaivers, readOptOuts, type OptOut } from './opt-out.js';
import { deploymentFiles, type DocumentKind } from './kind.js';
import { fieldReader, type FieldReader } from './yaml-fields.js';
import { lineOf } from '../model/yaml-position.js';

export interface Job {
  id: string;
  line: number;
  runsOn: boolean;
  /** Where the `runs-on` key starts: a key added to the job goes above it, at its column. */
  runsOnKey?: { line: number; column: number };
  timeoutMinutes: boolean;
  /** Any field of the job (`field('permissions', 'contents')`), with its position. */
  field: FieldReader;
}

export interface WorkflowView {
  path: string;
  jobs: Job[];
  /** The first YAML error, when the file does not parse. */
  error?: { message: string; line: number };
  optOuts: OptOut[];
  /** Any field of the workflow (`field('on', 'pull_request_target')`), with its position; none when it does not parse. */
  field: FieldReader;
}

export interface WorkflowContext {
  file: WorkflowView;
}

export function parseWorkflow(text: string, path: string): WorkflowView {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const optOuts = readOptOuts(text);
  const problem = doc.errors[0];
  if (problem) {
    const line = lineCounter.linePos(problem.pos[0]).line;
    const error = { message: problem.message.split('\n')[0]!, line };
    return { path, jobs: [], error, optOuts, field: () => undefined };
  }
  const jobs: Job[] = [];
  const node = doc.get('jobs', true);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !isMap(pair.value)) continue;
      const job = pair.value;
      const runsOn = job.items.find((p) => isScalar(p.key) && p.key.value === 'runs-on');
      const key =
        runsOn && isScalar(runsOn.key) && !job.flow ? lineCounter.linePos(runsOn.key.range?.[0] ?? 0) : undefined;
      jobs.push({
        ...(key ? { runsOnKey: { line: key.line, column: key.col } } : {}),
        id: String(pair.key.value),
        line: lineOf(lineCounter, pair.key),
        runsOn: job.has('runs-on'),
        // `timeout-minutes:` with nothing after it is no timeout.
        timeoutMinutes: ![undefined, null, ''].includes(job.get('timeout-minutes') as never),
        field: fieldReader(doc, lineCounter, job),
      });
    }
  }
  return { path, jobs, optOuts, field: fieldReader(doc, lineCounter, doc.contents) };
}

export const workflowKind: DocumentKind<'workflow', WorkflowView, WorkflowContext> = {
  id: 'workflow',
  lineBreaks: 'yaml',
  waive:
    "A comment in the workflow, `# readiness-gate waive=RULE: reason`; the reason is listed with the report's waivers, and a waiver without one is an error.",
  evidence: true,
  bound: deploymentFiles,
  select: (path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
  parse: parseWorkflow,
  context: (file) => ({ file }),
  waivers: (file) => optOutWaivers(file.path, file.optOuts),
};
