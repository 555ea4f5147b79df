/**
 * Service level objectives in the three formats teams keep them in, read
 * with each format's own fields:
 *
 * - OpenSLO (`apiVersion: openslo/v1`, and `openslo/v1alpha` as Sloth reads
 *   it), `kind: SLO`: `spec.service`, `spec.objectives[].target` (a
 *   fraction) or `targetPercent`, `spec.timeWindow` (`timeWindows` in
 *   v1alpha), `spec.indicator` or `spec.indicatorRef` (v1alpha: each
 *   objective's `ratioMetrics`);
 * - Sloth, the `PrometheusServiceLevel` object (`sloth.slok.dev/v1`) and the
 *   plain `version: prometheus/v1` file: `service`, `slos[].objective` (a
 *   percentage), `slos[].sli` (`events`, `raw` or `plugin`); Sloth's window
 *   is 30 days unless set, so it is never missing;
 * - Pyrra (`pyrra.dev/v1alpha1`, `kind: ServiceLevelObjective`):
 *   `spec.target` (a percentage), `spec.window`, `spec.indicator`; Pyrra has
 *   no service field, so its labels and its queries' selectors say which.
 */
import { isMap, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { positionOf } from '../model/yaml-position.js';

export type SloFormat = 'OpenSLO' | 'Sloth' | 'Pyrra';

export interface Slo {
  path: string;
  format: SloFormat;
  name: string;
  line: number;
  column: number;
  /** The service it declares (OpenSLO, Sloth). */
  service?: { value: string; line: number };
  /** Its labels (Pyrra's and Sloth's `labels`, `metadata.labels`), and its namespace. */
  labels: Record<string, string>;
  namespace?: string;
  /** Its indicator's queries, for the selectors that name a service. */
  queries: string;
  /** What makes it no objective: a target outside (0, 100) %, no window, an empty indicator. */
  problems: { message: string; line: number; column: number }[];
}

/** Whether a text may hold an SLO in one of the formats: one cheap search before YAML is parsed. */
export function mayHoldSlos(text: string): boolean {
  return /openslo\/v1|sloth\.slok\.dev\/|prometheus\/v1|pyrra\.dev\//.test(text);
}

export function readSlos(text: string, path: string): Slo[] {
  if (!mayHoldSlos(text)) return [];
  const counter = new LineCounter();
  const out: Slo[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false })) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const json = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    const read = new Reader(doc, counter, json);
    const apiVersion = typeof json.apiVersion === 'string' ? json.apiVersion : '';
    if (/^openslo\/v1(alpha)?$/.test(apiVersion) && json.kind === 'SLO') out.push(openSlo(read, path, apiVersion));
    else if (apiVersion === 'sloth.slok.dev/v1' && json.kind === 'PrometheusServiceLevel')
      out.push(...sloth(read, path, ['spec']));
    else if (json.version === 'prometheus/v1' && Array.isArray(json.slos)) out.push(...sloth(read, path, []));
    else if (apiVersion === 'pyrra.dev/v1alpha1' && json.kind === 'ServiceLevelObjective') out.push(pyrra(read, path));
  }
  return out;
}

type Key = string | number;

class Reader {
  constructor(
    private readonly doc: Document,
    private readonly counter: LineCounter,
    readonly json: unknown,
  ) {}
  get(keys: readonly Key[]): unknown {
    let at: unknown = this.json;
    for (const key of keys) at = at !== null && typeof at === 'object' ? (at as Record<Key, unknown>)[key] : undefined;
    return at;
  }
  at(keys: readonly Key[]): { line: number; column: number } {
    // The deepest node that is there: a missing field is told at the map that lacks it.
    for (let n = keys.length; n >= 0; n--) {
      const node = this.doc.getIn(keys.slice(0, n), true);
      if (node !== undefined) return positionOf(this.counter, node);
    }
    return positionOf(this.counter, this.doc.contents);
  }
  text(keys: readonly Key[]): string | undefined {
    const value = this.get(keys);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
  labels(keys: readonly Key[]): Record<string, string> {
    const value = this.get(keys);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  }
}

/** What names or describes a query without being one: a source's type, a name, a description. */
const NOT_A_QUERY = new Set([
  'type',
  'metadata',
  'name',
  'displayName',
  'description',
  'source',
  'queryType',
  'counter',
]);

/** Whether a value holds a query or a reference: a non-empty string anywhere in it, but under the keys that only name one. */
function holdsText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(holdsText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => !NOT_A_QUERY.has(k) && holdsText(v));
  return false;
}

function objectiveProblem(percent: number, as: string): string | undefined {
  if (Number.isFinite(percent) && percent > 0 && percent < 100) return undefined;
  return `its objective, ${as}, is not between 0 and 100 %`;
}

function base(read: Reader, path: string, format: SloFormat, name: string, keys: Key[] = []): Slo {
  const namespace = read.text(['metadata', 'namespace']);
  return {
    path,
    format,
    name,
    ...read.at([...keys, 'metadata', 'name']),
    labels: read.labels(['metadata', 'labels']),
    ...(namespace ? { namespace } : {}),
    queries: '',
    problems: [],
  };
}

