/**
 * Services, and what the repository keeps for each: the pure core of the
 * service checks and of the scorecard. Files in (catalog entities,
 * workloads, CODEOWNERS, SLOs, alert rules, dashboards, runbooks), services
 * out, each with the evidence for every launch question and the file:line
 * that decided it.
 *
 * A service is a Backstage `Component` of `spec.type: service`, or a
 * workload (Deployment, StatefulSet, DaemonSet, Rollout) no component
 * covers. A workload belongs to the component whose
 * `backstage.io/kubernetes-id` its labels carry, else whose
 * `backstage.io/kubernetes-label-selector` its labels match, else whose
 * folder (`backstage.io/source-location` in this repository, else the
 * catalog file's own folder) holds it, the deepest; two candidates alike
 * and the gate says it cannot tell. A workload no component covers is a
 * service of its own, one a folder of `services.paths` holds (named by the
 * folder), or named by its app label.
 */
import { parseManifest, type ManifestObject } from '../kinds/manifest.js';
import type { AlertRule } from '../kinds/manifest/alert-rules.js';
import { CODEOWNERS_PATHS, ownersOf, parseCodeowners, type OwnersLine } from '../model/codeowners.js';
import { folderOf, globMatcher } from '../model/paths.js';
import { CHECKS, type CheckId, type Status } from '../model/service-facts.js';
import type { ServiceSettings } from '../model/spec.js';
import { CATALOG_FILE, isService, parseRef, readCatalog, type Entity } from './catalog.js';
import { readDashboards, type Dashboard } from './dashboards.js';
import { readSlos, type Slo } from './slo.js';

export interface Where {
  path: string;
  line: number;
}

export interface CheckResult {
  status: Status;
  /** What decided it, in a few words: `@acme/payments in CODEOWNERS`, `no SLO names payments`. */
  detail: string;
  /** The file and line that decided it, when one did. */
  source?: Where;
  /** A waiver's reason. */
  reason?: string;
}

export interface Workload {
  path: string;
  kind: string;
  name: string;
  line: number;
  column: number;
  labels: Record<string, string>;
  annotations: Record<string, { value: string; line: number }>;
  namespace?: string;
}

export interface Service {
  name: string;
  /** Its catalog Component, when one covers it. */
  entity?: Entity;
  /** Where its findings are told: the component's name in its catalog file, else its first workload. */
  home: { path: string; line: number; column: number };
  workloads: Workload[];
  /** The folder its files are in, when it has one ('' for the whole repository). */
  folder?: string;
  tier: string;
  /** Where the tier was read, when not the default. */
  tierSource?: Where;
  /** Whether `services.tiers` names its tier: an unknown one is judged as the default tier. */
  tierKnown: boolean;
  /** The change lowers its tier (`from` at the base commit, `to` in the change): it is judged as `from`. */
  tierLowered?: { from: string; to: string };
  owner?: string;
  lifecycle?: string;
  checks: Record<CheckId, CheckResult>;
  /** SLOs naming it that are no objective (a target out of range, no window, an empty indicator). */
  sloProblems: { message: string; path: string; line: number; column: number; name: string }[];
  /** CODEOWNERS lines GitHub skips that would have decided who owns its files. */
  skippedOwners: { line: number; why: string }[];
  /** The CODEOWNERS teams its files are given to (`org/team`), and the line, when it is owned by one. */
  teams?: { teams: string[]; source: Where };
  /** The catalog owner and the CODEOWNERS team disagree. */
  ownerMismatch?: { catalog: string; teams: string[]; line: number };
  /** Its component's owner names a group neither the catalog nor CODEOWNERS knows. */
  unknownOwner?: { owner: string; line: number; column: number };
  /** Waivers without a reason: never a waiver. */
  emptyWaivers: { check: CheckId; line: number }[];
}

export interface Unattributed {
  workload: Workload;
  candidates: string[];
}

export interface ServiceModel {
  services: Service[];
  /** Workloads two services claim alike: the gate says it cannot tell. */
  unattributed: Unattributed[];
  entities: Entity[];
  /** Problems of catalog files that do not parse, by path. */
  catalogProblems: { path: string; message: string; line: number; column: number }[];
  /** Whether the repository describes services at all: a catalog file (read or not), or `services.paths`. */
  describes: boolean;
  /** Whether the repository keeps a catalog file, even one that does not parse: a workload no component covers is then a finding. */
  hasCatalog: boolean;
}

