/**
 * The readiness scorecard: one row a service, each launch question with its
 * status and the file:line that decided it, as text (a terminal), JSON (the
 * facts other tools take, `schema/services.schema.json`), Markdown (the job
 * summary) and HTML (one self-contained page a team can publish). Every
 * value read from the repository is untrusted: neutralised in Markdown,
 * escaped in HTML.
 */
import { CHECKS, servicesDocument, type CheckId, type ServiceFacts, type Status } from '../model/service-facts.js';
import { neutralise } from './neutralise.js';

export const SCORECARD_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];

const HEADINGS: Record<CheckId, string> = {
  owner: 'Owner',
  oncall: 'On-call',
  slo: 'SLO',
  alerts: 'Alerts',
  dashboard: 'Dashboard',
  runbook: 'Runbook',
};

const MARK: Record<Status, string> = { pass: '✅', fail: '❌', waived: '⚠️', 'not-required': '➖' };
const WORD: Record<Status, string> = { pass: 'pass', fail: 'FAIL', waived: 'waived', 'not-required': 'not required' };

/** Whether a service fails a question its tier requires. */
export const failing = (s: ServiceFacts): boolean => CHECKS.some((c) => s.checks[c].status === 'fail');

export function renderScorecard(
  services: readonly ServiceFacts[],
  format: ScorecardFormat,
  where: { repository?: string; commit?: string } = {},
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(servicesDocument(services, where), null, 2)}\n`;
    case 'markdown':
      return scorecardMarkdown(services);
    case 'html':
      return scorecardHtml(services, where);
    default:
      return scorecardText(services);
  }
}

const at = (s: { path: string; line: number } | null) => (s ? `${s.path}:${s.line}` : '');

function scorecardText(services: readonly ServiceFacts[]): string {
  if (services.length === 0)
    return 'No services: the repository keeps no catalog entity and names no service folder (services.paths).\n';
  const lines: string[] = [];
  for (const s of services) {
    lines.push(`${s.name} (tier ${s.tier}${s.owner ? `, owner ${s.owner}` : ''})`);
    for (const c of CHECKS) {
      const r = s.checks[c];
      const why = r.status === 'not-required' ? 'not required by its tier' : r.detail;
      const reason = r.reason ? ` (waived: ${r.reason})` : '';
      lines.push(
        `  ${WORD[r.status].padEnd(12)} ${HEADINGS[c].padEnd(10)} ${why}${reason}${r.source ? `  ${at(r.source)}` : ''}`,
      );
    }
  }
  const failed = services.filter(failing).length;
  lines.push(
    '',
    `${services.length} service${services.length === 1 ? '' : 's'}, ${failed} missing what its tier requires.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The scorecard as a Markdown table, the decided-by file:line in each cell, linked to its line where the report can link. */
export function scorecardMarkdown(
  services: readonly ServiceFacts[],
  link?: (source: string, line?: number) => string | undefined,
): string {
  if (services.length === 0) return '';
  const head = `| Service | Tier | ${CHECKS.map((c) => HEADINGS[c]).join(' | ')} |`;
  const rule = `|---|---|${CHECKS.map(() => '---').join('|')}|`;
  const rows = services.map((s) => {
    const cells = CHECKS.map((c) => {
      const r = s.checks[c];
      const url = r.source ? link?.(r.source.path, r.source.line) : undefined;
      const where = r.source ? neutralise(at(r.source)) : '';
      const source = r.source ? ` <sub>${url ? `[${where}](${url})` : where}</sub>` : '';
      return `${MARK[r.status]} ${r.status === 'not-required' ? '' : neutralise(r.detail)}${source}`.trim();
    });
    return `| ${neutralise(s.name)} | ${neutralise(s.tier)} | ${cells.join(' | ')} |`;
  });
  return `${head}\n${rule}\n${rows.join('\n')}\n\n${MARK.pass} pass · ${MARK.fail} missing · ${MARK.waived} waived · ${MARK['not-required']} not required by the tier\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function scorecardHtml(services: readonly ServiceFacts[], where: { repository?: string; commit?: string }): string {
  const title = `Readiness scorecard${where.repository ? ` of ${where.repository}` : ''}`;
  const rows = services
    .map((s) => {
      const cells = CHECKS.map((c) => {
        const r = s.checks[c];
        const detail = r.status === 'not-required' ? 'not required by its tier' : r.detail;
        const reason = r.reason ? `<br><em>waived: ${escapeHtml(r.reason)}</em>` : '';
        const source = r.source ? `<br><code>${escapeHtml(at(r.source))}</code>` : '';
        return `<td class="${r.status}" data-check="${c}" data-status="${r.status}"><b>${WORD[r.status]}</b><br>${escapeHtml(detail)}${reason}${source}</td>`;
      }).join('');
      return `<tr data-service="${escapeHtml(s.name)}"><th scope="row">${escapeHtml(s.name)}</th><td>${escapeHtml(s.tier)}</td><td>${escapeHtml(s.owner ?? '')}</td>${cells}</tr>`;
    })
    .join('\n');
  const failed = services.filter(failing).length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1f2328; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .4rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f6f8fa; }
td.pass { background: #dafbe1; } td.fail { background: #ffebe9; } td.waived { background: #fff8c5; } td.not-required { color: #656d76; }
code { font-size: 12px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p id="summary">${services.length} service${services.length === 1 ? '' : 's'}, ${failed} missing what its tier requires${where.commit ? `, at ${escapeHtml(where.commit)}` : ''}.</p>
<table>
<thead><tr><th scope="col">Service</th><th scope="col">Tier</th><th scope="col">Catalog owner</th>${CHECKS.map((c) => `<th scope="col">${HEADINGS[c]}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
