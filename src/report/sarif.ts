/**
 * The report as SARIF 2.1.0, the subset GitHub's code scanning reads
 * (`github/codeql-action/upload-sarif`): one run, the rules as
 * `tool.driver.rules`, each finding on a file a result at its line and
 * column. Findings on the description have no file to point at: they are
 * left out and counted in the run's `properties`. Waived items are not
 * findings, so nothing is suppressed (GitHub ignores SARIF suppressions).
 * A result's `primaryLocationLineHash` hashes its rule, file and message,
 * not its line, so a finding that moves with its line stays one alert.
 */
import { createHash } from 'node:crypto';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import { RULES } from '../rules/index.js';
import { pathUri } from '../model/paths.js';
import { PROJECT_URL, ruleDocsUrl, VERSION } from '../version.js';
import type { Finding, Report } from '../model/report.js';

/** Where the rules are listed, for a finding of the gate itself (a file it could not read), which has no page. */
const RULES_INDEX = `${PROJECT_URL}/blob/main/docs/rules/README.md`;
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Tells this analysis from others uploaded for the same commit: `automationDetails.id` is `<category>/`. */
  category?: string;
}

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

export function toSarif(report: Report, options: SarifOptions = {}): object {
  const inFiles = report.findings.filter((f) => f.source !== PULL_REQUEST);
  const known = new Map<string, { id: string; title: string; description: string }>(RULES.map((r) => [r.id, r]));
  // The gate's own findings (a file it could not read, a broken config) are rules too, for the results that name them.
  const ids = [...new Set([...RULES.map((r) => r.id), ...inFiles.map((f) => f.ruleId)])];
  const rules = ids.map((id) => {
    const rule = known.get(id);
    const short = rule?.title ?? `readiness-gate: ${id}`;
    const full = rule?.description ?? 'A finding of the gate itself: what it could not read or check fails it closed.';
    const page = rule ? ruleDocsUrl(id) : RULES_INDEX;
    return {
      id,
      name: id,
      shortDescription: { text: short },
      fullDescription: { text: full },
      help: { text: `${full}. ${page}`, markdown: `${full}. See [${rule ? 'the rule' : 'the rules'}](${page}).` },
      helpUri: page,
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'readiness-gate',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: PROJECT_URL,
            rules,
          },
        },
        automationDetails: { id: `${options.category ?? 'readiness-gate'}/` },
        columnKind: 'unicodeCodePoints',
        results: inFiles.map((finding) => result(finding, index.get(finding.ruleId)!)),
        properties: { descriptionFindings: report.findings.length - inFiles.length, conclusion: report.conclusion },
      },
    ],
  };
}

function result(finding: Finding, ruleIndex: number): object {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(finding.source), uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: `${fingerprint(finding)}:1` },
  };
}

/** The same finding on another line hashes the same: its rule, file and message, line numbers in it left out. */
export function fingerprint(finding: Pick<Finding, 'ruleId' | 'source' | 'message'>): string {
  const message = finding.message.replace(/\b(lines?) \d+/g, '$1').replace(/:\d+\b/g, '');
  return createHash('sha256').update(`${finding.ruleId}\0${finding.source}\0${message}`).digest('hex').slice(0, 16);
}