export interface ModelFile {
  path: string;
  text: string;
}

/**
 * Files that are no service's, whatever `services.exclude` adds: tests, test
 * data and fixtures (a catalog file there describes no service of this
 * repository), vendored and installed dependencies.
 */
export const DEFAULT_SERVICE_EXCLUDE = [
  '**/test/**',
  '**/tests/**',
  '**/testdata/**',
  '**/__tests__/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/vendor/**',
  '**/node_modules/**',
  '**/third_party/**',
];

const excluders = new WeakMap<ServiceSettings, (path: string) => boolean>();

/** Whether a file is left out of services: the built-in globs and `services.exclude`. */
export function excludedFromServices(path: string, settings: ServiceSettings): boolean {
  let excluded = excluders.get(settings);
  if (!excluded) excluders.set(settings, (excluded = globMatcher([...DEFAULT_SERVICE_EXCLUDE, ...settings.exclude])));
  return excluded(path);
}

/** The annotation that waives one service check on a component or workload, as manifests waive their rules. */
export const WAIVE_PREFIX = 'readiness-gate.io/waive.service-';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout']);

/**
 * The services these files describe, with their evidence. `isRunbook` tells
 * a runbook file by its path; `runbookAnnotations` are the alert
 * annotations that link one.
 */
export function servicesOf(
  files: readonly ModelFile[],
  settings: ServiceSettings,
  options: {
    isRunbook: (path: string) => boolean;
    runbookAnnotations: readonly string[];
    /** Catalog files as the base commit has them: a tier the change lowers is judged as it was. */
    base?: readonly ModelFile[];
  },
): ServiceModel {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const entities: Entity[] = [];
  const catalogProblems: ServiceModel['catalogProblems'] = [];
  const workloads: Workload[] = [];
  const slos: Slo[] = [];
  const dashboards: Dashboard[] = [];
  const alerts: (AlertRule & { path: string })[] = [];
  for (const { path, text } of files) {
    if (excludedFromServices(path, settings)) continue;
    if (CATALOG_FILE(path)) {
      const read = readCatalog(text, path);
      entities.push(...read.entities);
      catalogProblems.push(...read.problems.map((p) => ({ path, ...p })));
      continue;
    }
    if (/\.json$/i.test(path)) {
      dashboards.push(...readDashboards(text, path));
      continue;
    }
    if (!/\.ya?ml$/i.test(path) && !/\/templates\//.test(path)) continue;
    slos.push(...readSlos(text, path));
    dashboards.push(...readDashboards(text, path));
    // One parse for the file's objects and its alerts, its chart's values among the files read beside it; its own
    // path left out of them for the call (a manifest's own path among its companions is the file at the base).
    const own = byPath.get(path)!;
    byPath.delete(path);
    const view = parseManifest(text, path, byPath);
    byPath.set(path, own);
    alerts.push(...(view.alerts ?? []).map((a) => ({ ...a, path })));
    workloads.push(...view.objects.filter((o) => WORKLOADS.has(o.kind)).map((o) => workloadOf(o, path)));
  }
  const codeownersPath = CODEOWNERS_PATHS.find((p) => byPath.has(p));
  const codeowners = codeownersPath !== undefined ? parseCodeowners(byPath.get(codeownersPath)!) : undefined;
  const components = entities.filter(isService);
  const folderOfPath = (path: string) => serviceFolderOf(path, settings);

  const componentFolder = new Map<Entity, string | undefined>();
  for (const c of components) componentFolder.set(c, folderOfComponent(c, components));

  // Each workload to a component, a folder's service, or one of its own.
  const services = new Map<string, Service>();
  const unattributed: Unattributed[] = [];
  const serviceOf = (key: string, make: () => Service) => {
    let s = services.get(key);
    if (!s) services.set(key, (s = make()));
    return s;
  };
  for (const c of components) {
    serviceOf(`component:${c.namespace}/${c.name.value}`, () =>
      blank(c.name.value, { path: c.path, ...pick(c.name) }, c, componentFolder.get(c)),
    );
  }
  for (const w of workloads) {
    const candidates = componentsOf(w, components, componentFolder);
    if (candidates.length > 1) {
      unattributed.push({ workload: w, candidates: candidates.map((c) => c.name.value) });
      continue;
    }
    const c = candidates[0];
    if (c) {
      services.get(`component:${c.namespace}/${c.name.value}`)!.workloads.push(w);
      continue;
    }
    const folder = folderOfPath(w.path);
    // A workload's app name that is a component's is not that component's workload (its selectors said not):
    // it goes by its own name, not as a second service of the same name.
    const app = appName(w);
    const taken = components.some((c) => c.name.value === app);
    const name = folder !== undefined ? folder.slice(folder.lastIndexOf('/') + 1) : taken ? w.name : app;
    serviceOf(folder !== undefined ? `folder:${folder}` : `workload:${name}`, () =>
      blank(name, { path: w.path, line: w.line, column: w.column }, undefined, folder),
    ).workloads.push(w);
  }

  const groups = new Set(entities.filter((e) => e.kind === 'Group').map((e) => e.name.value.toLowerCase()));
  const teams = new Set(
    (codeowners ?? []).flatMap((l) => l.owners.filter(isTeam).map((o) => o.slice(o.indexOf('/') + 1).toLowerCase())),
  );
  const list = [...services.values()];
  const baseEntities = new Map(
    (options.base ?? [])
      .filter((f) => CATALOG_FILE(f.path))
      .flatMap((f) => readCatalog(f.text, f.path).entities.filter(isService))
      .map((e) => [`${e.namespace}/${e.name.value}`, e] as const),
  );
  for (const service of list) {
    assess(service, {
      baseEntities,
      settings,
      options,
      codeowners: codeowners && codeownersPath !== undefined ? { path: codeownersPath, lines: codeowners } : undefined,
      slos,
      dashboards,
      alerts,
      files,
      groups,
      teams,
    });
  }
  // A repository that keeps no catalog and names no service folder describes no services: its workloads are not held to them.
  const catalog = files.some((f) => CATALOG_FILE(f.path) && !excludedFromServices(f.path, settings));
  const describes = catalog || settings.paths.length > 0;
  return {
    services: describes ? list.sort((a, b) => a.name.localeCompare(b.name)) : [],
    unattributed,
    entities,
    catalogProblems,
    describes,
    hasCatalog: catalog,
  };
}

const folderGlobs = new WeakMap<ServiceSettings, (path: string) => boolean>();

/**
 * The folder of `services.paths` a path is in, the shortest that a glob
 * names (`apps/search` for `apps/search/deploy.yaml` under `apps/*`); none
 * when it is in none.
 */
export function serviceFolderOf(path: string, settings: ServiceSettings): string | undefined {
  let names = folderGlobs.get(settings);
  if (!names) folderGlobs.set(settings, (names = globMatcher(settings.paths.map((p) => p.replace(/\/+$/, '')))));
  const parts = path.split('/');
  for (let n = 1; n < parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    if (names(prefix)) return prefix;
  }
  return undefined;
}

/** The files of a service: its catalog file, its workloads', and every file in its folder. */
export function ownsPath(service: Service, path: string): boolean {
  if (service.entity?.path === path) return true;
  if (service.workloads.some((w) => w.path === path)) return true;
  return service.folder !== undefined && service.folder !== '' && path.startsWith(`${service.folder}/`);
}

/** Whether the change touches a service: a file of its own, or an SLO or dashboard that decided a check of it. */
export function touches(service: Service, changed: readonly string[]): boolean {
  const decided = new Set([
    ...service.sloProblems.map((p) => p.path),
    ...(['slo', 'dashboard'] as const).flatMap((c) => service.checks[c].source?.path ?? []),
  ]);
  return changed.some((p) => ownsPath(service, p) || decided.has(p));
}

const pick = (at: { line: number; column: number }) => ({ line: at.line, column: at.column });

function blank(name: string, home: Service['home'], entity: Entity | undefined, folder: string | undefined): Service {
  const none: CheckResult = { status: 'fail', detail: '' };
  return {
    name,
    home,
    ...(entity ? { entity } : {}),
    workloads: [],
    ...(folder !== undefined ? { folder } : {}),
    tier: '',
    tierKnown: true,
    checks: { owner: none, oncall: none, slo: none, alerts: none, dashboard: none, runbook: none },
    sloProblems: [],
    skippedOwners: [],
    emptyWaivers: [],
  };
}

function workloadOf(o: ManifestObject, path: string): Workload {
  const labels: Record<string, string> = {};
  for (const at of [o.field('spec', 'template', 'metadata', 'labels'), o.field('metadata', 'labels')]) {
    if (at && at.value && typeof at.value === 'object')
      for (const [k, v] of Object.entries(at.value)) if (typeof v === 'string') labels[k] = v;
  }
  const annotations: Workload['annotations'] = {};
  const given = o.field('metadata', 'annotations');
  if (given && given.value && typeof given.value === 'object')
    for (const [k, v] of Object.entries(given.value))
      if (typeof v === 'string')
        annotations[k] = { value: v, line: o.field('metadata', 'annotations', k)?.line ?? given.line };
  const namespace = o.field('metadata', 'namespace')?.value;
  return {
    path,
    kind: o.kind,
    name: o.name,
    line: o.line,
    column: o.column,
    labels,
    annotations,
    ...(typeof namespace === 'string' ? { namespace } : {}),
  };
}

/** A workload's app name: its app labels, else its own name; a chart's folder where a template writes it. */
function appName(w: Workload): string {
  const named = [w.labels['app.kubernetes.io/name'], w.labels.app, w.name].find((n) => n && !/\{\{|HELM_VALUE/.test(n));
  if (named) return named;
  const chart = /(?:^|\/)([^/]+)\/templates\//.exec(w.path);
  return chart?.[1] ?? w.name;
}

/** The folder a component covers: its source location in this repository, else its catalog file's folder. */
function folderOfComponent(c: Entity, components: readonly Entity[]): string | undefined {
  const location = c.annotations['backstage.io/source-location']?.value;
  if (location) {
    const dir = /^dir:(.*)$/.exec(location)?.[1];
    if (dir !== undefined) return normalise(folderOf(c.path), dir);
    const tree = /^url:.*?\/(?:tree|blob)\/[^/]+\/?(.*)$/.exec(location)?.[1];
    if (tree !== undefined) return tree.replace(/\/+$/, '');
  }
  const folder = folderOf(c.path);
  // A catalog file at the root names the whole repository only when it is the repository's one service.
  if (folder === '' && components.filter((o) => folderOf(o.path) === '').length > 1) return undefined;
  return folder;
}

function normalise(from: string, relative: string): string {
  const parts = from === '' ? [] : from.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function componentsOf(w: Workload, components: readonly Entity[], folders: Map<Entity, string | undefined>): Entity[] {
  const id = w.labels['backstage.io/kubernetes-id'];
  if (id) {
    const found = components.filter((c) => c.annotations['backstage.io/kubernetes-id']?.value === id);
    if (found.length > 0) return found;
  }
  const bySelector = components.filter((c) => {
    const selector = c.annotations['backstage.io/kubernetes-label-selector']?.value;
    return selector !== undefined && selects(selector, w.labels);
  });
  if (bySelector.length > 0) return bySelector;
  let best: Entity[] = [];
  let depth = -1;
  for (const c of components) {
    const folder = folders.get(c);
    if (folder === undefined || (folder !== '' && !w.path.startsWith(`${folder}/`))) continue;
    const d = folder === '' ? 0 : folder.split('/').length;
    if (d > depth) [best, depth] = [[c], d];
    else if (d === depth) best.push(c);
  }
  return best;
}

/** Whether labels match a Kubernetes equality selector (`app=payments,tier!=canary`); set-based terms are not read and never match. */
function selects(selector: string, labels: Record<string, string>): boolean {
  const terms = selector
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (terms.length === 0) return false;
  return terms.every((term) => {
    const m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (!m) return false;
    const [, key, op, value] = m;
    return op === '!=' ? labels[key!] !== value : labels[key!] === value;
  });
}

const isTeam = (owner: string) => /^@[^/\s]+\/[^/\s]+$/.test(owner);

interface Evidence {
  settings: ServiceSettings;
  options: { isRunbook: (path: string) => boolean; runbookAnnotations: readonly string[] };
  /** The components as the base commit's catalog has them, by `namespace/name`. */
  baseEntities: ReadonlyMap<string, Entity>;
  codeowners: { path: string; lines: OwnersLine[] } | undefined;
  slos: readonly Slo[];
  dashboards: readonly Dashboard[];
  alerts: readonly (AlertRule & { path: string })[];
  files: readonly ModelFile[];
  groups: ReadonlySet<string>;
  teams: ReadonlySet<string>;
}

function assess(service: Service, ev: Evidence): void {
  const { entity } = service;
  const { settings } = ev;
  const annotation = (key: string): { value: string; where: Where } | undefined => {
    const own = entity?.annotations[key];
    if (own && own.value.trim() !== '') return { value: own.value, where: { path: entity.path, line: own.line } };
    for (const w of service.workloads) {
      const a = w.annotations[key];
      if (a && a.value.trim() !== '') return { value: a.value, where: { path: w.path, line: a.line } };
    }
    return undefined;
  };
  if (entity?.owner) service.owner = entity.owner.value;
  if (entity?.lifecycle) service.lifecycle = entity.lifecycle.value;

  // The tier: the configured field, else the default.
  const tier = tierOf(service, settings.tierFrom);
  service.tier = tier?.value ?? settings.defaultTier;
  if (tier) service.tierSource = tier.where;
  service.tierKnown = Object.hasOwn(settings.tiers, service.tier);
  // A tier the change lowers (production to experimental, with the SLO taken out in the same pull request) is
  // judged as the base commit has it: the change cannot lower what it is held to. It takes effect once merged.
  const before = entity ? ev.baseEntities.get(`${entity.namespace}/${entity.name.value}`) : undefined;
  if (before) {
    const was = tierOf({ ...service, entity: before, workloads: [] }, settings.tierFrom)?.value ?? settings.defaultTier;
    const owes = (t: string) =>
      new Set(settings.tiers[Object.hasOwn(settings.tiers, t) ? t : settings.defaultTier] ?? []);
    const [then, now] = [owes(was), owes(service.tier)];
    if (was !== service.tier && [...now].every((c) => then.has(c)) && then.size > now.size) {
      service.tierLowered = { from: was, to: service.tier };
      service.tier = was;
      service.tierKnown = Object.hasOwn(settings.tiers, was);
    }
  }
  const required = new Set(settings.tiers[service.tierKnown ? service.tier : settings.defaultTier] ?? []);

  const results: Record<CheckId, CheckResult> = {
    owner: owner(service, ev),
    oncall: (() => {
      for (const key of settings.oncallAnnotations) {
        const found = annotation(key);
        if (found) return { status: 'pass', detail: `${key}: ${found.value}`, source: found.where };
      }
      return { status: 'fail', detail: `no on-call annotation (${settings.oncallAnnotations.join(', ')})` };
    })(),
    slo: slo(service, ev),
    alerts: (() => {
      const found = alertsOf(service, ev);
      return found.length > 0
        ? {
            status: 'pass',
            detail: `${found.length} alert${found.length === 1 ? '' : 's'} (${found[0]!.name}${found.length > 1 ? ', …' : ''})`,
            source: { path: found[0]!.path, line: found[0]!.line },
          }
        : {
            status: 'fail',
            detail: `no alert selects ${service.name} (by ${settings.matchLabels.join(', ')})`,
          };
    })(),
    dashboard: dashboard(service, ev, annotation),
    runbook: runbook(service, ev),
  };
  for (const check of CHECKS) {
    const waiver = annotation(`${WAIVE_PREFIX}${check}`);
    const raw =
      entity?.annotations[`${WAIVE_PREFIX}${check}`] ??
      service.workloads.map((w) => w.annotations[`${WAIVE_PREFIX}${check}`]).find(Boolean);
    if (raw && !waiver) service.emptyWaivers.push({ check, line: raw.line });
    if (!required.has(check))
      service.checks[check] = { ...results[check], status: results[check].status === 'pass' ? 'pass' : 'not-required' };
    else if (waiver && results[check].status === 'fail')
      service.checks[check] = {
        status: 'waived',
        detail: results[check].detail,
        source: waiver.where,
        reason: waiver.value,
      };
    else service.checks[check] = results[check];
  }
}

function tierOf(service: Service, from: string): { value: string; where: Where } | undefined {
  const { entity } = service;
  if (from === 'spec.lifecycle')
    return entity?.lifecycle
      ? { value: entity.lifecycle.value, where: { path: entity.path, line: entity.lifecycle.line } }
      : undefined;
  const [where, key] = [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)];
  const own = where === 'annotation' ? entity?.annotations[key] : entity?.labels[key];
  if (entity && own) return { value: own.value, where: { path: entity.path, line: own.line } };
  for (const w of service.workloads) {
    if (where === 'annotation' && w.annotations[key])
      return { value: w.annotations[key].value, where: { path: w.path, line: w.annotations[key].line } };
    if (where === 'label' && w.labels[key] !== undefined)
      return { value: w.labels[key], where: { path: w.path, line: w.line } };
  }
  return undefined;
}

/** The paths that stand for a service's files in CODEOWNERS: its catalog file, its workloads, its folder. */
function ownedPaths(service: Service): string[] {
  return [...(service.entity ? [service.entity.path] : []), ...service.workloads.map((w) => w.path)].filter(
    (p, i, all) => all.indexOf(p) === i,
  );
}

/**
 * The teams a CODEOWNERS file gives a service's files (`org/team`), and its
 * line: the line that decides its first file, when it names a team.
 */
export function teamsIn(
  service: Service,
  codeowners: { path: string; text: string },
): { teams: string[]; source: Where } | undefined {
  const [first] = ownedPaths(service);
  const decided = first === undefined ? undefined : ownersOf(parseCodeowners(codeowners.text), first);
  const teams = decided?.owners.filter(isTeam).map((t) => t.slice(1)) ?? [];
  return decided && teams.length > 0 ? { teams, source: { path: codeowners.path, line: decided.line } } : undefined;
}

function owner(service: Service, ev: Evidence): CheckResult {
  const { entity } = service;
  if (entity?.owner) {
    const ref = parseRef(entity.owner.value);
    const name = ref.name.toLowerCase();
    if ((ref.kind === undefined || ref.kind === 'group') && !ev.groups.has(name) && !ev.teams.has(name))
      service.unknownOwner = { owner: entity.owner.value, line: entity.owner.line, column: entity.owner.column };
  }
  if (!ev.codeowners) return { status: 'fail', detail: `no CODEOWNERS file (${CODEOWNERS_PATHS.join(', ')})` };
  const { path, lines } = ev.codeowners;
  const paths = ownedPaths(service);
  let decided: { owners: string[]; line: number } | undefined;
  for (const p of paths) {
    // What GitHub skips would have decided: said, since the file is then owned by an earlier line or nobody.
    const skipped = lines.findLast((l) => l.matches(p));
    if (skipped?.skipped !== undefined && !service.skippedOwners.some((s) => s.line === skipped.line))
      service.skippedOwners.push({ line: skipped.line, why: skipped.skipped });
    const found = ownersOf(lines, p);
    if (!found) return { status: 'fail', detail: `${p} has no owner in ${path}`, source: { path, line: 1 } };
    decided ??= found;
    const teams = found.owners.filter(isTeam);
    if (teams.length === 0)
      return {
        status: 'fail',
        detail: `${p} is owned only by individuals (${found.owners.join(' ')}) in ${path}: a team is required`,
        source: { path, line: found.line },
      };
  }
  if (!decided) return { status: 'fail', detail: `no file of ${service.name} to look up in ${path}` };
  const teams = decided.owners.filter(isTeam);
  if (entity?.owner) {
    const name = parseRef(entity.owner.value).name.toLowerCase();
    if (!teams.some((t) => t.slice(t.indexOf('/') + 1).toLowerCase() === name))
      service.ownerMismatch = { catalog: entity.owner.value, teams, line: decided.line };
  }
  service.teams = { teams: teams.map((t) => t.slice(1)), source: { path, line: decided.line } };
  return { status: 'pass', detail: `${teams.join(' ')} in ${path}`, source: { path, line: decided.line } };
}

/** Whether a text names the service, as a whole word (`payments`, not `payments-db`'s prefix alone). */
function names(text: string, name: string): boolean {
  const n = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9_-])${n}($|[^a-z0-9_-])`, 'i').test(text);
}

/** Whether a query's selectors name the service under one of these labels (`job="payments"`, `service=~"payments"`). */
function selectsService(text: string, labels: readonly string[], values: readonly string[]): boolean {
  return labels.some((l) =>
    values.some((v) =>
      new RegExp(
        `(^|[^a-zA-Z0-9_])${l}\\s*=~?\\s*\\\\?["'\`]${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\\\?["'\`]`,
      ).test(text),
    ),
  );
}

