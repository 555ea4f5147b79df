// The README and the pages under docs/ link each other: every relative link names a file of the repository, and
// every #fragment a heading of the page it points at, as GitHub makes its anchors. The README stays the guide a
// newcomer reads in minutes; the reference is in docs/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/markdown/document.js';
import { anchorsOf, findAnchor } from '../src/model/anchors.js';
import { ROOT } from './helpers.js';

const PAGES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('the documentation', () => {
  it('links only files that exist, and headings that exist in them', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      const view = parseDocument(readFileSync(path.join(ROOT, page), 'utf8'));
      for (const ref of view.references) {
        if (ref.kind !== 'link' || /^[a-z]+:/i.test(ref.target)) continue;
        const [file, fragment] = ref.target.split('#') as [string, string | undefined];
        const target = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
        if (!existsSync(path.join(ROOT, target))) {
          broken.push(`${page}:${ref.line} ${ref.target}`);
          continue;
        }
        if (fragment === undefined || !target.endsWith('.md')) continue;
        const anchors = anchorsOf(parseDocument(readFileSync(path.join(ROOT, target), 'utf8')));
        if (!findAnchor(anchors, fragment)) broken.push(`${page}:${ref.line} ${ref.target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps the README to a guide: under 5,000 words, the uses: line in its first screen, both starts and the outputs', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme.split(/\s+/).filter(Boolean).length).toBeLessThan(5000);
    expect(readme.split('\n').slice(0, 12).join('\n')).toContain('uses: readiness-gate/readiness-gate@v1');
    for (const heading of ['## Start in 60 seconds', '### The action', '### The CLI', '## Outputs', '## Development'])
      expect(readme).toContain(`\n${heading}\n`);
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
