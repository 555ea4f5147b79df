import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findSection, inSection, parseDocument, positionAt } from '../../src/markdown/document.js';
import { fixture } from '../helpers.js';

describe('parseDocument', () => {
  const doc = parseDocument(fixture('pull-requests/checklist-problems.md'));

  it('builds sections from the heading tree, ending at the next heading of the same or lower depth', () => {
    expect(doc.sections.map((s) => [s.title, s.key, s.depth, s.line])).toEqual([
      ['Checklist with problems', 'checklist with problems', 1, 1],
      ['🚀 Deployment:', 'deployment', 2, 3],
      ['Monitoring', 'monitoring', 2, 9],
      ['Reliability', 'reliability', 2, 22],
      ['Runbook', 'runbook', 2, 28],
    ]);
    const h1 = doc.sections[0]!;
    expect(h1.end).toBe(doc.source.length);
  });

  it('collects task items with label, rest and position, but none from code or HTML comments', () => {
    const monitoring = findSection(doc, ['monitoring'])!;
    expect(inSection(doc.items, monitoring).map((i) => [i.label, i.checked, i.line, i.column])).toEqual([
      ['Metrics', true, 10, 1],
      ['Alerts', true, 11, 1],
      ['Logging', true, 12, 1],
    ]);
    const labels = doc.items.map((i) => i.label);
    expect(labels).not.toContain('Dashboards');
    const reliability = findSection(doc, ['reliability'])!;
    expect(inSection(doc.items, reliability).map((i) => [i.label, i.rest])).toEqual([
      ['Health Checks', 'probes'],
      ['Graceful Shutdown', 'drains'],
      ['Circuit Breakers', 'breaker'],
      ['Timeouts', 'n/a - every call goes through the mesh, which sets them'],
    ]);
  });

  it('takes no items from raw HTML or inline code', () => {
    const view = parseDocument(
      '<div>\n- [x] **Timeouts**: inside an HTML block\n</div>\n\nText `- [x] **Alerts**` inline.\n',
    );
    expect(view.items).toEqual([]);
  });

  it('records nesting of task items', () => {
    const nested = parseDocument('- [x] outer\n  - [ ] inner\n');
    expect(nested.items.map((i) => [i.text, i.nesting, i.line, i.column])).toEqual([
      ['outer', 0, 1, 1],
      ['inner', 1, 2, 3],
    ]);
  });

  it('reads tables as rows keyed by header', () => {
    const tables = parseDocument(fixture('pull-requests/ops-review-ready.md')).tables;
    expect(tables[0]!.header).toEqual(['Aspect', 'Status', 'Notes']);
    expect(tables[0]!.rows[0]!.cells.get('status')).toBe('✅');
    expect(tables[0]!.rows[0]!.line).toBe(8);
    expect(tables[3]!.rows[1]!.cells.get('mitigation')).toBe('');
  });

  it('reads fields, links and inline-code paths', () => {
    const view = parseDocument(
      '- **Purpose**: Rotate `keys`.\n\n**Risk Level:** High\n\nSee [it](docs/a.md) and `b/c.md`.\n',
    );
    expect(view.fields.map((f) => [f.name, f.value, f.line])).toEqual([
      ['Purpose', 'Rotate keys.', 1],
      ['Risk Level', 'High', 3],
    ]);
    expect(view.references.map((r) => [r.kind, r.target, r.line, r.column])).toEqual([
      ['code', 'keys', 1, 23],
      ['link', 'docs/a.md', 5, 5],
      ['code', 'b/c.md', 5, 25],
    ]);
  });

  it('reads a reference-style link as the link GitHub renders from its definition, and brackets without one as text', () => {
    const text =
      '# Runbook\n\nSee [the procedure][fail], [Fail] and [nothing].\n\n| step | how |\n|---|---|\n| 1 | [fail] |\n\n[fail]: docs/failover.md\n[FAIL]: docs/other.md\n';
    const view = parseDocument(text);
    // The first definition of a label is the one it links, matched without regard to case.
    expect(view.references.map((r) => [r.target, r.line, r.column])).toEqual([
      ['docs/failover.md', 3, 5],
      ['docs/failover.md', 3, 28],
      ['docs/failover.md', 7, 7],
    ]);
    const cmark = spawnSync('cmark-gfm', ['-e', 'table'], { input: text, encoding: 'utf8' });
    if (cmark.status !== 0) {
      console.warn('cmark-gfm is not installed: the reference-link oracle is skipped.');
      return;
    }
    const hrefs = [...cmark.stdout.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(view.references.map((r) => r.target));
  });

  it('reads a field whose value is on the lines after it', () => {
    const view = parseDocument(
      [
        '- **Key events**',
        '  - 10:02 alert fired',
        '  - **10:05**: rolled back',
        '- **Review actions**:',
        '',
        'Add a canary stage.',
        '',
        '**Owner**',
        '',
        'Team Payments',
        '',
        '**Empty**:',
        '**Next**: here',
        '',
        '## Heading',
        '**Last**:',
        '',
        '## Stops here',
        'not its value',
        '',
      ].join('\n'),
    );
    expect(view.fields.map((f) => [f.name, f.value, f.line, f.source])).toEqual([
      ['Key events', '10:02 alert fired\n10:05: rolled back', 1, 'label'],
      ['10:05', 'rolled back', 3, 'label'],
      ['Review actions', 'Add a canary stage.', 4, 'label'],
      ['Owner', 'Team Payments', 8, 'label'],
      ['Empty', '', 12, 'label'],
      ['Next', 'here', 13, 'label'],
      ['Last', '', 16, 'label'],
    ]);
  });

  it('reads two-column tables and front matter as fields; front matter is neither section nor content', () => {
    const text =
      '---\ntitle: Alert X\nowner_slack: "#team"\ntags: [a, b]\nempty:\n---\n## Impact\n\n| Field | Value |\n|---|---|\n| **Severity**: | page |\n';
    const view = parseDocument(text, { frontMatter: true });
    expect(view.fields.map((f) => [f.name, f.value, f.line, f.source])).toEqual([
      ['title', 'Alert X', 2, 'front-matter'],
      ['owner_slack', '#team', 3, 'front-matter'],
      ['tags', 'a, b', 4, 'front-matter'],
      ['empty', '', 5, 'front-matter'],
      ['Severity', 'page', 11, 'table'],
    ]);
    expect(view.sections.map((s) => s.title)).toEqual(['Impact']);
    expect(view.frontMatterError).toBeUndefined();
    // A description or a comment has no front matter: GitHub shows a rule and a heading.
    expect(parseDocument(text).sections.map((s) => s.key)).toEqual(['title', 'impact']);
    expect(parseDocument('---\na: [b\n---\n# T\n', { frontMatter: true }).frontMatterError).toMatchObject({ line: 2 });
    // Bounded like the config: past 64 KiB it is not read, and says so.
    const huge = parseDocument(`---\n${'k: v\n'.repeat(20_000)}---\n# T\n`, { frontMatter: true });
    expect([huge.fields.length, huge.frontMatterError?.message]).toEqual([0, 'over 65536 characters, the most read']);
  });

  it('reads <h1>–<h6> blocks as sections', () => {
    const view = parseDocument(
      '<h2>Impact</h2>\nCustomers see errors.\n\n<h3 id="x">Rollback &amp; <b>restore</b></h3>\n\nSteps.\n',
    );
    expect(view.sections.map((s) => [s.title, s.depth, s.line, s.hasContent])).toEqual([
      ['Impact', 2, 1, true],
      ['Rollback & restore', 3, 4, true],
    ]);
  });

  it('maps offsets to 1-based lines and columns', () => {
    const view = parseDocument('ab\ncd\n\nef');
    expect(positionAt(view, 0)).toMatchObject({ line: 1, column: 1 });
    expect(positionAt(view, 4)).toMatchObject({ line: 2, column: 2 });
    expect(positionAt(view, 7)).toMatchObject({ line: 4, column: 1 });
  });

  it('handles CRLF line endings and an empty document', () => {
    const crlf = parseDocument('## Deployment\r\n- [x] **Zero Downtime**: yes\r\n');
    expect(crlf.items.map((i) => [i.label, i.line])).toEqual([['Zero Downtime', 2]]);
    expect(parseDocument('').sections).toEqual([]);
  });
});