function valuesFor(service: Service, label: string): string[] {
  if (label === 'namespace') return [...new Set(service.workloads.flatMap((w) => (w.namespace ? [w.namespace] : [])))];
  return [service.name];
}

function slo(service: Service, ev: Evidence): CheckResult {
  const labels = ev.settings.matchLabels;
  const named = ev.slos.filter(
    (s) =>
      (s.service !== undefined && s.service.value.toLowerCase() === service.name.toLowerCase()) ||
      labels.some((l) => valuesFor(service, l).some((v) => s.labels[l] === v)) ||
      labels.some((l) => selectsService(s.queries, [l], valuesFor(service, l))),
  );
  for (const s of named)
    for (const p of s.problems) service.sloProblems.push({ ...p, path: s.path, name: `${s.format} SLO "${s.name}"` });
  const good = named.find((s) => s.problems.length === 0);
  if (good)
    return {
      status: 'pass',
      detail: `${good.format} SLO "${good.name}"`,
      source: { path: good.path, line: good.line },
    };
  if (named.length > 0)
    return {
      status: 'fail',
      detail: `every SLO naming ${service.name} is incomplete`,
      source: { path: named[0]!.path, line: named[0]!.line },
    };
  return { status: 'fail', detail: `no SLO names ${service.name} (OpenSLO, Sloth or Pyrra)` };
}

