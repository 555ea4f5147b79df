/**
 * Kustomize overlays built as kubectl builds them. A pull request that
 * changes a kustomization, or a patch one applies, changes what the overlay
 * deploys though no manifest changed (a JSON 6902 patch that removes a
 * probe). Such an overlay is built with `kubectl kustomize` (when kubectl is
 * on the PATH, as on GitHub's hosted runners) from its files read at the
 * head commit into a temporary folder, and the objects it builds are
 * checked. Nothing else runs: a remote base, a Helm chart to inflate
 * (`helmCharts`) or a plugin (`generators`, `transformers`, `validators`)
 * is refused before kubectl starts; every field kustomize loads a file from
 * (resources, bases, components, crds, configurations, patches, generator
 * inputs, replacements, openapi) must name a file of the repository, so
 * kubectl fetches nothing; only those files are written, bounded in count
 * and size.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { posix } from 'node:path';
import { isMap, isSeq, parseAllDocuments, parseDocument } from 'yaml';
import { keptByText } from '../../model/kept-by-text.js';
import { folderOf, joinPath } from '../../model/paths.js';
import type { Unread } from '../../model/files.js';

/** The names kubectl looks for in a folder, in its order. */
export const KUSTOMIZATIONS = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Whether a path is a Kustomize file: `kustomization.yaml`, `kustomization.yml` or `Kustomization`. */
export function isKustomization(path: string): boolean {
  return KUSTOMIZATIONS.includes(path.slice(path.lastIndexOf('/') + 1));
}

/** Files one build reads, and their bytes together. */
const MAX_BUILD_FILES = 200;
const MAX_BUILD_BYTES = 20 * 1024 * 1024;
/** Kustomizations nested in one build (overlay, base, its bases, components). */
const MAX_DEPTH = 10;
/** How long kubectl may take, and how much it may print. */
const BUILD_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 20 * 1024 * 1024;

export type ReadHead = (path: string) => Promise<string | undefined | Unread>;

/** What building one overlay gave: the built objects as YAML, or why it was not built. */
export type OverlayBuild = { kustomization: string } & ({ built: string } | { notBuilt: string });

/** Why a build is refused before kubectl starts; the message names what and where. */
class Refused extends Error {}

/** Fields whose entries are files of the kustomization's folder (or, for resources, folders). */
const FILE_LISTS = ['resources', 'bases', 'components', 'crds', 'configurations', 'patchesStrategicMerge'] as const;
const PATH_FIELDS = ['patches', 'patchesJson6902', 'replacements'] as const;
const GENERATORS = ['configMapGenerator', 'secretGenerator'] as const;
const PLUGINS = ['generators', 'transformers', 'validators', 'helmCharts', 'helmChartInflationGenerator'] as const;

/** The time a run keeps for checking what it read: no build starts later than this before its deadline. */
const KEEP_FOR_CHECKING_MS = 60_000;

export interface BuildOptions {
  /** The command to run (tests name one that is not there). */
  kubectl?: string;
  /** When the run must end (ms since the epoch): builds stop in time to leave the check its share. */
  deadline?: number;
}

/** Builds each overlay with kubectl, one after another; a build that cannot run says why, never throws. */
export async function buildOverlays(
  kustomizations: readonly string[],
  readHead: ReadHead,
  { kubectl = 'kubectl', deadline = Infinity }: BuildOptions = {},
): Promise<OverlayBuild[]> {
  const out: OverlayBuild[] = [];
  for (const kustomization of kustomizations) {
    const left = deadline - KEEP_FOR_CHECKING_MS - Date.now();
    if (left < 1000) {
      out.push({ kustomization, notBuilt: "the run's time budget ran short" });
      continue;
    }
    try {
      const files = await collect(folderOf(kustomization), readHead);
      const timeout = Math.min(BUILD_TIMEOUT_MS, left);
      out.push({ kustomization, built: await build(folderOf(kustomization), files, kubectl, timeout) });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      out.push({ kustomization, notBuilt: error.message });
    }
  }
  return out;
}

/** The kustomization file of a folder at the head commit, read, or undefined when it has none. */
export async function kustomizationIn(
  folder: string,
  readHead: ReadHead,
): Promise<{ path: string; text: string } | undefined> {
  for (const name of KUSTOMIZATIONS) {
    const file = joinPath(folder, name);
    const text = await readHead(file);
    if (typeof text === 'string') return { path: file, text };
    if (text !== undefined) throw new Refused(`${file} could not be read: ${text.kind}`);
  }
  return undefined;
}

