/**
 * The human report in GitHub Markdown: the pull-request comment, the check
 * run summary, the job summary and the CLI's `--format markdown`. Verdict
 * first, then what blocks the merge (errors) and what is advisory (warnings,
 * notices), each grouped by document; waivers, and the passing checks
 * collapsed. Everything quoted from the pull request is neutralised. The
 * result never exceeds `limit` (see `limits.ts`): past it, the passing
 * checks go first, then advisory findings, blocking ones last, with a note.
 */
import type { Severity } from '../config/types.js';
import { PULL_REQUEST } from '../engine.js';
import { BUILT_IN } from '../config/load.js';
import { fits, type Limit } from '../limits.js';
import { messageMarkdown, neutralise } from './neutralise.js';
import { scorecardMarkdown } from './scorecard.js';
import { plural } from './text.js';
import type { Finding, Report, Waiver } from '../model/report.js';
import { RULES } from '../rules/index.js';
import { ruleDocsUrl } from '../version.js';

export interface MarkdownOptions {
  /** Heading of the report, e.g. the check name. */
  title: string;
  /** The most GitHub takes where the report goes. */
  limit?: Limit;
  /** Lines added after the verdict, e.g. why a skip happened or that the comment could not be posted. Trusted text. */
  notes?: string[];
  /** Where a document can be read, e.g. the file at the head commit. */
  link?: (source: string, line?: number) => string | undefined;
  /** Open with the verdict as a heading; false where the surface shows its own (a check run shows its name and title). */
  heading?: boolean;
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

export function formatMarkdown(report: Report, options: MarkdownOptions): string {
  const { limit } = options;
  // What blocks the merge first, then what is advisory: the order they are shown in, and cut from the end of.
  const ordered = { ...report, findings: [...blocking(report), ...advisory(report)] };
  const full = render(ordered, options, ordered.findings.length, true);
  if (!limit || fits(full, limit)) return full;
  // Too long: the passing checks go first, then advisory findings, and blocking ones only after those.
  const withoutPasses = render(ordered, options, ordered.findings.length, false);
  if (fits(withoutPasses, limit)) return withoutPasses;
  let lo = 0;
  let hi = ordered.findings.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(render(ordered, options, mid, false), limit)) lo = mid;
    else hi = mid - 1;
  }
  const cut = render(ordered, options, lo, false);
  if (fits(cut, limit)) return cut;
  // Even without findings it is too long (a huge title or notes): cut the text itself, a UTF-8 character being at most 4 bytes.
  const room = limit.unit === 'bytes' ? Math.floor(limit.max / 4) : limit.max;
  return `${cut.slice(0, Math.max(0, room - 2))}\n`;
}

/**
 * A document's findings in order, those alike but for one name (same rule,
 * severity and gather key, two or more) as one group where the first stood.
 */
function gathered(findings: readonly Finding[]): (Finding | Finding[])[] {
  const keyOf = (f: Finding) =>
    f.gather && !f.related ? JSON.stringify([f.ruleId, f.severity, f.gather.key]) : undefined;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = keyOf(f);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: (Finding | Finding[])[] = [];
  for (const f of findings) {
    const group = groups.get(keyOf(f) ?? '');
    if (!group || group.length < 2) out.push(f);
    else if (group[0] === f) out.push(group);
  }
  return out;
}

const blocking = (report: Report) => report.findings.filter((f) => f.severity === 'error');
const advisory = (report: Report) => report.findings.filter((f) => f.severity !== 'error');

