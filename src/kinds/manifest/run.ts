/**
 * What a run reads and checks for manifests beyond the changed files, as
 * the manifest kind's run extension: the pipeline calls it in its phases.
 *
 * - Dependents: the templates of a chart whose values changed, and the
 *   manifests a changed kustomization names, checked again unchanged.
 * - Linked: the runbooks the alerting rules of the checked manifests link,
 *   read at the head commit and checked against their template.
 * - Extra checks: overlays built with `kubectl kustomize` (a kustomization
 *   or a patch it applies changed), and manifests rendered before the run.
 */
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mapLimit } from '../../concurrency.js';
import type { ExtraCheck, PlannedRunFile, ProbeOverlays, RunAccess, RunExtension, RunFile } from '../kind.js';
import { MAX_RENDERED, type ReadBound } from '../../model/files.js';
import { folderOf, joinPath, pathInCode } from '../../model/paths.js';
import { GATE_FINDINGS } from '../../model/report.js';
import { mayHoldAlerts, resolveRunbookUrl, runbookUrlsIn } from './alert-rules.js';
import {
  buildOverlays,
  isKustomization,
  kustomizationIn,
  kustomizationParts,
  patchFiles,
  probesPatchedIn,
  type OverlayBuild,
} from './kustomize.js';

/** The kind these files are read as: the manifest kind's own id. */
const MANIFEST = 'manifest';
/** The kind a runbook an alert links is read as. */
const RUNBOOK = 'runbook';

export const manifestRun: RunExtension = {
  async dependents(run) {
    if (run.named) return { paths: [], notes: [] };
    const [values, resources] = await Promise.all([valuesDependents(run), kustomizationResources(run)]);
    return { paths: [...values.paths, ...resources.paths], notes: [...values.notes, ...resources.notes] };
  },

  async linked(planned, run) {
    const [files, companions, overlays] = await Promise.all([
      alertRunbooks(planned, run),
      alertFilesBefore(run),
      probeOverlays(planned, run),
    ]);
    const found = files.filter((f) => f.text !== undefined).map((f) => f.path);
    return {
      files,
      companions,
      ...(overlays ? { overlays } : {}),
      wanted: (checked) =>
        checked.some((f) => f.kind === MANIFEST && typeof f.text === 'string' && mayHoldAlerts(f.text)),
      ...(run.audit ? { alertRunbooks: found } : {}),
    };
  },

  async extraChecks(planned, run) {
    const overlays = run.named ? [] : await overlaysToBuild(run);
    const builds = await buildOverlays(overlays, run.readHead, {
      ...(run.kubectl ? { kubectl: run.kubectl } : {}),
      deadline: run.deadline,
    });
    return { checks: [...renderedCheck(run, await planned), ...overlayCheck(builds)], notes: builds.map(buildNote) };
  },
};

/** A chart's values file: `values.yaml`, or `values-production.yaml` for `helm install -f`. */
const VALUES = /(?:^|\/)values(?:-[^/]*)?\.ya?ml$/i;
/** Charts whose templates a run re-reads because their values changed. */
const MAX_VALUES_CHARTS = 10;

/**
 * The templates of the charts whose values files the pull request changes:
 * unchanged, they now render with other values (`readinessProbe: {}` in
 * values.yaml takes the probe out of every Deployment that reads it), so
 * they are checked again at the head commit. Only the templates folder
 * itself is listed, partials (`_helpers.tpl`) left out; a folder that is not
 * a chart (no `Chart.yaml`) costs one read.
 */
async function valuesDependents(run: RunAccess): Promise<{ paths: string[]; notes: string[] }> {
  const out = { paths: [] as string[], notes: [] as string[] };
  if (!run.canList) return out;
  const { changed } = run;
  const charts = [...new Set(changed.filter((p) => VALUES.test(p)).map(folderOf))].slice(0, MAX_VALUES_CHARTS);
  for (const chart of charts) {
    if (typeof (await run.readHead(joinPath(chart, 'Chart.yaml'))) !== 'string') continue;
    const files = await run.list(joinPath(chart, 'templates'), true);
    if (!files) continue;
    // Helm renders every file there but partials (`_helpers.tpl`) and NOTES.txt; those not named .yaml are told by their text.
    const templates = files.filter((f) => !/(?:^|\/)(?:_[^/]*|NOTES\.txt)$/.test(f) && !changed.includes(f));
    out.paths.push(...templates);
    if (templates.length > 0) {
      out.notes.push(
        `The values of chart ${pathInCode(chart === '' ? '.' : chart)} changed: its ${templates.length} template${templates.length === 1 ? '' : 's'} ${templates.length === 1 ? 'was' : 'were'} checked again, unchanged, with them.`,
      );
    }
  }
  return out;
}

