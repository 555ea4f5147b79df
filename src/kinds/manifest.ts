/**
 * Kubernetes manifests: changed `*.yaml`/`*.yml` files (not workflows), each
 * document with `apiVersion` and `kind` an object. Workloads (Deployment,
 * StatefulSet, DaemonSet) are read down to their pod template's containers,
 * each field with its line (the `yaml` package's LineCounter).
 *
 * A Helm template (a file under a `templates/` folder) is not rendered:
 * whole-line `{{ … }}` directives are dropped and inline ones become the
 * placeholder HELM_VALUE before parsing. A container in which a directive was
 * dropped may get fields from values the gate does not see: its probes and
 * resources are unverifiable, never a finding. An object opts out of a rule
 * with the annotation `readiness-gate.io/waive.<rule-id>: "<reason>"`.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { optOutWaivers, type OptOut } from './dockerfile.js';
import { HELM_VALUE } from './helm.js';
import type { DocumentKind, Waiver } from './kind.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export interface Container {
  name: string;
  line: number;
  ports: boolean;
  readinessProbe: boolean;
  livenessProbe: boolean;
  resources: { requestsCpu: boolean; requestsMemory: boolean; limitsMemory: boolean };
  env: { name: string; value: string | undefined; line: number }[];
  /** A Helm directive was dropped inside it: some fields may come from values the gate does not see. */
  unverifiable: boolean;
}

export interface ManifestObject {
  kind: string;
  name: string;
  line: number;
  /** A Deployment, StatefulSet or DaemonSet that is not a Helm hook. */
  workload: boolean;
  containers: Container[];
  /** Rule id to the reason given in its opt-out annotation. */
  optOuts: OptOut[];
}

export interface ManifestView {
  path: string;
  objects: ManifestObject[];
  helm: boolean;
  /** The first YAML error, when a document does not parse. */
  error?: { message: string; line: number };
}

export interface ManifestContext {
  file: ManifestView;
}

/** A Helm template's text made parseable, and the lines whose directives were dropped. */
export function dropHelmDirectives(text: string): { yaml: string; dropped: number[] } {
  const dropped: number[] = [];
  const lines = text.split('\n').map((line, i) => {
    if (/^\s*\{\{.*\}\}\s*$/.test(line)) {
      dropped.push(i + 1);
      return '';
    }
    return line.replace(/\{\{.*?\}\}/g, HELM_VALUE);
  });
  return { yaml: lines.join('\n'), dropped };
}

export function parseManifest(text: string, path: string): ManifestView {
  const helm = /(^|\/)templates\//.test(path);
  const { yaml, dropped } = helm ? dropHelmDirectives(text) : { yaml: text, dropped: [] };
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(yaml, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const view: ManifestView = { path, objects: [], helm };
  const docList = Array.isArray(docs) ? docs : [];
  for (const doc of docList) {
    const problem = doc.errors[0];
    if (problem) {
      view.error ??= { message: problem.message.split('\n')[0]!, line: lineCounter.linePos(problem.pos[0]).line };
      continue;
    }
    const object = readObject(doc, lineCounter, dropped);
    if (object) view.objects.push(object);
  }
  return view;
}

const lineOf = (counter: LineCounter, node: { range?: [number, number, number] | null } | null | undefined) =>
  counter.linePos(node?.range?.[0] ?? 0).line;

function readObject(doc: Document, counter: LineCounter, dropped: number[]): ManifestObject | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const kind = root.get('kind');
  if (typeof root.get('apiVersion') !== 'string' || typeof kind !== 'string') return undefined;
  const metadata = root.get('metadata');
  const annotations = isMap(metadata) ? metadata.get('annotations') : undefined;
  const optOuts: OptOut[] = [];
  let hook = false;
  if (isMap(annotations)) {
    for (const pair of annotations.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? '');
      if (key === 'helm.sh/hook') hook = true;
      const waive = /^readiness-gate\.io\/waive\.([a-z0-9-]+)$/.exec(key);
      if (waive) {
        const value = (pair.value as { value?: unknown } | null)?.value;
        optOuts.push({
          ruleId: waive[1]!,
          reason: typeof value === 'string' ? value.trim() : '',
          line: lineOf(counter, pair.key as never),
        });
      }
    }
  }
  const name = isMap(metadata) ? String(metadata.get('name') ?? '') : '';
  const podSpec = doc.getIn(['spec', 'template', 'spec'], true);
  const containers: Container[] = [];
  const list = isMap(podSpec) ? podSpec.get('containers', true) : undefined;
  if (isSeq(list)) {
    const items = list.items;
    items.forEach((item, i) => {
      if (!isMap(item)) return;
      const start = lineOf(counter, item);
      const end = i + 1 < items.length ? lineOf(counter, items[i + 1] as never) : Number.POSITIVE_INFINITY;
      containers.push(
        readContainer(
          item,
          counter,
          dropped.some((d) => d >= start && d < end),
        ),
      );
    });
  }
  return { kind, name, line: lineOf(counter, root), workload: WORKLOADS.has(kind) && !hook, containers, optOuts };
}

function readContainer(item: YAMLMap, counter: LineCounter, unverifiable: boolean): Container {
  const has = (...path: string[]) => item.hasIn(path);
  const ports = item.get('ports');
  const envList = item.get('env', true);
  const env: Container['env'] = [];
  if (isSeq(envList)) {
    for (const entry of envList.items) {
      if (!isMap(entry)) continue;
      const value = entry.get('value');
      env.push({
        name: String(entry.get('name') ?? ''),
        value: typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value),
        line: lineOf(counter, entry),
      });
    }
  }
  const nameNode = item.get('name', true);
  return {
    name: String(item.get('name') ?? ''),
    line: lineOf(counter, (nameNode as never) ?? item),
    ports: isSeq(ports) ? ports.items.length > 0 : ports !== undefined && ports !== null,
    readinessProbe: has('readinessProbe'),
    livenessProbe: has('livenessProbe') || has('startupProbe'),
    resources: {
      requestsCpu: has('resources', 'requests', 'cpu'),
      requestsMemory: has('resources', 'requests', 'memory'),
      limitsMemory: has('resources', 'limits', 'memory'),
    },
    env,
    unverifiable,
  };
}

function manifestWaivers(file: ManifestView): Waiver[] {
  return file.objects.flatMap((o) =>
    optOutWaivers(file.path, o.optOuts).map((w) => ({ ...w, section: `${o.kind} ${o.name}` })),
  );
}

export const manifestKind: DocumentKind<'manifest', ManifestView, ManifestContext> = {
  id: 'manifest',
  select: (path) => /\.ya?ml$/i.test(path) && !/^\.github\//.test(path),
  parse: parseManifest,
  context: (file) => ({ file }),
  waivers: manifestWaivers,
};