/** The files a kustomization's patches and generators name, relative to the repository root. */
export function patchFiles(kustomization: string, text: string): string[] {
  const fields = fieldsOf(text);
  if (!fields) return [];
  const folder = folderOf(kustomization);
  const named = [
    ...strings(fields.patchesStrategicMerge).filter((p) => !isInline(p)),
    ...PATH_FIELDS.flatMap((field) => entries(fields[field]).flatMap((e) => strings(e.path))),
    ...GENERATORS.flatMap((field) => entries(fields[field]).flatMap(generatorFiles)),
  ];
  return named.map((p) => posix.normalize(posix.join(folder, p)));
}

/** Every file the build of `root` needs, by path from the repository root: the kustomizations and what they name. */
async function collect(root: string, readHead: ReadHead): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let bytes = 0;
  const take = (file: string, text: string) => {
    if (files.has(file)) return;
    bytes += Buffer.byteLength(text);
    if (files.size >= MAX_BUILD_FILES || bytes > MAX_BUILD_BYTES) {
      throw new Refused(`it needs more than ${MAX_BUILD_FILES} files or ${MAX_BUILD_BYTES} bytes`);
    }
    files.set(file, text);
  };
  const readFile = async (file: string, from: string) => {
    const text = await readHead(file);
    if (typeof text === 'string') return take(file, text);
    throw new Refused(
      text === undefined ? `${from} names ${file}, which the repository does not have` : `${file} could not be read`,
    );
  };
  const visit = async (folder: string, depth: number, from: string): Promise<void> => {
    if (depth > MAX_DEPTH) throw new Refused(`its kustomizations nest deeper than ${MAX_DEPTH}`);
    const found = await kustomizationIn(folder, readHead);
    if (!found) throw new Refused(`${from} names the folder ${folder || '.'}, which has no kustomization`);
    if (files.has(found.path)) return;
    take(found.path, found.text);
    const fields = fieldsOf(found.text);
    if (!fields) throw new Refused(`${found.path} does not parse as YAML`);
    const plugin = PLUGINS.find((field) => fields[field] !== undefined);
    if (plugin) throw new Refused(`${found.path} uses ${plugin}, which runs more than kustomize itself`);
    const inside = (entry: string) => resolve(folder, entry, found.path);
    for (const field of FILE_LISTS) {
      for (const entry of strings(fields[field])) {
        if (field === 'patchesStrategicMerge' && isInline(entry)) continue;
        const target = inside(entry);
        // A resource without a YAML or JSON name may be a folder with a kustomization of its own.
        const fileOnly = field === 'crds' || field === 'configurations' || field === 'patchesStrategicMerge';
        if (/\.(ya?ml|json)$/i.test(target) || fileOnly) {
          await readFile(target, found.path);
        } else await visit(target, depth + 1, found.path);
      }
    }
    for (const field of PATH_FIELDS) {
      for (const entry of entries(fields[field]))
        for (const p of strings(entry.path)) await readFile(inside(p), found.path);
    }
    for (const field of GENERATORS) {
      for (const entry of entries(fields[field]))
        for (const p of generatorFiles(entry)) await readFile(inside(p), found.path);
    }
    // The OpenAPI schema kustomize reads: like every file it loads, from the repository, never from a URL.
    for (const entry of entries([fields.openapi]))
      for (const p of strings(entry.path)) await readFile(inside(p), found.path);
  };
  await visit(root, 0, joinPath(root, 'kustomization.yaml'));
  return files;
}

/** A path a kustomization names, from the repository root; refused when remote or outside the repository. */
function resolve(folder: string, entry: string, from: string): string {
  // A URL or a Git address is fetched by kustomize: refused. Any other name is looked up in the repository only.
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git@|^github\.com\/|\?ref=/i.test(entry)) {
    throw new Refused(`${from} names a remote file (${entry}), which is not fetched`);
  }
  const target = posix.normalize(posix.join(folder, entry));
  if (target.startsWith('../') || target === '..' || posix.isAbsolute(entry)) {
    throw new Refused(`${from} names ${entry}, outside the repository`);
  }
  return target === '.' ? '' : target.replace(/\/$/, '');
}