/** Kustomizations whose resources a run re-reads, and resources read for each. */
const MAX_KUSTOMIZATIONS = 10;
const MAX_RESOURCES = 50;

/**
 * The manifests a changed kustomization names in `resources`: what the
 * folder deploys changed with it (a resource added, or one the overlay now
 * takes in), so they are checked at the head commit though unchanged. Only
 * files inside the repository are taken, not folders or remote bases.
 */
async function kustomizationResources(run: RunAccess): Promise<{ paths: string[]; notes: string[] }> {
  const out = { paths: [] as string[], notes: [] as string[] };
  const { changed } = run;
  for (const file of changed.filter(isKustomization).slice(0, MAX_KUSTOMIZATIONS)) {
    const text = await run.readHead(file);
    if (typeof text !== 'string') continue;
    let resources: unknown;
    try {
      resources = (parseYaml(text, { maxAliasCount: 100 }) as { resources?: unknown } | null)?.resources;
    } catch {
      continue; // the kustomization itself is checked as a changed YAML file, and says it does not parse
    }
    if (!Array.isArray(resources)) continue;
    const folder = folderOf(file);
    const named = resources
      .filter((r): r is string => typeof r === 'string' && /\.ya?ml$/i.test(r) && !/^[a-z][a-z0-9+.-]*:/i.test(r))
      .map((r) => posix.normalize(posix.join(folder, r)))
      .filter((p) => !p.startsWith('../') && !posix.isAbsolute(p) && !changed.includes(p))
      .slice(0, MAX_RESOURCES);
    out.paths.push(...named);
    if (named.length > 0) {
      out.notes.push(
        `${pathInCode(file)} changed: the ${named.length} manifest${named.length === 1 ? '' : 's'} it names ${named.length === 1 ? 'was' : 'were'} checked again, unchanged, with it.`,
      );
    }
  }
  return out;
}

/**
 * The kustomizations to build: those the pull request changes, and those
 * that apply a changed YAML or JSON file as a patch (looked for beside the
 * changed files, in at most MAX_KUSTOMIZATIONS folders), at most
 * MAX_KUSTOMIZATIONS in all.
 */
async function overlaysToBuild(run: RunAccess): Promise<string[]> {
  const { changed } = run;
  const roots = new Set(changed.filter(isKustomization));
  // Patches are YAML or JSON files; a workflow is none.
  const patches = changed.filter((p) => /\.(ya?ml|json)$/i.test(p) && !isKustomization(p) && !p.startsWith('.github/'));
  const folders = [...new Set(patches.map(folderOf))].slice(0, MAX_KUSTOMIZATIONS);
  // The folders are looked at together, not one after another.
  const found = await mapLimit(folders, run.concurrency, async (folder) => {
    // A listing tells whether the folder has a kustomization in one request, where the source can list.
    // (The root is not listed: GitHub's contents route names a path.)
    const names = run.canList && folder !== '' ? await run.list(folder) : undefined;
    if (names && !names.some(isKustomization)) return undefined;
    return kustomizationIn(folder, run.readHead).catch(() => undefined);
  });
  for (const k of found) {
    if (k && patchFiles(k.path, k.text).some((p) => changed.includes(p))) roots.add(k.path);
  }
  return [...roots].slice(0, MAX_KUSTOMIZATIONS);
}

/** Kustomizations a run reads to find the overlays of a base; past it, any overlay may patch the base. */
const MAX_OVERLAY_SCAN = 50;

/**
 * For each folder of a changed manifest that a kustomization deploys (a
 * Kustomize base): the kustomizations of the repository that take it in,
 * its own among them, and the probes each patches in. A base no
 * kustomization restores probes to deploys without them, so a missing
 * probe there is an error, not a warning an overlay might lift. Undefined
 * where the repository cannot be listed, or has more kustomizations than
 * MAX_OVERLAY_SCAN; overlays of overlays are not followed.
 */
