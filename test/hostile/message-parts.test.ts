// A finding's message is the rule's words with data put in them. In Markdown the rule's own code spans render as
// code (`docs/runbooks/name.md`, not \`docs/runbooks/name.md\`), while the data, which may be the pull request's
// text, stays inert: neutralised outside a code span, and inside one kept literal with no backtick to close it.
// Rendered with cmark-gfm, GitHub's Markdown engine, where it is installed.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { formatMessage, partsOf } from '../../src/model/messages.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { messageMarkdown, neutralise } from '../../src/report/neutralise.js';
import { redactReport } from '../../src/report/redact.js';

const hasCmark = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasCmark) console.warn('cmark-gfm is not installed (apt-get install cmark-gfm): the rendering oracle is skipped.');

const render = (markdown: string) =>
  spawnSync('cmark-gfm', ['-e', 'autolink', '-e', 'tagfilter'], { input: markdown, encoding: 'utf8' }).stdout;

const HOSTILE = '`x` <img src=x onerror=alert(1)> @octocat fixes #12 https://evil.example.com [a](javascript:x)';

/** What GitHub links or runs in rendered HTML outside code: tags other than code and paragraphs, and references. */
function live(html: string): string[] {
  const outside = html.replace(/<code>[\s\S]*?<\/code>/g, ' ');
  const found: string[] = [];
  for (const tag of outside.match(/<(?!\/?(?:p|code|ul|li|sub)\b)[^>]+>/g) ?? []) found.push(tag);
  const text = outside.replace(/<[^>]*>/g, ' ');
  if (/(?:^|[^\w`])@[a-z\d]/i.test(text)) found.push('mention');
  if (/(?:^|[^\w/&])#\d+\b/.test(text)) found.push('issue reference');
  if (/https?:\/\//.test(text)) found.push('url');
  return found;
}

describe('messageMarkdown', () => {
  it('renders the rule’s code spans as code and the data inert, in a code span or out of one', () => {
    const message = formatMessage('Runbook `{{path}}` for {{alert}}: link one (`docs/runbooks/name.md`).', {
      path: HOSTILE,
      alert: HOSTILE,
    });
    const markdown = messageMarkdown(message, partsOf(message));
    expect(markdown.startsWith("Runbook `'x' <img src=x onerror=alert(1)> @octocat fixes #12")).toBe(true);
    expect(markdown.endsWith('link one \\(`docs/runbooks/name.md`\\).')).toBe(true);
    if (!hasCmark) return;
    const html = render(markdown);
    expect(html).toContain('<code>docs/runbooks/name.md</code>');
    expect(html).toContain(
      "<code>'x' &lt;img src=x onerror=alert(1)&gt; @octocat fixes #12 https://evil.example.com [a](javascript:x)</code>",
    );
    expect(live(html)).toEqual([]);
  });

  it('says a message whose parts do not make it up, or leave a code span open, neutralised whole', () => {
    const message = formatMessage('Link `{{path}}`.', { path: 'a' });
    expect(messageMarkdown(`${message} more`, partsOf(message))).toBe(neutralise(`${message} more`));
    expect(messageMarkdown('Open `code', [{ text: 'Open `code' }])).toBe(neutralise('Open `code'));
  });

  it.skipIf(!hasCmark)('holds in a report: a Helm condition quoted from the pull request in a rule’s code span', () => {
    const report = check({
      files: [
        {
          path: 'charts/db/prometheus_rules/offline.yaml',
          kind: 'manifest',
          text: `alert: DBOffline\nexpr: up == 0\nannotations:\n  summary: none\n  {{- if eq .Values.x "${HOSTILE.replaceAll('"', '')}" }}\n  runbook_url: https://wiki.example.com/db\n  {{- end }}\n`,
        },
      ],
      config: loadConfig('runbooks:\n  external: [https://wiki.example.com/]\n', 'x.yml'),
    });
    const markdown = formatMarkdown(report, { title: 'Production readiness' });
    const line = markdown.split('\n').find((l) => l.includes('DBOffline') && l.includes('only when'))!;
    // The message alone: the rule's own link after it is the report's.
    const html = render(line.replace(/ <sub>.*<\/sub>$/, ''));
    expect(html).toMatch(/<code>if eq \.Values\.x &quot;'x' &lt;img src=x onerror=alert\(1\)&gt; @octocat fixes #12/);
    expect(live(html)).toEqual([]);
  });

  it('drops the parts where redaction changed the message: a credential is never told apart to be echoed', async () => {
    const secret = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const message = formatMessage('Token `{{token}}` found.', { token: secret });
    const finding = {
      ruleId: 'x',
      severity: 'error' as const,
      message,
      source: 'a.md',
      line: 1,
      column: 1,
      parts: partsOf(message)!,
    };
    const { report } = await redactReport(
      {
        conclusion: 'failure',
        errors: 1,
        warnings: 0,
        notices: 0,
        findings: [finding],
        waivers: [],
        passed: [],
        sources: ['a.md'],
      },
      [],
    );
    expect(report.findings[0]!.message).not.toContain(secret);
    expect(report.findings[0]!.parts).toBeUndefined();
  });
});
