/**
 * Grafana dashboards as teams keep them: a dashboard's JSON model in a file
 * (the export, or the `{ "dashboard": … }` the HTTP API takes), in a
 * ConfigMap labelled `grafana_dashboard` (the sidecar Grafana's Helm chart
 * runs), or in grafana-operator's `GrafanaDashboard` (`spec.json`, or a
 * dashboard it fetches: `spec.url`, `spec.grafanaCom`). What a service is
 * looked for in: the title, the tags, the template variables and the
 * panels' queries.
 */
import { isMap, LineCounter, parseAllDocuments } from 'yaml';
import { positionOf } from '../model/yaml-position.js';

export interface Dashboard {
  path: string;
  title: string;
  line: number;
  /** Where it is looked for a service: title, tags, variables, queries; lower case. */
  haystack: string;
  /** Fetched by the operator from elsewhere: its queries are not in the repository. */
  external?: string;
}

export function readDashboards(text: string, path: string): Dashboard[] {
  if (/\.json$/i.test(path)) {
    const model = dashboardModel(parseJson(text));
    return model ? [{ path, ...model, line: lineOfTitle(text, model.title) }] : [];
  }
  if (!/grafana_dashboard|GrafanaDashboard/.test(text)) return [];
  const counter = new LineCounter();
  const out: Dashboard[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false })) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const json = doc.toJS({ maxAliasCount: 100 }) as {
      kind?: unknown;
      apiVersion?: unknown;
      metadata?: { name?: unknown; labels?: Record<string, unknown> };
      data?: Record<string, unknown>;
      spec?: { json?: unknown; url?: unknown; grafanaCom?: { id?: unknown } };
    };
    const line = positionOf(counter, doc.getIn(['metadata', 'name'], true) ?? doc.contents).line;
    const name = typeof json.metadata?.name === 'string' ? json.metadata.name : '';
    if (json.kind === 'ConfigMap' && json.metadata?.labels && 'grafana_dashboard' in json.metadata.labels) {
      for (const value of Object.values(json.data ?? {})) {
        const model = typeof value === 'string' ? dashboardModel(parseJson(value)) : undefined;
        if (model) out.push({ path, ...model, line });
      }
    } else if (json.kind === 'GrafanaDashboard' && String(json.apiVersion).startsWith('grafana.integreatly.org/')) {
      const model = typeof json.spec?.json === 'string' ? dashboardModel(parseJson(json.spec.json)) : undefined;
      if (model) out.push({ path, ...model, line });
      else if (typeof json.spec?.url === 'string' || json.spec?.grafanaCom?.id !== undefined)
        out.push({
          path,
          title: name,
          line,
          haystack: name.toLowerCase(),
          external:
            typeof json.spec?.url === 'string'
              ? json.spec.url
              : `grafana.com dashboard ${String(json.spec?.grafanaCom?.id)}`,
        });
    }
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface Model {
  title?: unknown;
  tags?: unknown;
  panels?: unknown;
  rows?: unknown;
  templating?: { list?: unknown };
  dashboard?: unknown;
}

/** A dashboard's title and what names it, when the JSON is a dashboard: a title and panels (or the old rows). */
function dashboardModel(value: unknown): { title: string; haystack: string } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const model = ('dashboard' in value ? (value as Model).dashboard : value) as Model | undefined;
  if (!model || typeof model.title !== 'string' || !(Array.isArray(model.panels) || Array.isArray(model.rows)))
    return undefined;
  const parts: string[] = [model.title];
  if (Array.isArray(model.tags)) parts.push(...model.tags.filter((t): t is string => typeof t === 'string'));
  if (Array.isArray(model.templating?.list)) parts.push(JSON.stringify(model.templating.list));
  const panels = [
    ...(Array.isArray(model.panels) ? model.panels : []),
    ...(Array.isArray(model.rows)
      ? model.rows.flatMap((r: { panels?: unknown }) => (Array.isArray(r?.panels) ? r.panels : []))
      : []),
  ];
  // Rows of the new layout hold their panels too.
  const all = panels.flatMap((p: { panels?: unknown }) => [p, ...(Array.isArray(p?.panels) ? p.panels : [])]);
  for (const panel of all) {
    const targets = (panel as { targets?: unknown })?.targets;
    if (Array.isArray(targets)) parts.push(JSON.stringify(targets));
  }
  return { title: model.title, haystack: parts.join('\n').toLowerCase() };
}

function lineOfTitle(text: string, title: string): number {
  const at = text.lastIndexOf(`"title": ${JSON.stringify(title)}`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
