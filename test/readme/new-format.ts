import type { Report } from '../../src/model/report.js';
import { defineFormat } from '../../src/report/formats.js';

/** Text as XML character data or an attribute value: the five characters XML gives meaning, escaped. */
const xml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Checkstyle's XML, which Jenkins' warnings plugin, reviewdog and most CI dashboards read. */
export const checkstyleFormat = defineFormat({
  id: 'checkstyle',
  description: "Checkstyle's XML, for CI dashboards and reviewdog (`-f=checkstyle`)",
  render: (report: Report) => {
    const files = [...new Set(report.findings.map((f) => f.source))].map((source) => [
      `  <file name="${xml(source)}">`,
      ...report.findings
        .filter((f) => f.source === source)
        .map(
          (f) =>
            `    <error line="${f.line}" column="${f.column}" severity="${f.severity === 'notice' ? 'info' : f.severity}" message="${xml(f.message)}" source="readiness-gate.${xml(f.ruleId)}"/>`,
        ),
      '  </file>',
    ]);
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<checkstyle version="4.3">',
      ...files.flat(),
      '</checkstyle>',
      '',
    ].join('\n');
  },
});
