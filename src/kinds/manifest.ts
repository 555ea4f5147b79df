/**
 * Kubernetes manifests: changed `*.yaml`/`*.yml` files (not workflows), each
 * document with `apiVersion` and `kind` an object, read as kubectl reads
 * them (`yaml-fields.ts`). Workloads (Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, Argo Rollout) are read down to their pod template's
 * containers, each field with its line (the `yaml` package's LineCounter).
 *
 * A Helm template (under a chart's `templates/` folder, beside its
 * `Chart.yaml`) is not rendered: `helm.ts` makes it parseable, resolving
 * `toYaml .Values.x` from the chart's `values.yaml`. A container with a
 * directive the gate could not resolve may get fields it does not see: its
 * probes and resources are unverifiable, never a finding. A manifest in a
 * folder with a `kustomization.yaml` may be patched by an overlay: its
 * findings are warnings at most. An object opts out of a rule with the
 * annotation `readiness-gate.io/waive.<rule-id>: "<reason>"`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { optOutWaivers, reasonOf, type OptOut } from './opt-out.js';
import { folderOf, joinPath } from '../model/paths.js';
import {
  fieldReader,
  isMergeKey,
  keyOf,
  KUBECTL_YAML,
  reader,
  scalar,
  type FieldReader,
  type Reader,
} from './yaml-fields.js';
import { KUSTOMIZATIONS } from './manifest/kustomize.js';
import { manifestRun } from './manifest/run.js';
import { HELM_VALUE, readValues, renderStatically, type HiddenDirective } from './manifest/helm.js';
import { mayHoldAlerts, readAlerts, type AlertRule, type ParsedYaml } from './manifest/alert-rules.js';
import type { DocumentSettings } from '../model/spec.js';
import { withRemoved, type Removed } from '../model/removed.js';
import {
  deploymentFiles,
  type CompanionFile,
  type Companions,
  type DocumentKind,
  type Facts,
  type SeverityCap,
  type TextTest,
} from './kind.js';
import type { Waiver } from '../model/report.js';
import { lineOf, positionOf } from '../model/yaml-position.js';

/** Objects that run a pod template's containers as long-running pods; a CronJob's or Job's run to completion. */
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Rollout']);

export interface Container {
  name: string;
  line: number;
  column: number;
  ports: boolean;
  readinessProbe: boolean;
  livenessProbe: boolean;
  resources: { requestsCpu: boolean; requestsMemory: boolean; limitsMemory: boolean };
  env: { name: string; value: string | undefined; line: number; column: number }[];
  /** A preStop hook's sleep (`sleep N` in its command, or the `sleep` action), in seconds. */
  preStopSleep?: { seconds: number; line: number; column: number };
  /** A Helm directive the gate could not resolve emits fields into it: they may come from values it does not see. */
  unverifiable?: HiddenDirective;
  /** Any field of the container (`field('securityContext', 'runAsNonRoot')`), with its position. */
  field: FieldReader;
}

export interface ManifestObject {
  kind: string;
  name: string;
  /**
   * The file it was rendered or built from: Helm's `# Source:` comment over its document (`helm template`
   * output), or kustomize's `config.kubernetes.io/origin` annotation.
   */
  origin?: string;
  line: number;
  column: number;
  /** A Deployment, StatefulSet or DaemonSet. */
  workload: boolean;
  containers: Container[];
  /** A workload whose pod template a Helm directive the gate cannot resolve writes: its containers are not known. */
  podsHidden?: HiddenDirective;
  /** Rule id to the reason given in its opt-out annotation. */
  optOuts: OptOut[];
  /** A Secret's `data`/`stringData` keys that hold a value in the file (not a template's, not SOPS-encrypted). */
  secretData?: { key: string; line: number; column: number }[];
  /** The pod template's `terminationGracePeriodSeconds`, when set to a number. */
  gracePeriod?: Positioned<number>;
  /** `spec.replicas`: a number, absent (the default, 1), or a value the gate cannot see (a template). */
  replicas: number | 'unknown' | undefined;
  /** A Deployment's `spec.strategy`. */
  strategy?: { type?: Positioned<string>; maxUnavailable?: Positioned<string | number> };
  /** Any field of the object (`field('spec', 'minReadySeconds')`), with its position. */
  field: FieldReader;
}

