/**
 * A service, as the files a team keeps for it describe it (`services/`): a
 * Backstage catalog file (`catalog-info.yaml`) is this kind's document, and
 * so is, in a run, the file of a workload no catalog entity covers (the run
 * extension, `service-run.ts`, hands it over). A document is read with every
 * other file of its check (CODEOWNERS, SLOs, dashboards, alert rules,
 * runbooks, workloads), and its rules judge the services whose findings are
 * told there: those the pull request touches (a file of theirs changed), or
 * all of them when no change is known (the CLI's audit, a rule's example).
 */
import type { Waiver } from '../model/report.js';
import type { DocumentSettings } from '../model/spec.js';
import { CATALOG_FILE, type Entity } from '../services/catalog.js';
import {
  excludedFromServices,
  servicesOf,
  touches,
  type Service,
  type ServiceModel,
  type Unattributed,
} from '../services/model.js';
import { loadEntitySchemas } from '../services/validate.js';
import { BASE_PREFIX, type DocumentKind, type Facts } from './kind.js';
import { runbookKind } from './runbook.js';
import { serviceRun } from './service-run.js';

export interface ServiceView {
  path: string;
  /** This document and every other file of its check, by path. */
  files: { path: string; text: string }[];
  /** Catalog files as the base commit has them: a tier the pull request lowers is judged as it was. */
  base: { path: string; text: string }[];
}

export interface ServiceContext {
  path: string;
  settings: DocumentSettings;
  model: ServiceModel;
  /** The services whose findings are told in this document, and that the change touches. */
  judged: Service[];
  /** The entities of this file the rules judge: all of them when the file changed, else the judged services'. */
  entities: Entity[];
  /** Workloads of this file two services claim alike. */
  unattributed: Unattributed[];
}

/** The files a model was made of, with it: a later document whose files are these (each text the same) shares it. */
interface Made {
  files: readonly { path: string; text: string }[];
  model: ServiceModel;
}

const models = new WeakMap<DocumentSettings, Map<string, Made>>();

/** The services of a document's files, worked out once for the documents of one check that share them. */
export function modelOf(
  files: ServiceView['files'],
  settings: DocumentSettings,
  base: ServiceView['base'] = [],
): ServiceModel {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  const all = [...sorted, ...base.map((f) => ({ ...f, path: `${BASE_PREFIX}${f.path}` }))];
  const key = all.map((f) => `${f.path}\0${f.text.length}\0${hash(f.text)}`).join('\n');
  let cache = models.get(settings);
  if (!cache) models.set(settings, (cache = new Map()));
  const made = cache.get(key);
  // The key samples the texts; the files themselves decide (a fix tried on one changes a character).
  if (
    made &&
    made.files.length === all.length &&
    made.files.every((f, i) => f.path === all[i]!.path && f.text === all[i]!.text)
  )
    return made.model;
  const model = servicesOf(sorted, settings.services, {
    isRunbook: (p) => runbookKind.select(p, settings),
    runbookAnnotations: settings.alerts.runbookAnnotations,
    base,
  });
  // One check's documents share a model; a later check's are new.
  if (cache.size > 8) cache.clear();
  cache.set(key, { files: all, model });
  return model;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1 + (text.length >> 12)) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

function changedPaths(facts: Facts): string[] | undefined {
  return facts.pullRequest?.changedFiles?.files.filter((f) => !f.removed).map((f) => f.path);
}

export const serviceKind: DocumentKind<'service', ServiceView, ServiceContext> = {
  id: 'service',
  lineBreaks: 'yaml',
  waive:
    'An annotation on the service\'s catalog entity (or workload), `readiness-gate.io/waive.RULE: "reason"`, for the checks a tier requires (service-oncall, service-slo, service-alerts, service-dashboard, service-runbook, service-owner); the reason is listed with the report\'s waivers, and a waiver without one is an error.',
  select: (path, settings) => CATALOG_FILE(path) && !excludedFromServices(path, settings.services),
  bound: (settings) => ({
    what: 'files read for services',
    max: settings.services.maxFiles,
    setting: 'services.max-files',
    advice: 'Split the pull request, or narrow `services.files`.',
  }),
  readsAll: true,
  run: serviceRun,
  prepare: loadEntitySchemas,
  parse: (text, path, companions) => {
    const all = [...(companions ?? new Map<string, string | null>())];
    return {
      path,
      files: [
        { path, text },
        ...all.flatMap(([p, t]) =>
          t === null || p === path || p.startsWith(BASE_PREFIX) ? [] : [{ path: p, text: t }],
        ),
      ],
      base: all.flatMap(([p, t]) =>
        t !== null && p.startsWith(BASE_PREFIX) ? [{ path: p.slice(BASE_PREFIX.length), text: t }] : [],
      ),
    };
  },
  context(view, path, settings, facts) {
    const model = modelOf(view.files, settings, view.base);
    const changed = changedPaths(facts);
    const judged = model.services.filter((s) => s.home.path === path && (!changed || touches(s, changed)));
    const fileChanged = !changed || changed.includes(path);
    const entities = model.entities.filter(
      (e) => e.path === path && (fileChanged || judged.some((s) => s.entity === e)),
    );
    const unattributed = model.unattributed.filter((u) => u.workload.path === path);
    return { path, settings, model, judged, entities, unattributed };
  },
  waivers(view, settings, facts) {
    const { judged, path } = serviceKind.context(view, view.path, settings, facts);
    return judged.flatMap((s) =>
      Object.entries(s.checks).flatMap(([check, r]): Waiver[] =>
        r.status === 'waived'
          ? [
              {
                source: r.source?.path ?? path,
                section: `service ${s.name}`,
                label: `service-${check}`,
                reason: r.reason ?? '',
                line: r.source?.line ?? s.home.line,
              },
            ]
          : [],
      ),
    );
  },
};
