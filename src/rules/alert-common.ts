/**
 * What the alert rules share: where an alert's runbook is, and whether the
 * run read it. The runbooks an alert links are handed to the engine with
 * the alert's file (the manifest kind's run extension reads them): one the run could not read
 * comes marked unread, so a runbook absent from the run's files is one the
 * repository does not have.
 */
import type { AlertRule, RunbookTarget } from '../kinds/manifest/alert-rules.js';
import { resolveRunbookUrl } from '../kinds/manifest/alert-rules.js';
import type { ManifestContext } from '../kinds/manifest.js';

type RunbookState = 'present' | 'missing' | 'unread';

/** Where the alert's runbook annotation points, or why the gate cannot tell. */
export function runbookOf(
  alert: AlertRule,
  ctx: ManifestContext,
): { key: string; url: AlertRule['annotations'][string]; target: RunbookTarget } | 'missing' | 'hidden' {
  const keys = ctx.settings.alerts.runbookAnnotations;
  // The first annotation of the list the alert has, written out; one a directive writes may be any of them.
  const key = keys.find((k) => alert.annotations[k] !== undefined && alert.annotations[k].value !== '');
  if (key === undefined)
    return alert.hidden === true || keys.some((k) => (alert.hidden as string[]).includes(k)) ? 'hidden' : 'missing';
  const url = alert.annotations[key]!;
  const { runbook } = ctx.settings.pullRequest;
  return { key, url, target: resolveRunbookUrl(url.value, ctx.settings.alerts, runbook.external, runbook.repository) };
}

/** The runbook annotations a team names, as a message says them: `runbook_url`, or `runbook_url or runbook`. */
export function annotationNames(ctx: ManifestContext): string {
  const keys = ctx.settings.alerts.runbookAnnotations;
  return keys.length === 1 ? keys[0]! : `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)!}`;
}

/**
 * Whether the runbook at `path` is in the run, read: the path as written,
 * else one that differs only in case (a site generator serves
 * `KubePodCrashLooping.md` as `kubepodcrashlooping`).
 */
export function runbookState(ctx: ManifestContext, path: string): { state: RunbookState; path: string } {
  const exact = ctx.files.get(path);
  if (exact?.text !== undefined) return { state: 'present', path };
  const lower = path.toLowerCase();
  for (const [key, file] of ctx.files) {
    if (key.toLowerCase() === lower && file.text !== undefined && !key.startsWith('base:')) {
      return { state: 'present', path: key };
    }
  }
  return { state: exact?.unread ? 'unread' : 'missing', path };
}