/** An object as findings name it: `Deployment "api"`, with the template it was rendered from when known. */
export function objectLabel(object: ManifestObject): string {
  return `${object.kind} "${object.name}"${object.origin ? ` (from ${object.origin})` : ''}`;
}

/** A field's value with the line it is on. */
export interface Positioned<T> {
  value: T;
  line: number;
  column: number;
}

export interface ManifestView {
  path: string;
  objects: ManifestObject[];
  helm: boolean;
  /** The kustomization file in the manifest's folder: an overlay may patch the manifest. */
  kustomization?: string;
  /** The first YAML error, when a document does not parse; `manifest`: the file declares `apiVersion` and `kind` lines. */
  error?: { message: string; line: number; manifest: boolean };
  /** Keys given twice in one map (not in Helm templates, whose branches may each set a key): kubectl keeps the last. */
  duplicates: { key: string; line: number; column: number; first: number }[];
  /** Prometheus alerting rules the file holds (`model/alerts.ts`), when it holds any. */
  alerts?: AlertRule[];
  /** The same file's alerting rules at the base commit: null when it did not exist there, absent when not read. */
  alertsBefore?: AlertRule[] | null;
}

export interface ManifestContext {
  file: ManifestView;
  /** Where the file is in the repository. */
  path: string;
  settings: DocumentSettings;
  /** Every file handed to the engine with this one: the runbooks its alerts link are among them. */
  files: Facts['files'];
  /** The files the pull request changes, when the adapter knows them. */
  changed?: readonly string[];
  /** The branch the pull request merges into, when the adapter knows it. */
  baseBranch?: string;
  /** The files the pull request removes or renames, by old path in lower case, when the adapter knows them. */
  removed?: ReadonlyMap<string, Removed>;
  /** The kustomizations that take the file's folder in and the probes each patches in, when the run looked. */
  overlays?: NonNullable<Facts['overlays']>[string];
}

/** The chart folder of a Helm template (the folder holding its `templates/`), or undefined. */
function chartOf(path: string): string | undefined {
  const match = /^(?:(.*?)\/)?templates\//.exec(path);
  return match ? (match[1] ?? '') : undefined;
}

/** Whether a text has `apiVersion:` and `kind:` lines: a manifest, not mkdocs.yml or a compose file. */
function declaresObjects(text: string): boolean {
  return /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text);
}

/** Whether a JSON text has `"apiVersion"` and `"kind"` keys: a manifest (`kubectl get -o json`), not package.json. */
function declaresJsonObjects(text: string): boolean {
  return /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
}

const YAML_FILE = /\.ya?ml$/i;
const WORKFLOWS = /^\.github\//;

/** JSON that Prometheus loads as a rule file (`{"groups": [...]}` with an alert): YAML to its loader, as to ours. */
function declaresJsonRules(text: string): boolean {
  return /"groups"\s*:/.test(text) && mayHoldAlerts(text);
}

/**
 * A JSON file that declares objects (kubectl applies `*.json` as it does
 * YAML) or alerting rules, or a file of a chart's `templates/` not named `.yaml` (Helm renders
 * every file there but partials, `_*`, and NOTES.txt), is a manifest too.
 */
function selectByText(path: string): TextTest | undefined {
  if (WORKFLOWS.test(path) || YAML_FILE.test(path)) return undefined;
  if (/\.json$/i.test(path))
    return {
      owns: (text) => declaresJsonObjects(text) || declaresJsonRules(text),
      otherwise: 'it is JSON that declares no Kubernetes object nor alerting rule',
    };
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (chartOf(path) === undefined || name.startsWith('_') || name === 'NOTES.txt') return undefined;
  return { owns: declaresObjects, otherwise: 'it is under templates/ but declares no Kubernetes object' };
}

