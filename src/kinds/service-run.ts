/**
 * What the service kind brings to a run: the files that answer for the
 * services the change touches, read from the repository at the head
 * commit, and the documents that judge them.
 *
 * Nothing happens unless the change touches a file a service may be made
 * of (a catalog file, CODEOWNERS, a YAML or JSON file, a file under
 * `services.paths`), or the run is an audit. Then the repository's files
 * are listed once (one request on GitHub), and the gate stops there when
 * the repository describes no services (no catalog file, no
 * `services.paths`). Else it reads, bounded by `services.max-files`:
 * CODEOWNERS, the files `services.files` selects (catalogs, SLOs,
 * dashboards, alert rules), the changed files, then the YAML files in the
 * touched services' folders (in an audit, every service's and every folder
 * `services.paths` names) and the runbooks named for them.
 */
import { CODEOWNERS_PATHS } from '../model/codeowners.js';
import { folderOf, globMatcher } from '../model/paths.js';
import { CATALOG_FILE } from '../services/catalog.js';
import type { OwedApproval } from '../model/conditions.js';
import type { ServiceFacts } from '../model/service-facts.js';
import { factsOf } from '../services/facts.js';
import {
  excludedFromServices,
  serviceFolderOf,
  servicesOf,
  teamsIn,
  touches,
  type ServiceModel,
} from '../services/model.js';
import { loadEntitySchemas } from '../services/validate.js';
import { mapLimit } from '../concurrency.js';
import type { PlannedRunFile, RunAccess, RunExtension, RunFile } from './kind.js';
import { runbookKind } from './runbook.js';

const KIND = 'service';

interface Gathered {
  /** The files read for services, as companions of their documents. */
  files: RunFile[];
  /** Files past `services.max-files`, not read: the run fails, naming them. */
  notRead: string[];
  model?: ServiceModel;
  /** The paths the change touches (the named files, in the CLI): undefined in an audit. */
  changed?: readonly string[];
  notes: string[];
  /** Why no model could be made of the files (a file nested too deep to read): the run fails closed on it. */
  failed?: { path: string; reason: string };
}

const runs = new WeakMap<RunAccess, Promise<Gathered>>();

/** The files for services, gathered once a run whichever phase asks first. */
function gather(run: RunAccess, planned: readonly PlannedRunFile[]): Promise<Gathered> {
  let found = runs.get(run);
  if (!found) runs.set(run, (found = gatherOnce(run, planned)));
  return found;
}

const YAML_OR_JSON = /\.(ya?ml|json)$/i;