function alertsOf(service: Service, ev: Evidence): (AlertRule & { path: string })[] {
  const labels = ev.settings.matchLabels;
  return ev.alerts.filter(
    (a) =>
      labels.some((l) => valuesFor(service, l).some((v) => a.labels[l] === v)) ||
      (a.expr !== undefined && labels.some((l) => selectsService(a.expr!, [l], valuesFor(service, l)))),
  );
}

function dashboard(
  service: Service,
  ev: Evidence,
  annotation: (key: string) => { value: string; where: Where } | undefined,
): CheckResult {
  const found = ev.dashboards.find((d) => names(d.haystack, service.name));
  if (found)
    return {
      status: 'pass',
      detail: `${found.external ? 'dashboard fetched from elsewhere' : 'Grafana dashboard'} "${found.title}"`,
      source: { path: found.path, line: found.line },
    };
  for (const key of ['grafana/dashboard-selector', 'grafana/overview-dashboard']) {
    const a = annotation(key);
    if (a) return { status: 'pass', detail: `${key}: ${a.value}`, source: a.where };
  }
  const link = service.entity?.links.find((l) => /dashboard|grafana/i.test(`${l.title} ${l.url}`));
  if (link && service.entity)
    return {
      status: 'pass',
      detail: `linked dashboard ${link.url}`,
      source: { path: service.entity.path, line: link.line },
    };
  return { status: 'fail', detail: `no dashboard references ${service.name}` };
}

