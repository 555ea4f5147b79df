/**
 * What a run reads for runbooks beyond the changed files, as the runbook
 * kind's run extension: when the pull request removes or renames a
 * runbook, the files that still link it. They are found by a search of the
 * repository for the runbook's name (GitHub's code search in the action,
 * `git grep` in the CLI), read at the head commit, and checked for links to
 * it alone (`alert-runbook-removed`, `runbook-link-removed`): what else is
 * in them is not this pull request's.
 */
import { mapLimit } from '../concurrency.js';
import type { ExtraCheck, RunAccess, RunExtension, RunFile } from './kind.js';
import { mayHoldAlerts } from './manifest/alert-rules.js';
import { pathInCode, selectsPath } from '../model/paths.js';

/** The kinds the files that link a runbook are read as. */
const MANIFEST = 'manifest';
const RUNBOOK = 'runbook';
/** The rules that judge links to a removed runbook. */
const TRACED_BY = ['alert-runbook-removed', 'runbook-link-removed'];

/** Removed runbooks traced a run, and files read for links to them. */
const MAX_TRACED = 5;
const MAX_TRACED_FILES = 50;

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
const RULE_FILE = /\.(?:ya?ml|json)$/i;

export const runbookRun: RunExtension = {
  async extraChecks(planned, run) {
    if (run.named) return { checks: [], notes: [] };
    const removed = run.removed.filter((p) => MARKDOWN.test(p));
    if (removed.length === 0) return { checks: [], notes: [] };
    const traced = removed.slice(0, MAX_TRACED);
    const shown = traced.map(pathInCode).join(', ');
    const left =
      removed.length > MAX_TRACED
        ? [`${removed.length - MAX_TRACED} more removed or renamed runbooks were not traced to what links them.`]
        : [];
    // The name is what a link and an alert hold: `PaymentsDown` for PaymentsDown.md, served as /paymentsdown too.
    const names = [...new Set(traced.map((p) => p.slice(p.lastIndexOf('/') + 1).replace(MARKDOWN, '')))];
    const found = await run.mentions(names);
    if (found === undefined) {
      return {
        checks: [],
        notes: [
          `${shown} removed or renamed: the files that link ${traced.length === 1 ? 'it' : 'them'} were not looked for (the search was not available).`,
          ...left,
        ],
      };
    }
    const checked = new Set([...(await planned).map((f) => f.path), ...run.changed, ...run.removed]);
    const candidates = found.filter((p) => !checked.has(p) && (RULE_FILE.test(p) || MARKDOWN.test(p)));
    const files = (await read(candidates.slice(0, MAX_TRACED_FILES), run)).filter((f) => f !== undefined);
    const past =
      candidates.length > MAX_TRACED_FILES
        ? ` ${candidates.length - MAX_TRACED_FILES} more files that mention ${traced.length === 1 ? 'it' : 'them'} were not read.`
        : '';
    const check: ExtraCheck = { files, keep: TRACED_BY };
    return {
      checks: files.length > 0 ? [check] : [],
      notes: [
        `${shown} removed or renamed: ${files.length} file${files.length === 1 ? '' : 's'} of alerts or runbooks that mention ${traced.length === 1 ? 'it' : 'them'} ${files.length === 1 ? 'was' : 'were'} read for links to ${traced.length === 1 ? 'it' : 'them'}.${past}`,
        ...left,
      ],
    };
  },
};

/** Each file at the head, as the kind that can hold a link to a runbook: alerting rules, or a runbook. */
function read(paths: readonly string[], run: RunAccess): Promise<(RunFile | undefined)[]> {
  return mapLimit(paths, run.concurrency, async (path): Promise<RunFile | undefined> => {
    if (RULE_FILE.test(path)) {
      const text = await run.readHead(path);
      return typeof text === 'string' && mayHoldAlerts(text) ? { path, kind: MANIFEST, text } : undefined;
    }
    if (!run.settings.runbooks.templates.some((t) => selectsPath(t, path))) return undefined;
    const file = await run.readDocument({ path, kind: RUNBOOK });
    return file.text !== undefined ? file : undefined;
  });
}