async function probeOverlays(planned: readonly PlannedRunFile[], run: RunAccess): Promise<ProbeOverlays | undefined> {
  const manifests = planned.filter(
    (f) => f.kind === MANIFEST && !f.companion && !f.fromBase && !isKustomization(f.path),
  );
  if (manifests.length === 0) return undefined;
  const tree = await run.tree();
  if (!tree || tree.truncated) return undefined;
  const kustomizations = tree.paths.filter(isKustomization);
  const bases = [...new Set(manifests.map((f) => folderOf(f.path)))].filter((folder) =>
    kustomizations.some((k) => folderOf(k) === folder),
  );
  if (bases.length === 0 || kustomizations.length > MAX_OVERLAY_SCAN) return undefined;
  const read = await mapLimit(kustomizations, run.concurrency, async (k) => ({ path: k, text: await run.readHead(k) }));
  const out: Record<string, { overlay: string; probes: string[] }[]> = Object.fromEntries(bases.map((b) => [b, []]));
  for (const { path, text } of read) {
    if (typeof text !== 'string') {
      // A kustomization that cannot be read may patch any base: none is known.
      return undefined;
    }
    const parts = kustomizationParts(path, text);
    const takes = bases.filter((b) => folderOf(path) === b || parts.folders.includes(b));
    if (takes.length === 0) continue;
    const patches = await mapLimit(parts.patchFiles.slice(0, MAX_RESOURCES), run.concurrency, (p) => run.readHead(p));
    const texts = [...parts.inline, ...patches.filter((t): t is string => typeof t === 'string')];
    const probes = [...new Set(texts.flatMap(probesPatchedIn))];
    for (const base of takes) out[base]!.push({ overlay: path, probes });
  }
  return out;
}

/** What a build of an overlay gave, for the report's notes. */
function buildNote(build: OverlayBuild): string {
  const where = pathInCode(folderOf(build.kustomization) || '.');
  return 'built' in build
    ? `The overlay ${where} was built with \`kubectl kustomize\`, and the objects it builds were checked: findings on them are at ${pathInCode(build.kustomization)}.`
    : `The overlay ${where} was not built (${build.notBuilt}): what its patches change was not checked.`;
}

/**
 * The objects the overlays build: each overlay's output is read as a
 * manifest at its kustomization, conclusive (nothing is left to patch it),
 * its findings put at the kustomization's first line and saying so.
 */
function overlayCheck(builds: readonly OverlayBuild[]): ExtraCheck[] {
  const files: RunFile[] = builds.flatMap((b) =>
    'built' in b ? [{ path: b.kustomization, kind: MANIFEST, text: b.built }] : [],
  );
  if (files.length === 0) return [];
  return [
    {
      files,
      relabel: (f) =>
        // The gate's own findings (the output too complex to parse) say so already.
        (GATE_FINDINGS as readonly string[]).includes(f.ruleId)
          ? f
          : { ...f, message: `Built by kubectl kustomize: ${f.message}`, line: 1, column: 1 },
    },
  ];
}

/**
 * The manifests rendered before the run, checked as plain manifests (no
 * Helm directive to approximate, no overlay to cap them); none when there
 * are none. A file also planned is checked once.
 */
function renderedCheck(run: RunAccess, planned: readonly PlannedRunFile[]): ExtraCheck[] {
  const files: RunFile[] = run.rendered
    .filter((r) => !planned.some((p) => p.path === r.path))
    .slice(0, MAX_RENDERED)
    .map((r) =>
      typeof r.text === 'string'
        ? { path: r.path, kind: MANIFEST, text: r.text }
        : { path: r.path, kind: MANIFEST, text: undefined, unread: r.text },
    );
  return files.length === 0 ? [] : [{ files }];
}

/** Files of alerting rules read at the base commit a run, for alerts that moved between them. */
const MAX_ALERT_FILES_BEFORE = 50;

/**
 * The changed and removed YAML and JSON files that held alerting rules at
 * the base commit, as they were there, and the changed ones as they are
 * now, for `alert-runbook-drift` to find an alert that moved to another
 * file (the changed ones are read for their own check and alerts already:
 * the reads are shared).
 */