async function gatherOnce(run: RunAccess, planned: readonly PlannedRunFile[]): Promise<Gathered> {
  const { services } = run.settings;
  const changed = run.audit
    ? undefined
    : run.named
      ? planned.filter((f) => !f.companion && !f.fromBase).map((f) => f.path)
      : run.changed;
  const inFolders = globMatcher(services.paths.map((p) => `${p.replace(/\/+$/, '')}/**`));
  const selected = globMatcher(services.files);
  const mayMatter = (p: string) =>
    CATALOG_FILE(p) || CODEOWNERS_PATHS.includes(p) || YAML_OR_JSON.test(p) || /\/templates\//.test(p) || inFolders(p);
  if (changed && !changed.some(mayMatter)) return { files: [], notRead: [], notes: [] };
  const tree = await run.tree();
  if (!tree)
    return {
      files: [],
      notRead: [],
      notes: run.canList ? [] : ["Services were not judged: the repository's files cannot be listed here."],
    };
  const notes = tree.truncated
    ? [
        `The repository has more files than the gate lists (${tree.paths.length}); services whose files are past them were judged without them.`,
      ]
    : [];
  const kept = tree.paths.filter((p) => !excludedFromServices(p, services));
  const paths = new Set(kept);
  if (services.paths.length === 0 && !kept.some((p) => CATALOG_FILE(p))) return { files: [], notRead: [], notes };

  const wanted = new Set<string>();
  for (const p of CODEOWNERS_PATHS) if (paths.has(p)) wanted.add(p);
  for (const p of kept) if (selected(p)) wanted.add(p);
  for (const p of changed ?? []) if (paths.has(p) && mayMatter(p)) wanted.add(p);
  const budget = { left: services.maxFiles, notRead: [] as string[] };
  const files = await readAll(run, [...wanted], budget);
  // Backstage's schemas, read only by a run that has a catalog file.
  if (files.some((f) => CATALOG_FILE(f.path))) await loadEntitySchemas();
  let first: ServiceModel;
  try {
    first = modelOf(files, run);
  } catch (error) {
    return { files, notRead: budget.notRead, notes, failed: modelFailure(files, error) };
  }
  const touched = first.services.filter((s) => !changed || touches(s, changed));
  // The rest of the touched services' files: their folders' YAML (workloads, charts), the runbooks named for them.
  const more = new Set<string>();
  // An audit reads the folders `services.paths` names too: the services no catalog entity covers are there; and
  // each catalog file's folder, read or not: a service whose entity cannot be read is still there.
  const serviceFolders = changed
    ? []
    : [
        ...kept.flatMap((p) => serviceFolderOf(p, services) ?? []),
        ...kept.filter((p) => CATALOG_FILE(p) && folderOf(p) !== '').map(folderOf),
      ];
  const folders = [
    ...new Set([
      ...touched.flatMap((s) => (s.folder !== undefined && s.folder !== '' ? [s.folder] : [])),
      ...serviceFolders,
    ]),
  ];
  const names = new Set(touched.map((s) => s.name.toLowerCase()));
  for (const p of kept) {
    if (wanted.has(p)) continue;
    if (folders.some((f) => p.startsWith(`${f}/`)) && (YAML_OR_JSON.test(p) || /\/templates\//.test(p))) more.add(p);
    else if (
      runbookKind.select(p, run.settings) &&
      p
        .toLowerCase()
        .split('/')
        .some((part) => names.has(part.replace(/\.[^.]+$/, '')))
    )
      more.add(p);
  }
  // The touched services' catalog files as the base commit has them, read beside the rest: a tier the change lowers
  // is judged as it was.
  const catalogs = [...new Set(touched.flatMap((s) => (s.entity ? [s.entity.path] : [])))];
  const [rest, base] = await Promise.all([
    readAll(run, [...more], budget),
    changed ? Promise.all(catalogs.map((path) => run.readBase({ path, kind: KIND }))) : [],
  ]);
  const all = [...files, ...rest];
  try {
    return {
      files: [...all, ...base.filter((f) => f.text !== undefined)],
      notRead: budget.notRead,
      model: modelOf(all, run, base),
      ...(changed ? { changed } : {}),
      notes,
    };
  } catch (error) {
    return { files: all, notRead: budget.notRead, notes, failed: modelFailure(all, error) };
  }
}

/** CODEOWNERS as the base commit has it: the first of GitHub's three places that exists there. */
async function baseCodeowners(run: RunAccess): Promise<{ path: string; text: string } | undefined> {
  const read = await Promise.all(CODEOWNERS_PATHS.map((path) => run.readBase({ path, kind: KIND })));
  const found = read.find((f) => typeof f.text === 'string');
  return found ? { path: found.path, text: found.text! } : undefined;
}

/** Where a model that could not be made is said: the first catalog file read, else the first file. */
function modelFailure(files: readonly RunFile[], error: unknown): { path: string; reason: string } {
  const at = files.find((f) => CATALOG_FILE(f.path)) ?? files[0];
  const why =
    error instanceof RangeError ? 'a file nests too deeply to read' : String((error as Error)?.message ?? error);
  return { path: at?.path ?? '.', reason: `the repository's services could not be worked out from its files (${why})` };
}

async function readAll(
  run: RunAccess,
  paths: string[],
  budget: { left: number; notRead: string[] },
): Promise<RunFile[]> {
  paths.sort();
  const read = paths.slice(0, Math.max(0, budget.left));
  budget.notRead.push(...paths.slice(read.length));
  budget.left -= read.length;
  const texts = await mapLimit(read, run.concurrency, (p) => run.readHead(p));
  return read.flatMap((path, i): RunFile[] => {
    const text = texts[i];
    if (text === undefined) return [];
    return typeof text === 'string'
      ? [{ path, kind: KIND, text }]
      : [{ path, kind: KIND, text: undefined, unread: text }];
  });
}

function modelOf(files: readonly RunFile[], run: RunAccess, base: readonly RunFile[] = []): ServiceModel {
  const texts = (list: readonly RunFile[]) =>
    list.flatMap((f) => (f.text !== undefined ? [{ path: f.path, text: f.text }] : []));
  return servicesOf(texts(files), run.settings.services, {
    isRunbook: (p) => runbookKind.select(p, run.settings),
    runbookAnnotations: run.settings.alerts.runbookAnnotations,
    base: texts(base),
  });
}

export const serviceRun: RunExtension = {
  async linked(planned, run) {
    const documents = (files: readonly { kind: string; companion?: true }[]) =>
      files.some((f) => f.kind === KIND && !f.companion);
    if (!documents(planned)) return { files: [], wanted: () => false };
    const gathered = await gather(run, planned);
    const companions = gathered.files
      .filter((f) => f.text !== undefined)
      .map((f) => ({ ...f, companion: true as const }));
    return { files: [], wanted: documents, companions };
  },

  async extraChecks(plannedSoon, run) {
    const planned = await plannedSoon;
    const gathered = await gather(run, planned);
    const { model, changed } = gathered;
    if (gathered.failed) {
      const { path, reason } = gathered.failed;
      return {
        checks: [{ files: [{ path, kind: KIND, text: undefined, unread: { kind: 'failed', reason } }] }],
        notes: gathered.notes,
      };
    }
    if (!model?.describes) return { checks: [], notes: gathered.notes };
    const judged = model.services.filter((s) => !changed || touches(s, changed));
    // Documents planned already (a changed catalog file) are judged there, with these files beside them.
    const own = new Set(planned.filter((f) => f.kind === KIND && !f.companion).map((f) => f.path));
    const homes = new Set([
      ...judged.map((s) => s.home.path),
      ...model.unattributed.filter((u) => !changed || changed.includes(u.workload.path)).map((u) => u.workload.path),
    ]);
    const texts = new Map(gathered.files.filter((f) => !f.fromBase).map((f) => [f.path, f]));
    const documents = [...homes]
      .filter((p) => !own.has(p) && texts.get(p)?.text !== undefined)
      .map((p) => ({ path: p, kind: KIND, text: texts.get(p)!.text! }));
    const notRead: RunFile[] = gathered.notRead.map((path) => ({
      path,
      kind: KIND,
      text: undefined,
      unread: {
        kind: 'over-limit',
        bound: {
          what: 'files read for services',
          max: run.settings.services.maxFiles,
          setting: 'services.max-files',
          advice: 'Narrow `services.files`, or raise the bound.',
        },
      },
    }));
    const companions = gathered.files
      .filter((f) => f.fromBase || !homes.has(f.path) || own.has(f.path))
      .map((f) => ({ ...f, companion: true as const }));
    const services: ServiceFacts[] = judged.map(factsOf);
    // What the touched services of the tiers `services.owner-approval` names owe their owning teams: the teams
    // the base commit's CODEOWNERS gives their files, as GitHub's own code-owner review takes them, so a pull
    // request cannot choose who approves it; a new service's, that the base does not own yet, from the head.
    const owing = judged.filter((s) => run.settings.services.ownerApproval.includes(s.tier) && s.teams);
    const base = owing.length > 0 ? await baseCodeowners(run) : undefined;
    const owed: OwedApproval[] = owing.map((s) => {
      const { teams, source } = (base && teamsIn(s, base)) ?? s.teams!;
      return { service: s.name, tier: s.tier, teams, source };
    });
    return {
      ...(owed.length > 0 ? { owed } : {}),
      checks: documents.length + notRead.length > 0 ? [{ files: [...documents, ...notRead, ...companions] }] : [],
      notes: gathered.notes,
      services,
    };
  },
};

/**
 * Every service of the repository and its facts, as an audit reads them:
 * the scorecard (`readiness-gate services`), through the same reads as a run.
 */
export async function auditServices(
  run: RunAccess,
): Promise<{ services: ServiceFacts[]; describes: boolean; notRead: string[]; notes: string[]; problems: string[] }> {
  const gathered = await gather(run, []);
  if (gathered.failed) throw new Error(`${gathered.failed.path}: ${gathered.failed.reason}`);
  const model = gathered.model;
  // A catalog file Backstage cannot read, or an entity it refuses, is said beside the scorecard: what it would
  // have said is not in it.
  const problems = [
    ...(model?.catalogProblems ?? []).map((p) => `${p.path}:${p.line}: ${p.message}`),
    ...(model?.entities ?? []).flatMap((e) =>
      e.problems.map((p) => `${e.path}:${p.line}: Backstage would reject ${e.kind} "${e.name.value}": ${p.message}`),
    ),
  ];
  return {
    services: (model?.services ?? []).map(factsOf),
    describes: model?.describes === true,
    notRead: gathered.notRead,
    notes: gathered.notes,
    problems,
  };
}
