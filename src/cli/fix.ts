/**
 * `check --fix`: the fixes the rules offer (`model/finding.ts`) applied to
 * the files on disk, then the files checked again, as `eslint --fix` does:
 * at most MAX_PASSES passes, each applying the fixes that do not overlap.
 * Never the description (`--body`), which is no file here. A file whose
 * fixed text its kind no longer parses (YAML that breaks) keeps its text.
 * `--fix-dry-run` makes one pass and prints the diff instead of writing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readDocument } from '../disk.js';
import { applyFixes, fixDiff } from '../fix.js';
import { asKindId, kindById, type KindId } from '../kinds/index.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import type { RunOutcome } from '../pipeline.js';
import type { Finding } from '../model/report.js';
import { maxBytesOf } from '../source.js';

const MAX_PASSES = 10;

export interface FixResult {
  /** The check after the last pass: what is left. */
  outcome: RunOutcome;
  /** Fixes applied, by file. */
  fixed: Map<string, number>;
  /** Files whose fixes were not applied, with why. */
  refused: Map<string, string>;
  /** With `dryRun`, the changes as unified diffs. */
  diff: string;
}

export async function fixFiles(root: string, check: () => Promise<RunOutcome>, dryRun: boolean): Promise<FixResult> {
  const fixed = new Map<string, number>();
  const refused = new Map<string, string>();
  let diff = '';
  let outcome = await check();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const bySource = new Map<string, Finding[]>();
    for (const finding of outcome.report.findings) {
      if (!finding.fix || finding.source === PULL_REQUEST || !finding.kind) continue;
      bySource.set(finding.source, [...(bySource.get(finding.source) ?? []), finding]);
    }
    let changed = false;
    for (const [source, findings] of bySource) {
      const kind = asKindId(findings[0]!.kind!);
      const before = await readDocument(root, source, maxBytesOf(kind));
      if (typeof before !== 'string') continue;
      let { text, applied } = applyFixes(
        before,
        findings.map((f) => f.fix!),
      );
      if (applied.length === 0 || text === before) continue;
      const broken = breaks(kind, source, before, text);
      if (broken) {
        // One by one, then: those that keep the file parsing are applied, the others named.
        refused.set(source, broken);
        const kept = applied.filter((fix) => !breaks(kind, source, before, applyFixes(before, [fix]).text));
        ({ text, applied } = applyFixes(before, kept));
        if (applied.length === 0 || breaks(kind, source, before, text)) continue;
      }
      fixed.set(source, (fixed.get(source) ?? 0) + applied.length);
      if (dryRun) diff += fixDiff(source, before, applied);
      else await writeFile(path.resolve(root, source), text);
      changed = true;
    }
    if (!changed || dryRun) break;
    outcome = await check();
  }
  return { outcome, fixed, refused, diff };
}

/** Why the fixed text is worse off than the text was: its kind parses the one and not the other. */
function breaks(kind: KindId, source: string, before: string, after: string): string | undefined {
  const error = (text: string) => {
    const view = kindById(kind).parse(text, source) as { error?: { message: string } } | undefined;
    return view?.error?.message;
  };
  const now = error(after);
  return now !== undefined && error(before) === undefined ? `a fix after which it would not parse (${now})` : undefined;
}
