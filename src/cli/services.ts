/**
 * `readiness-gate services`: the readiness scorecard of every service in the
 * repository under the working directory, from the files the gate reads
 * for them in a run (`kinds/service-run.ts`), as text, JSON, Markdown or
 * one HTML page. Exit 1 when a service misses what its tier requires.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, withRepository } from '../config/load.js';
import { auditServices } from '../kinds/service-run.js';
import { Reads, runAccess } from '../reads.js';
import { failing, renderScorecard, SCORECARD_FORMATS, type ScorecardFormat } from '../report/scorecard.js';
import type { ReadFailed } from '../source.js';
import { findRoot, readRepository } from './files.js';
import type { Io } from './io.js';
import { DiskSource } from './source.js';
import { UsageError } from './usage-error.js';

export const SERVICES_OPTIONS = {
  format: { type: 'string', default: 'text' },
  config: { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'exit-zero': { type: 'boolean', default: false },
} as const;

export async function runServices(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: SERVICES_OPTIONS });
  const format = values.format as ScorecardFormat;
  if (!SCORECARD_FORMATS.includes(format)) {
    throw new UsageError(
      `--format must be ${SCORECARD_FORMATS.slice(0, -1).join(', ')} or html, not "${values.format}".`,
    );
  }
  const root = await findRoot(io.cwd);
  const repository = await readRepository(root);
  const source = new DiskSource({
    cwd: io.cwd,
    root,
    ...(repository ? { repository } : {}),
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    pullRequest: {},
    args: [],
    onlySelected: false,
  });
  const { text, path: configPath } = await source.config();
  const config = withRepository(loadConfig(text, configPath), source.repository);
  const failures: ReadFailed[] = [];
  const access = runAccess(source, new Reads(source), failures, {
    settings: config,
    changed: [],
    removed: [],
    named: true,
    audit: true,
    deadline: Date.now() + 60_000,
    rendered: [],
  });
  const found = await auditServices(access);
  if (failures.length > 0) throw new UsageError(`could not read ${failures.map((f) => f.message).join('; ')}.`);
  const rendered = renderScorecard(found.services, format, {
    ...(repository ? { repository: `${repository.owner}/${repository.repo}` } : {}),
  });
  const outputFile = values['output-file'];
  if (outputFile === undefined) io.stdout(rendered);
  else await writeFile(path.resolve(io.cwd, outputFile), rendered);
  for (const note of found.notes) io.stderr(`readiness-gate: ${note}\n`);
  for (const problem of found.problems) io.stderr(`readiness-gate: ${problem}\n`);
  if (found.notRead.length > 0) {
    io.stderr(
      `readiness-gate: ${found.notRead.length} files were not read for services, past services.max-files (${config.services.maxFiles}): ${found.notRead.slice(0, 3).join(', ')}${found.notRead.length > 3 ? ' …' : ''}.\n`,
    );
    return values['exit-zero'] ? 0 : 1;
  }
  return (found.services.some(failing) || found.problems.length > 0) && !values['exit-zero'] ? 1 : 0;
}