async function alertFilesBefore(run: RunAccess): Promise<RunFile[]> {
  if (run.named) return [];
  const rules = (p: string) => /\.(ya?ml|json)$/i.test(p) && !p.startsWith('.github/');
  // A changed file is read at the base only when it holds alerts now (its head is read for its check anyway); a
  // removed one is read there, since its alerts may have moved.
  const changed = await mapLimit(run.changed.filter(rules), run.concurrency, async (path): Promise<RunFile[]> => {
    const text = await run.readHead(path);
    return typeof text === 'string' && mayHoldAlerts(text) ? [{ path, kind: MANIFEST, text, companion: true }] : [];
  });
  // Their heads go too: an alert that is still in the file it was in was copied, not moved.
  const heads = changed.flat().slice(0, MAX_ALERT_FILES_BEFORE);
  // An alert can only have moved into a file that holds alerts now: with none, no removed file is read.
  if (heads.length === 0) return [];
  const paths = [...heads.map((f) => f.path), ...run.removed.filter(rules)].slice(0, MAX_ALERT_FILES_BEFORE);
  const read = await mapLimit(paths, run.concurrency, (path) => run.readBase({ path, kind: MANIFEST }));
  return [...read.filter((f) => typeof f.text === 'string' && mayHoldAlerts(f.text)), ...heads];
}

/** Runbooks alerts link, read at most this many a run beside the description's own links: the same bound's size. */
const alertRunbookBound = (run: RunAccess): ReadBound => ({
  what: 'runbooks that alerts link',
  max: run.settings.pullRequest.runbook.maxLinks,
  setting: 'pull-request.runbook.max-links',
  advice: 'Split the alerts across pull requests, or raise the bound.',
});

/** Runbooks the CLI reads for the alerts of the files named (an audit's too): from the disk, not the API. */
const MAX_AUDITED_RUNBOOKS = 3000;

/** Folders listed a run to find a runbook whose name an alert's URL gives in another case. */
const MAX_CASE_LISTINGS = 10;

/**
 * The runbooks that the alerting rules of the checked manifests link,
 * resolved as `alert-runbook` resolves them and read at the head commit,
 * each once: at most `alertRunbookBound`, the rest handed on unread so the
 * rule fails closed on them. A runbook not found under the exact path is
 * looked for in its folder without regard to case (a site generator serves
 * `KubePodCrashLooping.md` as `kubepodcrashlooping`); both entries are
 * handed on, the one not found with no text.
 */
async function alertRunbooks(planned: readonly PlannedRunFile[], run: RunAccess): Promise<RunFile[]> {
  const manifests = planned.filter((f) => f.kind === MANIFEST && !f.unread && !f.companion && !f.fromBase);
  const texts = await mapLimit(manifests, run.concurrency, (f) => run.readHead(f.path));
  const { settings } = run;
  const { runbook } = settings.pullRequest;
  const paths = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string' || !mayHoldAlerts(text)) continue;
    for (const url of settings.alerts.runbookAnnotations.flatMap((a) => runbookUrlsIn(text, a))) {
      const target = resolveRunbookUrl(url, settings.alerts, runbook.external, runbook.repository);
      if (target.kind === 'file') paths.add(target.path);
    }
  }
  // Files named (the CLI) are read from the disk, where a read costs no request: as many as an audit reads.
  const bound = { ...alertRunbookBound(run), ...(run.named ? { max: MAX_AUDITED_RUNBOOKS } : {}) };
  const all = [...paths];
  const listings = new Map<string, Promise<string[] | undefined>>();
  const listed = (folder: string) => {
    let names = listings.get(folder);
    if (!names) {
      names = run.canList && listings.size < MAX_CASE_LISTINGS ? run.list(folder) : Promise.resolve(undefined);
      listings.set(folder, names);
    }
    return names;
  };
  const read = await mapLimit(all.slice(0, bound.max), run.concurrency, async (path) => {
    const file = await run.readDocument({ path, kind: RUNBOOK });
    if (file.text !== undefined || file.unread) return [file];
    const folder = folderOf(path);
    const name = path.slice(folder === '' ? 0 : folder.length + 1).toLowerCase();
    const other = (await listed(folder))?.find((p) => p.slice(p.lastIndexOf('/') + 1).toLowerCase() === name);
    return other && other !== path ? [file, await run.readDocument({ path: other, kind: RUNBOOK })] : [file];
  });
  const past = all
    .slice(bound.max)
    .map((path): RunFile => ({ path, kind: RUNBOOK, text: undefined, unread: { kind: 'over-limit', bound } }));
  return [...read.flat(), ...past];
}
