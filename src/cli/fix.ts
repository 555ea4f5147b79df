/**
 * `check --fix`: the fixes the rules offer (`model/finding.ts`) applied to
 * the files on disk, then the files checked again, as `eslint --fix` does:
 * at most MAX_PASSES passes, each applying the fixes that do not overlap.
 * Never the description (`--body`), which is no file here.
 *
 * A fix changes what it says and nothing else. The engine offers only
 * fixes it tried on the file (`engine.ts verifyFixes`); here the fixes of a
 * pass are tried together, and kept only when the file then parses and the
 * rules they fix find less while no other finds more. Every byte outside the
 * lines a fix replaces is kept: a byte order mark, `\r\n` line ends, the
 * final line break or its absence; a file that is not UTF-8 text (a Latin-1
 * byte, UTF-16) is not rewritten at all. `--fix-dry-run` makes one pass and
 * prints the diff instead of writing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readBytes } from '../disk.js';
import { check } from '../engine.js';
import { applyFixes, fixDiff, type Applied } from '../fix.js';
import { asKindId, kindById, prepareKinds, type KindId } from '../kinds/index.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Fix } from '../model/finding.js';
import type { Finding } from '../model/report.js';
import type { RunOutcome } from '../pipeline.js';
import { maxBytesOf } from '../source.js';
import { RULES } from '../rules/index.js';

const MAX_PASSES = 10;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

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

export async function fixFiles(root: string, run: () => Promise<RunOutcome>, dryRun: boolean): Promise<FixResult> {
  const fixed = new Map<string, number>();
  const refused = new Map<string, string>();
  let diff = '';
  let outcome = await run();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const bySource = new Map<string, Finding[]>();
    for (const finding of outcome.report.findings) {
      if (finding.unfixed && !refused.has(finding.source)) refused.set(finding.source, finding.unfixed);
      if (!finding.fix || finding.source === PULL_REQUEST || !finding.kind) continue;
      bySource.set(finding.source, [...(bySource.get(finding.source) ?? []), finding]);
    }
    let changed = false;
    for (const [source, findings] of bySource) {
      const kind = asKindId(findings[0]!.kind!);
      const file = await readForFix(root, source, kind);
      if (typeof file === 'string') {
        refused.set(source, file);
        continue;
      }
      const tried = await tryFixes(kind, source, file.text, findings, outcome.config);
      if ('refused' in tried) {
        refused.set(source, tried.refused);
        if (!tried.kept) continue;
      }
      const result = tried.kept!;
      fixed.set(source, (fixed.get(source) ?? 0) + result.applied.length);
      if (dryRun) diff += fixDiff(source, file.text, result.changes);
      else await writeFile(path.resolve(root, source), Buffer.concat([file.bom, Buffer.from(result.text, 'utf8')]));
      changed = true;
    }
    if (!changed || dryRun) break;
    outcome = await run();
  }
  return { outcome, fixed, refused, diff };
}

/** A file's text to fix, and its byte order mark to write back; or why it is not rewritten. */
async function readForFix(root: string, source: string, kind: KindId): Promise<{ text: string; bom: Buffer } | string> {
  const bytes = await readBytes(root, source, maxBytesOf(kind));
  if (!Buffer.isBuffer(bytes)) return bytes === undefined ? 'it is gone' : bytes.reason;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'it is UTF-16: rewriting it could change bytes the fix does not mean to';
  }
  const bom = bytes.subarray(0, 3).equals(BOM) ? BOM : Buffer.alloc(0);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(bom.length)), bom };
  } catch {
    return 'it is not UTF-8 text (a Latin-1 byte?): rewriting it would change bytes the fix does not mean to';
  }
}

/**
 * The fixes of one file applied together when they keep it parsing and
 * finding less; else each alone, those that do kept; else none, and why.
 */
async function tryFixes(
  kind: KindId,
  source: string,
  before: string,
  findings: readonly Finding[],
  config: ResolvedConfig | undefined,
): Promise<{ kept: Applied } | { kept?: Applied; refused: string }> {
  const fixes = findings.map((f) => f.fix!);
  const all = applyFixes(before, fixes);
  if (all.applied.length === 0 || all.text === before) return { refused: 'its fixes change nothing' };
  const why = await worse(kind, source, before, all, findings, config);
  if (why === undefined) return { kept: all };
  const alone: Fix[] = [];
  for (const fix of all.applied) {
    if ((await worse(kind, source, before, applyFixes(before, [fix]), findings, config)) === undefined) alone.push(fix);
  }
  const some = applyFixes(before, alone);
  const kept =
    some.applied.length > 0 && (await worse(kind, source, before, some, findings, config)) === undefined
      ? some
      : undefined;
  return { ...(kept ? { kept } : {}), refused: why };
}

/** Why the fixed text is worse off than the text was, or undefined when it is not. */
async function worse(
  kind: KindId,
  source: string,
  before: string,
  after: Applied,
  findings: readonly Finding[],
  config: ResolvedConfig | undefined,
): Promise<string | undefined> {
  const error = (text: string) => {
    const view = kindById(kind).parse(text, source) as { error?: { message: string } } | undefined;
    return view?.error?.message;
  };
  const now = error(after.text);
  if (now !== undefined && error(before) === undefined) return `a fix after which it would not parse (${now})`;
  if (!config) return undefined;
  const counts = async (text: string) => {
    const files = [{ path: source, kind, text }];
    await prepareKinds(files);
    const by = new Map<string, number>();
    for (const f of check({ files, config }).findings) by.set(f.ruleId, (by.get(f.ruleId) ?? 0) + 1);
    return by;
  };
  const [was, is] = [await counts(before), await counts(after.text)];
  const fixedRules = new Set(
    after.applied.map((fix) => findings.find((f) => f.fix === fix)?.ruleId).filter((id) => id !== undefined),
  );
  for (const ruleId of fixedRules) {
    if ((is.get(ruleId) ?? 0) >= (was.get(ruleId) ?? 0)) return `a fix that leaves what ${ruleId} found`;
  }
  const left = new Set([...fixedRules].flatMap((id) => leavesOf(id)));
  for (const [ruleId, n] of is) {
    if (n > (was.get(ruleId) ?? 0) && !left.has(ruleId)) return `a fix after which ${ruleId} finds more`;
  }
  return undefined;
}

/** The rules whose findings a rule's fix leaves on purpose (`fixLeaves`). */
function leavesOf(ruleId: string): string[] {
  return RULES.find((r) => r.id === ruleId)?.fixLeaves ?? [];
}