function render(report: Report, options: MarkdownOptions, shown: number, passes: boolean): string {
  const out: string[] = [];
  const passed = report.conclusion === 'success';
  const notices = report.notices > 0 ? `, ${plural(report.notices, 'notice')}` : '';
  const counts = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}${notices}`;
  // A skipped pull request was not checked: its heading says so, not that it passed.
  if (options.heading !== false)
    out.push(
      report.skipped
        ? `## ⏭️ ${neutralise(options.title)}: skipped`
        : `## ${passed ? '✅' : '❌'} ${neutralise(options.title)}: ${passed ? 'passed' : 'failed'} (${counts})`,
      '',
    );
  if (report.signOff) {
    const { login, at, commit, via } = report.signOff;
    out.push(
      `Signed off by ${neutralise(`@${login}`)} on ${at.slice(0, 10)} at commit ${commit.slice(0, 7)} (${via}).`,
      '',
    );
  }
  // The config's path is the workflow's or the command line's, not the pull request's.
  if (report.config)
    out.push(`Config: ${report.config === BUILT_IN ? BUILT_IN : `\`${report.config.replace(/`/g, '')}\``}.`, '');
  // Trusted text: where a reason quotes the pull request (changed paths), `skipReason` puts it in code spans.
  if (report.skipped) out.push(`> Skipped: ${report.skipped}`, '');
  if (report.notChecked?.length) {
    const shown = report.notChecked.slice(0, 10).map((f) => `\`${f.path.replace(/[`\s]+/g, ' ')}\` (${f.reason})`);
    const more = report.notChecked.length > 10 ? ` and ${report.notChecked.length - 10} more` : '';
    out.push(`> Not checked: ${shown.join(', ')}${more}.`, '');
  }
  for (const note of options.notes ?? []) out.push(`> ${note}`, '');

  if (report.matched?.length) {
    out.push('### Why this pull request owes more', '');
    for (const m of report.matched) out.push(`- **${neutralise(m.name)}**: ${m.reasons.map(neutralise).join('; ')}`);
    out.push('');
  }

  // The services the change touches, as the scorecard shows them: read from the repository, so neutralised there.
  if (report.services?.length)
    out.push('### Services this change touches', '', scorecardMarkdown(report.services, options.link));

  const cutFindings = report.findings.slice(0, shown);
  if (report.findings.length > 0) {
    const groups: [string, Finding[]][] = [
      ['### Blocking the merge', cutFindings.filter((f) => f.severity === 'error')],
      ['### Advisory', cutFindings.filter((f) => f.severity !== 'error')],
    ];
    for (const [heading, findings] of groups) {
      if (findings.length === 0) continue;
      out.push(heading, '');
      for (const source of report.sources) {
        const own = findings.filter((f) => f.source === source);
        if (own.length === 0) continue;
        out.push(`#### ${documentName(source, options)}`, '');
        for (const item of gathered(own)) {
          if (Array.isArray(item)) {
            // Findings alike but for one name, said once: each name at its line.
            const { lead, tail } = item[0]!.gather!;
            const names = item.map((f) => `${neutralise(`"${f.gather!.name}"`)} (${lineRef(source, f.line, options)})`);
            out.push(
              `- ${ICON[item[0]!.severity]} ${neutralise(lead)}${names.join(', ')}${neutralise(tail)} <sub>${ruleLink(item[0]!.ruleId)}</sub>`,
            );
            continue;
          }
          const f = item;
          const where = lineRef(source, f.line, options);
          out.push(
            `- ${ICON[f.severity]} ${where}: ${messageMarkdown(f.message, f.parts)}${relatedLink(f, options)} <sub>${ruleLink(f.ruleId)}</sub>`,
          );
        }
        out.push('');
      }
    }
    if (shown < report.findings.length) {
      out.push(
        `_…and ${plural(report.findings.length - shown, 'more finding')}, cut to fit GitHub's size limit. The job summary and the JSON report have them all._`,
        '',
      );
    }
  }

  if (report.waivers.length > 0) {
    out.push('### Waived', '');
    for (const w of report.waivers) {
      out.push(
        `- **${neutralise(w.label)}** (${neutralise(w.section)}, ${lineRef(w.source, w.line, options)}): ${neutralise(w.reason)}${waiverEvidence(w, options)}`,
      );
    }
    out.push('');
  }

  if (report.passed.length > 0 && !passes) {
    out.push(`_${plural(report.passed.length, 'passing check')} left out to fit GitHub's size limit._`, '');
  } else if (report.passed.length > 0) {
    out.push(`<details><summary>Passing checks (${report.passed.length})</summary>`, '');
    for (const pass of report.passed) {
      const where = pass.sources.map((s) => documentName(s, options)).join(', ');
      out.push(`- ✅ ${pass.title} <sub>${pass.ruleId}</sub> — ${where}`);
    }
    out.push('', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

/** A rule's id linking its page; a finding of the gate itself (a file it could not read) has none. */
function ruleLink(ruleId: string): string {
  return RULE_IDS.has(ruleId) ? `[${ruleId}](${ruleDocsUrl(ruleId)})` : ruleId;
}

function documentName(source: string, options: MarkdownOptions): string {
  if (source === PULL_REQUEST) return 'Pull request description';
  const url = options.link?.(source);
  const name = neutralise(source);
  return url ? `[${name}](${url})` : name;
}

/** A link to the line a finding rests on (the evidence behind a contradiction), where the report can link. */
function relatedLink(f: Report['findings'][number], options: MarkdownOptions): string {
  const url = f.related ? options.link?.(f.related.source, f.related.line) : undefined;
  return url ? ` [Evidence: ${neutralise(f.related!.source)} line ${f.related!.line}](${url})` : '';
}

/** The findings on changed files that bear on a waived claim, for the reviewer to weigh the reason against. */
function waiverEvidence(w: Waiver, options: MarkdownOptions): string {
  if (!w.evidence?.length) return '';
  const shown = w.evidence.slice(0, 3).map((e) => {
    const url = options.link?.(e.source, e.line);
    const where = `${neutralise(e.source)}:${e.line}`;
    return `${url ? `[${where}](${url})` : `\`${where}\``} (\`${e.ruleId}\`)`;
  });
  const more = w.evidence.length > 3 ? ` and ${w.evidence.length - 3} more` : '';
  return `${/[.!?]$/.test(w.reason) ? '' : '.'} The changed files show: ${shown.join(', ')}${more}`;
}

function lineRef(source: string, line: number, options: MarkdownOptions): string {
  const url = source === PULL_REQUEST ? undefined : options.link?.(source, line);
  return url ? `[line ${line}](${url})` : `line ${line}`;
}
