// What a description's text links, read without a parser to fetch the runbooks early: a guess the parse must agree with.
import { describe, expect, it } from 'vitest';
import { linkedAhead } from '../../src/model/link-targets.js';
import { readRunbookLinks } from '../../src/model/runbook-links.js';
import { parseDocument } from '../../src/markdown/document.js';
import { preset } from '../../src/presets/devops.js';

const repository = { host: 'github.com', owner: 'octo-org', repo: 'octo-repo' };

describe('linkedAhead', () => {
  it('takes what the Runbook section links first, then the rest, each once, at most max', () => {
    const text = [
      'See [the design](docs/design.md) and `docs/notes.md`.',
      '',
      '## 2. Runbooks',
      '',
      '- [deploy](docs/runbooks/deploy.md)',
      '- https://github.com/octo-org/octo-repo/blob/main/docs/runbooks/rollback.md#steps',
      '- [deploy again](docs/runbooks/deploy.md)',
      '',
      '[ref]: ./docs/runbooks/ref.md "title"',
      '## Other',
      '[elsewhere](https://github.com/other/repo/blob/main/x.md) [site](https://example.com/a.md) <docs/angle.md>',
    ].join('\n');
    expect(linkedAhead(text, repository, 10)).toEqual([
      'docs/runbooks/deploy.md',
      'docs/runbooks/rollback.md',
      'docs/runbooks/ref.md',
      'docs/design.md',
      'docs/notes.md',
    ]);
    expect(linkedAhead(text, repository, 2)).toEqual(['docs/runbooks/deploy.md', 'docs/runbooks/rollback.md']);
  });

  it('finds every runbook the parsed Runbook section links, on the repository examples', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../examples/pull-request.md', import.meta.url), 'utf8');
    const spec = { ...preset('devops').pullRequest!.runbook!, repository };
    const parsed = readRunbookLinks(parseDocument(text), spec).links.map((l) => l.path);
    expect(parsed.length).toBeGreaterThan(0);
    expect(linkedAhead(text, repository, 5).slice(0, parsed.length)).toEqual(parsed);
  });

  it('reads no path out of the repository, and no link to another host', () => {
    expect(
      linkedAhead('[up](../../etc/passwd.md) [x](https://evil.example/a.md) [y](mailto:a@b.md)', repository, 5),
    ).toEqual([]);
  });
});