function openSlo(read: Reader, path: string, apiVersion: string): Slo {
  const slo = base(read, path, 'OpenSLO', read.text(['metadata', 'name']) ?? '');
  const service = read.text(['spec', 'service']);
  if (service) slo.service = { value: service, line: read.at(['spec', 'service']).line };
  const problem = (keys: Key[], message: string) => slo.problems.push({ message, ...read.at(keys) });
  const objectives = read.get(['spec', 'objectives']);
  if (!Array.isArray(objectives) || objectives.length === 0) problem(['spec'], 'it has no objectives');
  else
    objectives.forEach((o: Record<string, unknown>, i) => {
      const keys = ['spec', 'objectives', i];
      if (typeof o?.targetPercent === 'number') {
        const why = objectiveProblem(o.targetPercent, `targetPercent ${o.targetPercent}`);
        if (why) problem([...keys, 'targetPercent'], why);
      } else if (typeof o?.target === 'number') {
        const why = objectiveProblem(
          o.target * 100,
          `target ${o.target} (a fraction: ${+(o.target * 100).toFixed(6)} %)`,
        );
        if (why) problem([...keys, 'target'], why);
      } else problem(keys, 'an objective has no target (target, a fraction, or targetPercent)');
    });
  const window = apiVersion === 'openslo/v1' ? read.get(['spec', 'timeWindow']) : read.get(['spec', 'timeWindows']);
  const windowKey = apiVersion === 'openslo/v1' ? 'timeWindow' : 'timeWindows';
  const windowSet =
    Array.isArray(window) &&
    window.some(
      (w: Record<string, unknown>) => holdsText(w?.duration) || (w?.count !== undefined && holdsText(w?.unit)),
    );
  if (!windowSet) problem(['spec', windowKey], `it has no time window (spec.${windowKey}[].duration)`);
  const indicator = read.get(['spec', 'indicator']);
  const ref = read.get(['spec', 'indicatorRef']);
  const perObjective = Array.isArray(objectives) ? objectives.map((o: Record<string, unknown>) => o?.ratioMetrics) : [];
  const spec = (indicator as { spec?: unknown } | undefined)?.spec ?? indicator;
  if (!holdsText(spec) && !holdsText(ref) && !perObjective.some(holdsText))
    problem(['spec', 'indicator'], 'its indicator is empty: no query (spec.indicator) and no spec.indicatorRef');
  slo.queries = JSON.stringify([indicator ?? null, perObjective]);
  return slo;
}

function sloth(read: Reader, path: string, root: Key[]): Slo[] {
  const service = read.text([...root, 'service']);
  const labels = { ...read.labels(['metadata', 'labels']), ...read.labels([...root, 'labels']) };
  const slos = read.get([...root, 'slos']);
  if (!Array.isArray(slos)) return [];
  return slos.map((s: Record<string, unknown>, i) => {
    const keys = [...root, 'slos', i];
    const slo = base(read, path, 'Sloth', typeof s?.name === 'string' ? s.name : `slos[${i}]`);
    Object.assign(slo, read.at([...keys, 'name']), { labels: { ...labels, ...read.labels([...keys, 'labels']) } });
    if (service) slo.service = { value: service, line: read.at([...root, 'service']).line };
    const objective = s?.objective;
    const why =
      typeof objective === 'number'
        ? objectiveProblem(objective, `${objective} %`)
        : 'it has no objective (a percentage, e.g. 99.9)';
    if (why) slo.problems.push({ message: why, ...read.at([...keys, 'objective']) });
    if (!holdsText(s?.sli))
      slo.problems.push({
        message: 'its indicator is empty: sli holds no events, raw or plugin query',
        ...read.at([...keys, 'sli']),
      });
    slo.queries = JSON.stringify(s?.sli ?? null);
    return slo;
  });
}

function pyrra(read: Reader, path: string): Slo {
  const slo = base(read, path, 'Pyrra', read.text(['metadata', 'name']) ?? '');
  const target = read.get(['spec', 'target']);
  const percent = typeof target === 'string' && target.trim() !== '' ? Number(target) : target;
  const why =
    typeof percent === 'number'
      ? objectiveProblem(percent, `target "${String(target)}"`)
      : 'it has no target (a percentage, e.g. "99.9")';
  if (why) slo.problems.push({ message: why, ...read.at(['spec', 'target']) });
  if (!holdsText(read.get(['spec', 'window'])))
    slo.problems.push({ message: 'it has no window (spec.window, e.g. 4w)', ...read.at(['spec', 'window']) });
  if (!holdsText(read.get(['spec', 'indicator'])))
    slo.problems.push({ message: 'its indicator is empty (spec.indicator)', ...read.at(['spec', 'indicator']) });
  slo.queries = JSON.stringify(read.get(['spec', 'indicator']) ?? null);
  return slo;
}