function companions(path: string, text: string): CompanionFile[] {
  // A file of alerting rules is read at the base commit too: an alert whose query changed owes its runbook a change.
  const before: CompanionFile[] = mayHoldAlerts(text) ? [{ path, fromBase: true }] : [];
  // Only a file that declares Kubernetes objects needs the others.
  if (!declaresObjects(text) && !declaresJsonObjects(text)) return before;
  const chart = chartOf(path);
  if (chart !== undefined)
    return [{ path: joinPath(chart, 'Chart.yaml') }, { path: joinPath(chart, 'values.yaml') }, ...before];
  // The kustomization lowers the severity of findings: the base branch's, so a pull request cannot add one to do so.
  return [
    ...KUSTOMIZATIONS.map((name) => ({ path: joinPath(folderOf(path), name), fromBase: true as const })),
    ...before,
  ];
}

export function parseManifest(text: string, path: string, found: Companions = new Map()): ManifestView {
  let parsed: ParsedYaml | undefined;
  const view = parseObjects(text, path, found, (p) => (parsed = p));
  // A plain file of alerting rules is read for its alerts from the same parse.
  const alerts = readAlerts(text, parsed);
  if (alerts.length === 0) return view;
  // A file of alerting rules written as a template (a chart's rule fragment, read with the directives resolved) is
  // read: it declares no object, so the YAML error of reading it raw is no "not checked".
  const { error, ...read } = view;
  const kept = error && !error.manifest ? read : view;
  // Its own path among its companions is the file at the base commit.
  const before = found.get(path);
  return {
    ...kept,
    alerts,
    ...(before !== undefined ? { alertsBefore: before === null ? null : readAlerts(before) } : {}),
  };
}

