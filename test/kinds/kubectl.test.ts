// The objects and fields the gate reads from a manifest are those kubectl reads. The oracle is kubectl itself:
// `kubectl label --local -f FILE … -o json` decodes the file as `kubectl apply` does (sigs.k8s.io/yaml over
// go-yaml v2) without a cluster. Skipped, with a message, where kubectl is not installed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, type ManifestView } from '../../src/kinds/manifest.js';
import { ROOT, toolRuns } from '../helpers.js';
import { decodeText } from '../../src/model/file-bytes.js';

const DIR = path.join(ROOT, 'test/fixtures/kubectl');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
/** Files kubectl refuses: the gate must not read objects from them either. */
const REFUSED = ['wide-merge-keys.yaml'];

const hasKubectl = toolRuns('kubectl', ['version', '--client'], 'the kubectl oracle comparison is skipped.');

interface Seen {
  kind: string;
  name: string;
  grace?: number;
  replicas?: number;
  secretKeys?: string[];
  containers?: {
    name: string;
    ready: boolean;
    live: boolean;
    cpu: boolean;
    memory: boolean;
    limit: boolean;
    env: string[];
  }[];
}

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Rollout'];
type Json = Record<string, unknown>;
const get = (o: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((at, k) => (at && typeof at === 'object' ? (at as Json)[k] : undefined), o);
const set = (v: unknown) =>
  v !== undefined &&
  v !== null &&
  v !== '' &&
  !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
const probe = (v: unknown) => ['httpGet', 'tcpSocket', 'exec', 'grpc'].some((h) => set(get(v, h)));

/** What kubectl decoded, as the gate's view carries it. */
function fromKubectl(object: Json): Seen {
  const kind = String(object.kind);
  const seen: Seen = { kind, name: String(get(object, 'metadata', 'name')) };
  const grace = get(object, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds');
  if (typeof grace === 'number') seen.grace = grace;
  const replicas = get(object, 'spec', 'replicas');
  if (typeof replicas === 'number') seen.replicas = replicas;
  if (kind === 'Secret') {
    seen.secretKeys = ['data', 'stringData'].flatMap((f) =>
      Object.entries((get(object, f) as Json | undefined) ?? {})
        .filter(([, v]) => (typeof v === 'string' || typeof v === 'number') && String(v).trim() !== '')
        .map(([k]) => k),
    );
  }
  if (WORKLOADS.includes(kind)) {
    const containers = (get(object, 'spec', 'template', 'spec', 'containers') as Json[] | undefined) ?? [];
    seen.containers = containers.map((c) => ({
      name: String(c.name),
      ready: probe(c.readinessProbe),
      live: probe(c.livenessProbe) || probe(c.startupProbe),
      cpu: set(get(c, 'resources', 'requests', 'cpu')),
      memory: set(get(c, 'resources', 'requests', 'memory')),
      limit: set(get(c, 'resources', 'limits', 'memory')),
      env: ((c.env as Json[] | undefined) ?? []).map(
        (e) => `${String(e.name)}=${e.value === undefined ? '' : String(e.value)}`,
      ),
    }));
  }
  return seen;
}

function fromGate(view: ManifestView): Seen[] {
  return view.objects.map((o) => {
    const seen: Seen = { kind: o.kind, name: o.name };
    if (o.gracePeriod) seen.grace = o.gracePeriod.value;
    if (typeof o.replicas === 'number') seen.replicas = o.replicas;
    if (o.kind === 'Secret') seen.secretKeys = (o.secretData ?? []).map((s) => s.key);
    if (o.workload) {
      seen.containers = o.containers.map((c) => ({
        name: c.name,
        ready: c.readinessProbe,
        live: c.livenessProbe,
        cpu: c.resources.requestsCpu,
        memory: c.resources.requestsMemory,
        limit: c.resources.limitsMemory,
        env: c.env.map((e) => `${e.name}=${e.value ?? ''}`),
      }));
    }
    return seen;
  });
}

/** kubectl prints one JSON document per object, one after another. */
function jsonStream(text: string): Json[] {
  const out: Json[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)) as Json);
  }
  return out.flatMap((o) => (o.kind === 'List' ? (o.items as Json[]) : [o]));
}

const gateView = (file: string) => parseManifest(decodeText(readFileSync(path.join(DIR, file))), `deploy/${file}`);

describe('manifests read as kubectl reads them', () => {
  it('has a battery of the shapes kubectl and a YAML 1.2 reader disagree on', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
  });

  it.skipIf(!hasKubectl).each(FILES.filter((f) => !REFUSED.includes(f)))('%s', (file) => {
    const run = spawnSync(
      'kubectl',
      ['label', '--local', '-f', path.join(DIR, file), 'readiness-gate/oracle=1', '-o', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const view = gateView(file);
    expect(view.error).toBeUndefined();
    expect(fromGate(view)).toEqual(jsonStream(run.stdout).map(fromKubectl));
  });

  it.skipIf(!hasKubectl).each(REFUSED)('%s: kubectl refuses it, and the gate reads no object from it', (file) => {
    const run = spawnSync(
      'kubectl',
      ['label', '--local', '-f', path.join(DIR, file), 'readiness-gate/oracle=1', '-o', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).not.toBe(0);
    const view = gateView(file);
    expect([view.objects.length, view.error?.manifest]).toEqual([0, true]);
  });
});
