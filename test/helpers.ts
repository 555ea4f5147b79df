import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.js';
import type { ResolvedConfig } from '../src/config/types.js';
import { check, type KindedFile } from '../src/engine.js';
import { prepareKinds } from '../src/kinds/index.js';
import { RULE_IDS, type RuleId } from '../src/rules/index.js';
import type { SourceFile } from '../src/model/files.js';

/**
 * Whether a tool the tests use as an oracle runs here (`kubectl version --client`); where it does not, says
 * once which tests are skipped and how to get it.
 */
export function toolRuns(command: string, args: readonly string[], skipped: string): boolean {
  if (spawnSync(command, [...args], { stdio: 'ignore' }).status === 0) return true;
  console.warn(`${command} is not installed: ${skipped}`);
  return false;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8');
}

export function example(name: string): string {
  return readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

/** Files checked as runbooks. */
export function runbooks(files: readonly SourceFile[]): KindedFile[] {
  return files.map((file) => ({ ...file, kind: 'runbook' }));
}

/** The devops preset (or the given YAML) with every rule but `only` turned off. */
export function configFor(only: RuleId, yaml = ''): ResolvedConfig {
  const config = loadConfig(yaml, 'test.yml');
  for (const id of RULE_IDS) if (id !== only) config.rules[id] = 'off';
  return config;
}

/** Findings of one rule on a description, as `line:column message`. */
export function onDescription(
  rule: RuleId,
  text: string,
  options: { yaml?: string; runbooks?: SourceFile[] } = {},
): string[] {
  const report = check({
    description: text,
    files: runbooks(options.runbooks ?? []),
    config: configFor(rule, options.yaml),
  });
  return report.findings.map((f) => `${f.line}:${f.column} ${f.message}`);
}

/** Findings of one rule on a runbook, as `line:column message`. */
export function onRunbook(rule: RuleId, text: string, yaml = ''): string[] {
  const report = check({ files: runbooks([{ path: 'docs/runbooks/x.md', text }]), config: configFor(rule, yaml) });
  for (const f of report.findings) {
    if (f.source !== 'docs/runbooks/x.md') throw new Error(`finding on ${f.source}`);
  }
  return report.findings.map((f) => `${f.line}:${f.column} ${f.message}`);
}

/** The first finding on examples/runbooks/rotate-certs.md, as the JSON report gives it. */
export const ROTATE_CERTS_FIRST_FINDING = {
  ruleId: 'runbook-placeholder',
  severity: 'error',
  message: 'Template placeholder "[What this does]" left in. Replace it with the real command or text.',
  source: 'examples/runbooks/rotate-certs.md',
  kind: 'runbook',
  line: 4,
  column: 16,
} as const;

/**
 * Every grammar the code kind reads, Backstage's entity schemas and the Dockerfile parser, loaded: `check` is
 * synchronous, and a code file needs its grammar first, a catalog file its schemas, a Dockerfile its parser.
 */
export async function loadGrammars(): Promise<void> {
  await prepareKinds([
    ...['a.go', 'a.py', 'a.js', 'a.ts', 'a.tsx', 'a.java', 'a.rs'].map((path) => ({
      path,
      kind: 'code' as const,
      text: '',
    })),
    { path: 'catalog-info.yaml', kind: 'service' as const, text: '' },
    { path: 'Dockerfile', kind: 'dockerfile' as const, text: '' },
  ]);
}

/** Every file under a folder, by its path relative to the folder, read as text. */
export function filesUnder(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(folder, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}