/** Writes the files into a temporary folder and runs `kubectl kustomize` on the root there. */
async function build(
  root: string,
  files: ReadonlyMap<string, string>,
  kubectl: string,
  timeout: number,
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'readiness-gate-kustomize-'));
  try {
    for (const [file, text] of files) {
      const target = path.join(dir, ...file.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      // The overlay's own kustomization asks kustomize to say which file each object came from.
      const root_ = isKustomization(file) && folderOf(file) === root;
      await writeFile(target, root_ ? withOriginAnnotations(text) : text);
    }
    return await new Promise<string>((done, fail) => {
      execFile(
        kubectl,
        ['kustomize', path.join(dir, ...root.split('/').filter(Boolean))],
        {
          timeout,
          maxBuffer: MAX_OUTPUT_BYTES,
          // No cluster, no credentials, no plugins: kustomize reads the folder and prints.
          env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: path.join(dir, 'none') },
        },
        (error, stdout, stderr) => {
          if (!error) return done(stdout);
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') return fail(new Refused(`${kubectl} is not on the PATH`));
          if (error.killed)
            return fail(new Refused(`kubectl kustomize took longer than ${Math.round(timeout / 1000)} s`));
          const said =
            String(stderr)
              .split('\n')
              .find((l) => l.trim() !== '') ?? error.message.split('\n')[0]!;
          fail(new Refused(`kubectl kustomize failed: ${said.replaceAll(dir + path.sep, '').replaceAll(dir, '.')}`));
        },
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The kustomization with `buildMetadata: [originAnnotations]` added, so built objects name their file. */
function withOriginAnnotations(text: string): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text;
  const existing = doc.get('buildMetadata');
  const list = isSeq(existing) ? existing.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
  if (!list.includes('originAnnotations')) doc.set('buildMetadata', [...list, 'originAnnotations']);
  return doc.toString();
}

type Fields = Record<string, unknown>;

/** The kustomizations whose fields are kept: more than a run reads (MAX_BUILD_FILES, and at most 50 looked up). */
const MAX_PARSED = 256;

/**
 * A kustomization's fields, parsed once however many parts of a run ask
 * (finding the overlays a change reaches, what a base's overlays patch in,
 * the build), and only read.
 */
const fieldsOf = keptByText(MAX_PARSED, (text): Fields | undefined => {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
});

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

const entries = (value: unknown): Fields[] =>
  Array.isArray(value) ? value.filter((v): v is Fields => !!v && typeof v === 'object' && !Array.isArray(v)) : [];

/** A strategic-merge patch written inline, not a file name. */
const isInline = (entry: string) => entry.includes('\n') || /^\s*\w+\s*:/.test(entry);

/** The files a generator reads: `files` (`key=path` or `path`), `envs` and the older `env`. */
function generatorFiles(entry: Fields): string[] {
  return [
    ...strings(entry.files).map((f) => f.slice(f.indexOf('=') + 1)),
    ...strings(entry.envs),
    ...strings(entry.env),
  ];
}

/** The probes a container may be given. */
export const PROBES = ['readinessProbe', 'livenessProbe'] as const;

/**
 * What a kustomization takes in: its `resources`, `bases` and `components`
 * that are folders of the repository (not remote, not a file), by path from
 * the root; and the patches it applies, inline or by the files they name.
 */
export function kustomizationParts(
  kustomization: string,
  text: string,
): { folders: string[]; inline: string[]; patchFiles: string[] } {
  const fields = fieldsOf(text);
  if (!fields) return { folders: [], inline: [], patchFiles: [] };
  const folder = folderOf(kustomization);
  const taken = ['resources', 'bases', 'components'].flatMap((f) => strings(fields[f]));
  const folders = taken
    .filter((r) => !/\.(ya?ml|json)$/i.test(r) && !/^[a-z][a-z0-9+.-]*:/i.test(r) && !r.includes('?ref='))
    .map((r) => posix.normalize(posix.join(folder, r)).replace(/\/$/, ''))
    .map((r) => (r === '.' ? '' : r));
  const inline = [
    ...strings(fields.patchesStrategicMerge).filter(isInline),
    ...entries(fields.patches).flatMap((e) => strings(e.patch)),
    ...entries(fields.patchesJson6902).flatMap((e) => strings(e.patch)),
  ];
  return { folders, inline, patchFiles: patchFiles(kustomization, text) };
}

/**
 * The probes a patch puts into a container: a strategic-merge patch that
 * gives a probe a value (not `null`, not `$patch: delete`), or a JSON 6902
 * `add`/`replace` whose path names one. A patch that removes a probe, or
 * does not parse, puts none.
 */
export function probesPatchedIn(patch: string): string[] {
  const found = new Set<string>();
  let docs: unknown[];
  try {
    docs = parseAllDocuments(patch).map((d) => (d.errors.length > 0 ? undefined : d.toJS({ maxAliasCount: 100 })));
  } catch {
    return [];
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const op of value) {
        const { op: kind, path } = (op ?? {}) as { op?: unknown; path?: unknown };
        if ((kind === 'add' || kind === 'replace') && typeof path === 'string')
          for (const probe of PROBES) if (new RegExp(`/${probe}(?:/|$)`).test(path)) found.add(probe);
        visit(op);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const given =
        inner !== null && typeof inner === 'object' && (inner as Record<string, unknown>).$patch !== 'delete';
      if ((PROBES as readonly string[]).includes(key) && given) found.add(key);
      visit(inner);
    }
  };
  for (const doc of docs) visit(doc);
  return [...found];
}
