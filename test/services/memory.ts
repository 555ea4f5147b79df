// A repository held in memory, read as a run reads one: for the service checks' gathering and the scorecard.
import type { ResolvedConfig } from '../../src/config/types.js';
import type { RunAccess } from '../../src/kinds/kind.js';
import { auditServices, serviceRun } from '../../src/kinds/service-run.js';

export function memoryAccess(
  files: Record<string, string>,
  config: ResolvedConfig,
  over: Partial<RunAccess> = {},
): RunAccess & { reads: string[] } {
  const reads: string[] = [];
  const readHead = (p: string) => {
    reads.push(p);
    return Promise.resolve(files[p]);
  };
  return {
    reads,
    settings: config,
    changed: [],
    removed: [],
    named: true,
    audit: true,
    concurrency: 4,
    deadline: Date.now() + 60_000,
    readHead,
    readDocument: async (f) => ({ ...f, text: await readHead(f.path) }),
    readBase: (f) => Promise.resolve({ ...f, text: undefined, companion: true, fromBase: true }),
    list: () => Promise.resolve(undefined),
    canList: true,
    mentions: () => Promise.resolve(undefined),
    tree: () => Promise.resolve({ paths: Object.keys(files).sort(), truncated: false }),
    rendered: [],
    ...over,
  };
}

/** The scorecard of a repository held in memory, as `readiness-gate services` reads it. */
export const auditOf = (files: Record<string, string>, config: ResolvedConfig) =>
  auditServices(memoryAccess(files, config));

/** The facts of the services a pull request touches, as a run on GitHub gathers them. */
export const changeOf = (files: Record<string, string>, config: ResolvedConfig, changed: string[]) =>
  auditServices(memoryAccess(files, config, { audit: false, named: false, changed }));

/** What the service kind's run extension gives a run that changes these files: its checks, facts and what is owed. */
export const changeOfRun = (files: Record<string, string>, config: ResolvedConfig, changed: string[]) =>
  serviceRun.extraChecks!(
    Promise.resolve(changed.map((path) => ({ path, kind: 'manifest' }))),
    memoryAccess(files, config, { audit: false, named: false, changed }),
  );