function runbook(service: Service, ev: Evidence): CheckResult {
  const { entity } = service;
  const link = entity?.links.find((l) => /runbook|playbook/i.test(`${l.title} ${l.url}`));
  if (link && entity)
    return { status: 'pass', detail: `linked runbook ${link.url}`, source: { path: entity.path, line: link.line } };
  for (const a of alertsOf(service, ev)) {
    for (const key of ev.options.runbookAnnotations) {
      const at = a.annotations[key];
      if (at && at.value.trim() !== '')
        return {
          status: 'pass',
          detail: `runbook of alert ${a.name}: ${at.value}`,
          source: { path: a.path, line: at.line },
        };
    }
  }
  const file = ev.files.find((f) => ev.options.isRunbook(f.path) && pathNames(f.path, service.name));
  if (file) return { status: 'pass', detail: `runbook ${file.path}`, source: { path: file.path, line: 1 } };
  return {
    status: 'fail',
    detail: `no runbook for ${service.name} (a catalog link, an alert's runbook, a runbook file named for it)`,
  };
}

/** Whether a path names the service: a folder or a file stem that is its name. */
function pathNames(path: string, name: string): boolean {
  const lower = name.toLowerCase();
  return path
    .toLowerCase()
    .split('/')
    .some((part) => part === lower || part.replace(/\.[^.]+$/, '') === lower);
}