/** `parsed` is handed the parse of the text as it is, when the objects were read from one. */
function parseObjects(
  text: string,
  path: string,
  found: Companions,
  parsed: (yaml: ParsedYaml) => void = () => {},
): ManifestView {
  const chart = chartOf(path);
  // Under templates/ is a Helm template unless the chart's Chart.yaml is known to be absent.
  const helm = chart !== undefined && found.get(joinPath(chart, 'Chart.yaml')) !== null;
  // A file taken by its text alone because it sits in templates/ (`page.txt`) deploys only as a chart's template:
  // with no Chart.yaml above it, it is no manifest at all.
  if (!helm && !YAML_FILE.test(path) && !/\.json$/i.test(path))
    return { path, objects: [], helm: false, duplicates: [] };
  const { yaml, hidden } = helm
    ? renderStatically(text, readValues(found.get(joinPath(chart!, 'values.yaml'))))
    : { yaml: text, hidden: [] };
  const kustomization = helm
    ? undefined
    : KUSTOMIZATIONS.map((name) => joinPath(folderOf(path), name)).find((p) => typeof found.get(p) === 'string');
  let lineCounter = new LineCounter();
  let docs = parseAllDocuments(yaml, { ...KUBECTL_YAML, lineCounter, prettyErrors: false, uniqueKeys: false });
  const asWritten = docs;
  if (Array.isArray(docs) && docs.some((d) => d.errors.some((e) => e.code === 'BAD_INDENT'))) {
    // go-yaml v2 reads a flow collection continued at column 0; YAML 1.2 readers refuse it. Indent such lines
    // (whitespace inside a flow collection means nothing) and keep the result only if it then parses.
    const counter = new LineCounter();
    const again = parseAllDocuments(indentFlowLines(yaml), {
      ...KUBECTL_YAML,
      lineCounter: counter,
      prettyErrors: false,
      uniqueKeys: false,
    });
    if (Array.isArray(again) && again.every((d) => d.errors.length === 0)) [docs, lineCounter] = [again, counter];
  }
  if (yaml === text && docs === asWritten) parsed({ text, docs, lineCounter });
  const view: ManifestView = { path, objects: [], helm, duplicates: [], ...(kustomization ? { kustomization } : {}) };
  const docList = Array.isArray(docs) ? docs : [];
  const mayAlias = yaml.includes('*');
  const yamlLines = hidden.length > 0 ? yaml.split('\n') : [];
  const directives: Directives = {
    hidden,
    nextContent(line) {
      let next = line + 1;
      while (next <= yamlLines.length && /^\s*(?:#.*)?$/.test(yamlLines[next - 1]!)) next++;
      return next;
    },
  };
  // Rendered output (`helm template`) names each document's template in a `# Source:` comment.
  const sources = helm ? undefined : sourceComments(yaml);
  for (const doc of docList) {
    const problem = doc.errors[0];
    if (problem) {
      view.error ??= {
        message: problem.message.split('\n')[0]!,
        line: lineCounter.linePos(problem.pos[0]).line,
        manifest: declaresObjects(text) || declaresJsonObjects(text),
      };
      continue;
    }
    // go-yaml v2 refuses a document whose aliases expand far past its size ("excessive aliasing"): so does the gate.
    // Only a document with an alias (`*name`) can expand: most have none, and pay nothing for the check.
    const aliasing = helm || !mayAlias ? undefined : excessiveAliasing(doc);
    if (aliasing) {
      view.error ??= {
        message: aliasing,
        line: lineCounter.linePos(doc.range[0]).line,
        manifest: declaresObjects(text) || declaresJsonObjects(text),
      };
      continue;
    }
    const origin = sources ? originOf(sources, doc) : undefined;
    const objects = readObjects(doc, lineCounter, directives);
    view.objects.push(...(origin ? objects.map((o) => ({ origin, ...o })) : objects));
    if (!helm) view.duplicates.push(...duplicateKeys(doc, lineCounter));
  }
  return view;
}

/** Helm's `# Source: chart/templates/x.yaml` comments, by offset; undefined when there is none. */
function sourceComments(text: string): { at: number; origin: string }[] | undefined {
  if (!text.includes('# Source:')) return undefined;
  return [...text.matchAll(/^# Source: (\S[^\r\n]*)$/gm)].map((m) => ({ at: m.index, origin: m[1]!.trim() }));
}

/** The template a document was rendered from: the last `# Source:` comment before its contents, inside its range. */
function originOf(sources: { at: number; origin: string }[], doc: Document): string | undefined {
  const [start, end] = doc.range ?? [0, 0];
  const contents = doc.contents?.range?.[0] ?? end;
  return sources.findLast((s) => s.at >= start && s.at < contents)?.origin;
}

/**
 * The text with each line that continues an open flow collection (`[`, `{`)
 * indented past the line that opened it. Lines keep their numbers; quoted
 * scalars are skipped over; a comment ends at the line's end.
 */
function indentFlowLines(text: string): string {
  const lines = text.split('\n');
  let depth = 0;
  let quote: string | undefined;
  let needed = 0;
  return lines
    .map((line) => {
      let out = line;
      if (depth > 0 && quote === undefined) {
        const indent = /^ */.exec(line)![0].length;
        if (indent < needed && line.trim() !== '') out = ' '.repeat(needed - indent) + line;
      }
      const lineIndent = /^ */.exec(out)![0].length;
      for (let i = 0; i < out.length; i++) {
        const c = out[i]!;
        if (quote !== undefined) {
          if (quote === "'" && c === "'") {
            if (out[i + 1] === "'") i++;
            else quote = undefined;
          } else if (quote === '"' && c === '\\') i++;
          else if (quote === '"' && c === '"') quote = undefined;
          continue;
        }
        if (c === '#' && (i === 0 || /\s/.test(out[i - 1]!))) break;
        // A quote opens a scalar only where one may start: `don't` in a plain scalar is no quote.
        if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(out[i - 1]!))) quote = c;
        else if (c === '[' || c === '{') {
          if (depth++ === 0) needed = lineIndent + 1;
        } else if ((c === ']' || c === '}') && depth > 0) depth--;
      }
      return out;
    })
    .join('\n');
}

/** Why kubectl would refuse a document for its aliases, or undefined: the yaml package counts as go-yaml v2 does. */
function excessiveAliasing(doc: Document): string | undefined {
  try {
    doc.toJS({ maxAliasCount: 100 });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /alias/i.test(message)
      ? `its aliases expand too far, and kubectl refuses it as "excessive aliasing"`
      : undefined;
  }
}

/**
 * Keys given twice in one map, each at its second place, with the line of
 * the first. A walk of its own, not `visit`: it runs over every map of every
 * manifest.
 */
function duplicateKeys(doc: Document, counter: LineCounter): ManifestView['duplicates'] {
  const out: ManifestView['duplicates'] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const keys = new Map<string, unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : keyOf(doc, pair.key);
        if (typeof key === 'string' || typeof key === 'number') {
          const text = String(key);
          const first = keys.get(text);
          if (first !== undefined) {
            out.push({ key: text, ...posOf(counter, pair.key as never), first: lineOf(counter, first as never) });
          } else keys.set(text, pair.key);
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  return out;
}

const posOf = positionOf;

/** The objects of a YAML document: one, or each item of a list (any object with `items`, as kubectl reads `List`, `DeploymentList`…). */
/** The directives a Helm template's rendering hid, and where the text goes on after a line (blanked lines skipped). */
interface Directives {
  hidden: HiddenDirective[];
  /** The first line after `line` with YAML on it: a directive blanked at the end of a list is still inside it. */
  nextContent(line: number): number;
}

function readObjects(doc: Document, counter: LineCounter, hidden: Directives): ManifestObject[] {
  const at = reader(doc);
  const root = doc.contents;
  if (!isMap(root)) return [];
  const items = at(root, 'items');
  // kubectl unpacks any object that holds objects in `items`, whatever its kind (`List`, `DeploymentList`, `SecretList`).
  const listKind = scalar(at(root, 'kind'));
  if (typeof listKind === 'string' && isSeq(items) && items.items.some((item) => isMap(at(item)))) {
    return items.items.flatMap((item) => {
      const map = at(item);
      const object = isMap(map) ? readObject(doc, map, at, counter, hidden) : undefined;
      return object ? [object] : [];
    });
  }
  const object = readObject(doc, root, at, counter, hidden);
  return object ? [object] : [];
}

function readObject(
  doc: Document,
  root: YAMLMap,
  at: Reader,
  counter: LineCounter,
  directives: Directives,
): ManifestObject | undefined {
  const kind = scalar(at(root, 'kind'));
  if (typeof scalar(at(root, 'apiVersion')) !== 'string' || typeof kind !== 'string') return undefined;
  const annotations = at(root, 'metadata', 'annotations');
  const optOuts: OptOut[] = [];
  let origin: string | undefined;
  if (isMap(annotations)) {
    for (const pair of annotations.items) {
      const key = String(keyOf(doc, pair.key) ?? '');
      if (key === 'config.kubernetes.io/origin') {
        // What `kustomize build` with originAnnotations says of the file an object came from.
        const from = /^path:\s*(\S.*)$/m.exec(String(scalar(pair.value) ?? ''))?.[1];
        if (from) origin = from.trim();
        continue;
      }
      const waive = /^readiness-gate\.io\/waive\.([a-z0-9-]+)$/.exec(key);
      if (waive) {
        const value = (pair.value as { value?: unknown } | null)?.value;
        optOuts.push({
          ruleId: waive[1]!,
          reason: typeof value === 'string' ? reasonOf(value) : '',
          line: lineOf(counter, pair.key as never),
        });
      }
    }
  }
  const name = shown(String(scalar(at(root, 'metadata', 'name')) ?? ''));
  const containers: Container[] = [];
  const list = at(root, 'spec', 'template', 'spec', 'containers');
  if (isSeq(list)) {
    const items = list.items;
    items.forEach((item, i) => {
      const map = at(item);
      if (!isMap(map)) return;
      const start = lineOf(counter, item as never);
      // The last container runs on over the blanked lines after it: a directive at its end writes into it.
      const end =
        i + 1 < items.length
          ? lineOf(counter, items[i + 1] as never)
          : directives.nextContent(counter.linePos(list.range?.[1] ?? 0).line);
      const inside = directives.hidden.filter((d) => d.line >= start && d.line < end);
      containers.push(readContainer(doc, map, at, counter, hiddenFields(map, inside, counter)));
    });
  }
  // A workload with no containers to read, whose pod template a directive writes (`spec: {{- include "x.podSpec" . |
  // nindent 6 }}`): its pods were not judged, and that is said, never passed.
  // Looked for from the pod template's `spec:` key (not its labels), else from the template, to the object's end.
  const template = at(root, 'spec', 'template');
  const specKey = isMap(template)
    ? template.items.find((p) => String(keyOf(doc, p.key) ?? '') === 'spec')?.key
    : undefined;
  const from = specKey ?? template ?? root;
  const podsHidden =
    WORKLOADS.has(kind) && !isSeq(list) && root.range
      ? directives.hidden.find(
          (d) =>
            d.line >= lineOf(counter, from as never) &&
            d.line <= directives.nextContent(counter.linePos(root.range![1]).line),
        )
      : undefined;
  const positioned = <T>(path: string[], read: (v: unknown) => T | undefined): Positioned<T> | undefined => {
    const node = at(root, ...path) as Parameters<typeof posOf>[1];
    const value = read(scalar(node));
    return value === undefined ? undefined : { value, ...posOf(counter, node) };
  };
  const gracePeriod = positioned(['spec', 'template', 'spec', 'terminationGracePeriodSeconds'], asNumber);
  const replicasValue = scalar(at(root, 'spec', 'replicas'));
  const replicas =
    replicasValue === undefined || replicasValue === null ? undefined : (asNumber(replicasValue) ?? 'unknown');
  const type = positioned(['spec', 'strategy', 'type'], (v) => (typeof v === 'string' ? v : undefined));
  const maxUnavailable = positioned(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], (v) =>
    typeof v === 'string' || typeof v === 'number' ? v : undefined,
  );
  const secretData = kind === 'Secret' ? literalSecretData(doc, root, at, counter) : [];
  return {
    kind,
    name,
    ...posOf(counter, root),
    // A Helm hook annotation exempts nothing: kubectl ignores it, and Helm installs a hooked Deployment too.
    workload: WORKLOADS.has(kind),
    containers,
    ...(podsHidden ? { podsHidden } : {}),
    optOuts,
    ...(origin ? { origin } : {}),
    replicas,
    ...(secretData.length > 0 ? { secretData } : {}),
    ...(gracePeriod ? { gracePeriod } : {}),
    ...(kind === 'Deployment' && (type || maxUnavailable)
      ? { strategy: { ...(type ? { type } : {}), ...(maxUnavailable ? { maxUnavailable } : {}) } }
      : {}),
    field: fieldReader(doc, counter, root, at),
  };
}

/** A name as the report shows it: a Helm template's `{{ include "app.fullname" . }}-worker` as `{{…}}-worker`. */
const shown = (name: string): string => name.replaceAll(HELM_VALUE, '{{…}}');

const asNumber = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+$/.test(v.trim())
      ? Number(v)
      : undefined;

/** The container fields the rules read: a directive inside any other (`env`, `volumeMounts`) hides none of them. */
const JUDGED_FIELDS = new Set(['ports', 'readinessProbe', 'livenessProbe', 'startupProbe', 'resources', 'lifecycle']);

/**
 * The first directive inside a container that may write a field the rules
 * judge. One at the container's own key column (or left of it) may write any
 * field, unless it continues a list written at that column (`env:` entries
 * `- name: A` at the key's own column); one deeper writes only into the
 * field it sits in, so a `{{ tpl .Values.extraEnv . | nindent 12 }}` inside
 * `env:` hides the env list, not the ports, probes or resources.
 */
function hiddenFields(
  container: YAMLMap,
  inside: readonly HiddenDirective[],
  counter: LineCounter,
): HiddenDirective | undefined {
  if (inside.length === 0) return undefined;
  const keys = container.items.map((pair) => ({
    key: String(scalar(pair.key) ?? ''),
    ...posOf(counter, pair.key as never),
  }));
  const column = (keys[0]?.column ?? 1) - 1;
  return inside.find((directive) => {
    // At the keys' column it may write any field, unless it continues a list there (`env:` entries).
    if (directive.indent < column || (directive.indent === column && !directive.continuesList)) return true;
    const field = keys.filter((k) => k.line < directive.line && k.column - 1 === column).at(-1);
    return field === undefined || JUDGED_FIELDS.has(field.key);
  });
}

/** The seconds a preStop hook sleeps: `sleep N` in an exec command, or the `sleep` action. */
function preStopSleep(item: YAMLMap, at: Reader, counter: LineCounter): Container['preStopSleep'] {
  const action = at(item, 'lifecycle', 'preStop', 'sleep', 'seconds');
  const seconds = asNumber(scalar(action));
  if (seconds !== undefined) return { seconds, ...posOf(counter, action as never) };
  const command = at(item, 'lifecycle', 'preStop', 'exec', 'command');
  if (!isSeq(command)) return undefined;
  const text = command.items.map((i) => String(scalar(at(i)) ?? '')).join(' ');
  const sleep = /(?:^|[\s;&|(])sleep\s+(\d+)(?:s\b|\b)/.exec(text);
  return sleep ? { seconds: Number(sleep[1]), ...posOf(counter, command) } : undefined;
}

function readContainer(
  doc: Document,
  item: YAMLMap,
  at: Reader,
  counter: LineCounter,
  unverifiable: HiddenDirective | undefined,
): Container {
  const envList = at(item, 'env');
  const env: Container['env'] = [];
  if (isSeq(envList)) {
    for (const node of envList.items) {
      const entry = at(node);
      if (!isMap(entry)) continue;
      const value = scalar(at(entry, 'value'));
      env.push({
        name: String(scalar(at(entry, 'name')) ?? ''),
        value: typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value),
        ...posOf(counter, node as never),
      });
    }
  }
  const nameNode = at(item, 'name');
  const sleep = preStopSleep(item, at, counter);
  const set = (...path: string[]) => isSet(at(item, ...path));
  return {
    name: shown(String(scalar(nameNode) ?? '')),
    ...posOf(counter, (nameNode as never) ?? item),
    ports: set('ports'),
    readinessProbe: probe(at(item, 'readinessProbe'), at),
    livenessProbe: probe(at(item, 'livenessProbe'), at) || probe(at(item, 'startupProbe'), at),
    resources: {
      requestsCpu: set('resources', 'requests', 'cpu'),
      requestsMemory: set('resources', 'requests', 'memory'),
      limitsMemory: set('resources', 'limits', 'memory'),
    },
    env,
    ...(sleep ? { preStopSleep: sleep } : {}),
    ...(unverifiable ? { unverifiable } : {}),
    field: fieldReader(doc, counter, item, at),
  };
}

/** The keys of a Secret whose values are written in the file: not empty, not a template's, not encrypted (SOPS). */
function literalSecretData(
  doc: Document,
  root: YAMLMap,
  at: Reader,
  counter: LineCounter,
): NonNullable<ManifestObject['secretData']> {
  const out: NonNullable<ManifestObject['secretData']> = [];
  for (const field of ['data', 'stringData']) {
    const map = at(root, field);
    if (!isMap(map)) continue;
    // The keys as kubectl reads them, merged ones included: a value behind `<<: *creds` is in the file too.
    const keys = new Map<string, unknown>();
    const collect = (node: unknown, depth: number): void => {
      const m = at(node);
      if (!isMap(m) || depth > 8) return;
      for (const pair of m.items) {
        if (isMergeKey(pair.key)) {
          const merged = at(pair.value);
          for (const source of isSeq(merged) ? merged.items : [merged]) collect(source, depth + 1);
          continue;
        }
        const key = keyOf(doc, pair.key);
        if (typeof key === 'string' || typeof key === 'number') keys.set(String(key), pair.key);
      }
    };
    collect(map, 0);
    for (const [key, keyNode] of keys) {
      const node = at(map, key);
      const value = scalar(node);
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const text = String(value).trim();
      if (text === '' || text.includes(HELM_VALUE) || text.startsWith('ENC[')) continue;
      out.push({ key, ...posOf(counter, keyNode as never) });
    }
  }
  return out;
}

/** Whether a field holds a value: `cpu:` or `cpu: null` is unset to Kubernetes, as is `cpu: ""` or `ports: []`. */
function isSet(node: unknown): boolean {
  if (isMap(node) || isSeq(node)) return node.items.length > 0;
  const value = isScalar(node) ? node.value : node;
  return value !== undefined && value !== null && value !== '';
}

/** A probe with a check in it: `readinessProbe:` alone is no probe, and one with no handler is refused by the API. */
function probe(node: unknown, at: Reader): boolean {
  return isMap(node) && ['httpGet', 'tcpSocket', 'exec', 'grpc'].some((handler) => isSet(at(node, handler)));
}

function manifestWaivers(file: ManifestView): Waiver[] {
  return file.objects.flatMap((o) =>
    optOutWaivers(file.path, o.optOuts).map((w) => ({ ...w, section: `${o.kind} ${o.name}` })),
  );
}

/** The probe each probe rule asks for. */
const PROBE_OF: Readonly<Record<string, string>> = {
  'manifest-readiness-probe': 'readinessProbe',
  'manifest-liveness-probe': 'livenessProbe',
};

/**
 * A manifest a kustomization deploys may be patched by an overlay: its
 * findings are warnings. Where the run found every overlay that takes the
 * folder in, a missing probe is a warning only if one of them patches that
 * probe in, and an error otherwise: no overlay restores it.
 */
function cap(file: ManifestView, facts: Facts, ruleId: string): SeverityCap | undefined {
  if (!file.kustomization) return undefined;
  const probe = PROBE_OF[ruleId];
  const overlays = facts.overlays?.[folderOf(file.path)];
  if (probe && overlays) {
    const restoring = overlays.filter((o) => o.probes.includes(probe));
    if (restoring.length === 0) return undefined;
    return {
      severity: 'warning',
      why: `${restoring.map((o) => o.overlay).join(', ')} patch${restoring.length === 1 ? 'es' : ''} ${probe} into it`,
    };
  }
  return { severity: 'warning', why: `${file.kustomization} is beside it, and an overlay may patch it` };
}

export const manifestKind: DocumentKind<'manifest', ManifestView, ManifestContext> = {
  id: 'manifest',
  lineBreaks: 'yaml',
  waive:
    'An annotation on the object, `readiness-gate.io/waive.RULE: "reason"`; the reason is listed with the report\'s waivers, and a waiver without one is an error.',
  evidence: true,
  bound: deploymentFiles,
  // Charts' templates whose values changed, kustomizations' resources and overlays, rendered output, alerts' runbooks.
  run: manifestRun,
  select: (path) => YAML_FILE.test(path) && !WORKFLOWS.test(path),
  selectByText,
  companions,
  parse: parseManifest,
  cap,
  context: (file, path, settings, facts) => ({
    file,
    path,
    settings,
    files: facts.files,
    ...(facts.pullRequest?.changedFiles
      ? { changed: facts.pullRequest.changedFiles.files.flatMap((f) => (f.removed ? [] : [f.path])) }
      : {}),
    ...(facts.pullRequest?.baseBranch !== undefined ? { baseBranch: facts.pullRequest.baseBranch } : {}),
    ...(facts.overlays?.[folderOf(path)] ? { overlays: facts.overlays[folderOf(path)] } : {}),
    ...withRemoved(facts.pullRequest),
  }),
  waivers: manifestWaivers,
};
