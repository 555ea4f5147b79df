// The whole comment as GitHub shows it: a description that pastes the role document's Operations Review and fills
// nothing in, rendered through cmark-gfm (GitHub's Markdown engine) as the comment, the check run and the job
// summary are. What blocks the merge comes before what is advisory, a thing is said once (the unfilled statuses of
// one table, the unticked boxes of one list), every line is a link into the file's source at that line, and no
// escape shows.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { fixture, runbooks, example } from '../helpers.js';

const hasCmark = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasCmark)
  console.warn('cmark-gfm is not installed (apt-get install cmark-gfm): the comment layout oracle is skipped.');

const BLOB = 'https://github.com/o/r/blob/c0ffee';
const link = (source: string, line?: number) =>
  `${BLOB}/${source}${/\.md$/.test(source) ? '?plain=1' : ''}${line ? `#L${line}` : ''}`;

describe('the comment, rendered', () => {
  it.skipIf(!hasCmark)('an untouched Operations Review: blocking first, said once, linked, no escape shown', () => {
    const report = check({
      description: fixture('pull-requests/ops-review-untouched.md'),
      files: runbooks([
        { path: 'examples/runbooks/deploy-payments.md', text: example('runbooks/deploy-payments.md') },
        { path: 'examples/runbooks/rotate-certs.md', text: example('runbooks/rotate-certs.md') },
      ]),
      config: loadConfig(undefined, 'x.yml'),
    });
    const markdown = formatMarkdown(report, { title: 'Production readiness', link });
    const html = spawnSync('cmark-gfm', ['-e', 'autolink', '-e', 'tagfilter', '-e', 'table'], {
      input: markdown,
      encoding: 'utf8',
    }).stdout;
    // The verdict, then what blocks the merge, then what is advisory.
    const headings = [...html.matchAll(/<h(\d)>(?:<a [^>]*>)?([^<]*)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '2 ❌ Production readiness: failed (27 errors, 9 warnings)',
      '3 Blocking the merge',
      '4 Pull request description',
      '4 examples/runbooks/rotate-certs.md',
      '3 Advisory',
      '4 Pull request description',
      '4 examples/runbooks/rotate-certs.md',
      '3 Waived',
    ]);
    const blocking = html.slice(html.indexOf('Blocking the merge'), html.indexOf('<h3>Advisory'));
    // A file's findings under its name, each line a link into its source at that line.
    expect(blocking).toContain(
      `<h4><a href="${BLOB}/examples/runbooks/rotate-certs.md?plain=1">examples/runbooks/rotate-certs.md</a></h4>`,
    );
    expect(blocking).toMatch(
      new RegExp(`<a href="${BLOB}/examples/runbooks/rotate-certs\\.md\\?plain=1#L\\d+">line \\d+</a>`),
    );
    const description = blocking.slice(0, blocking.indexOf('rotate-certs.md'));
    // The description's 19 errors in 6 lines: the template's statuses of each table once (4 + 4, and the two risk
    // levels), the boxes of each list once (4 + 4), the recommendation.
    expect(description.match(/<li>/g)).toHaveLength(6);
    expect(blocking).toContain(
      "Still the template's status &quot;✅/⚠️/❌&quot; in &quot;Deployment Assessment&quot;: &quot;Zero-downtime&quot; (line 39), &quot;Rollback plan&quot; (line 40)",
    );
    expect(report.findings.filter((f) => f.severity === 'error' && f.source === 'pull-request')).toHaveLength(19);
    // No escape a reader would see: backslashes and backticks are Markdown's, not the text's.
    const shown = html.replace(/<[^>]*>/g, '');
    expect(shown).not.toMatch(/\\[[\]`*_#]/);
    expect(shown).not.toContain('`');
  });
});
