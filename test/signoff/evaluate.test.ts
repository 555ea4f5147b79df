import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { parseDocument } from '../../src/markdown/document.js';
import { defaultSignOffSections } from '../../src/presets/devops.js';
import { evaluateSignOff, loginsToCheck, ownedText, type SignOffInput } from '../../src/signoff/evaluate.js';
import type { Authority, ReviewRecord, Revision } from '../../src/model/reviews.js';

const HEAD = 'a'.repeat(40);
const config = loadConfig('sign-off:\n  reviewers: [lead]\n', 'c.yml').signOff!;
const OWNED =
  '## Operations Review\n### DevOps Sign-off\n- [x] Deployment strategy clear\n- [x] Rollback plan defined\n- [x] Monitoring requirements identified\n- [x] Resource limits set\n### Recommendation\n- [x] **Production ready**\n- [ ] **Not ready for production**\n';
const OPEN = OWNED.replace(/- \[x\]/g, '- [ ]');

function input(over: Partial<SignOffInput> & { body?: string } = {}): SignOffInput {
  const authority = new Map<string, Authority>([
    ['lead', { kind: 'yes', via: 'listed' }],
    ['bob', { kind: 'no' }],
  ]);
  return {
    config,
    author: 'octocat',
    headSha: HEAD,
    description: parseDocument(over.body ?? OPEN),
    createdAt: '2026-11-20T10:00:00Z',
    reviews: [],
    comments: [],
    revisions: [],
    historyComplete: true,
    authority,
    ...over,
  };
}

const approve = (login: string, state = 'APPROVED', body = OWNED, at = '2026-11-21T10:00:00Z'): ReviewRecord => ({
  login,
  state,
  commitId: HEAD,
  submittedAt: at,
  body,
});

describe('evaluateSignOff', () => {
  it('signs off on an approval whose body holds the owned sections', () => {
    const result = evaluateSignOff(input({ reviews: [approve('lead')] }));
    expect(result.findings).toEqual([]);
    expect(result.signedOff).toEqual({ login: 'lead', at: '2026-11-21T10:00:00Z', commit: HEAD, via: 'review' });
  });

  it('lets a later "changes requested" supersede an approval', () => {
    const result = evaluateSignOff(
      input({ reviews: [approve('lead'), approve('lead', 'CHANGES_REQUESTED', '', '2026-11-22T10:00:00Z')] }),
    );
    expect(result.signedOff).toBeUndefined();
    expect(result.findings[0]!.message).toMatch(/^No approving review by an authorised reviewer/);
  });

  it('ignores an Operations Review posted by someone who is not a reviewer', () => {
    const result = evaluateSignOff(
      input({
        reviews: [approve('lead', 'APPROVED', '')],
        comments: [{ login: 'bob', createdAt: '2026-11-21T11:00:00Z', body: OWNED }],
      }),
    );
    expect(result.signedOff).toBeUndefined();
    expect(result.findings.map((f) => f.message)).toContain(
      'Sign-off: "Deployment strategy clear" in "DevOps Sign-off" is not ticked. An authorised reviewer ticks the reviewer\'s sections, or posts an Operations Review in their review.',
    );
  });

  it('attributes a box to whoever ticked it last, across untick and re-tick', () => {
    const revisions: Revision[] = [
      { editor: 'octocat', editedAt: '2026-11-20T10:00:00Z', body: OPEN },
      { editor: 'lead', editedAt: '2026-11-20T11:00:00Z', body: OWNED },
      { editor: 'octocat', editedAt: '2026-11-20T12:00:00Z', body: OPEN },
      { editor: 'octocat', editedAt: '2026-11-20T13:00:00Z', body: OWNED },
    ];
    const result = evaluateSignOff(input({ body: OWNED, revisions, reviews: [approve('lead', 'APPROVED', '')] }));
    expect(result.findings.map((f) => `${f.line} ${f.message}`)).toEqual([
      '3 "Deployment strategy clear" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
      '4 "Rollback plan defined" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
      '5 "Monitoring requirements identified" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
      '6 "Resource limits set" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
      '8 "Production ready" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
    ]);
  });

  it('fails closed when the history does not reach the tick', () => {
    const revisions: Revision[] = [{ editor: 'lead', editedAt: '2026-11-20T11:00:00Z', body: OWNED }];
    const result = evaluateSignOff(
      input({ body: OWNED, revisions, historyComplete: false, reviews: [approve('lead', 'APPROVED', '')] }),
    );
    expect(result.signedOff).toBeUndefined();
    expect(result.findings[0]!.message).toMatch(/^Cannot tell who ticked "Deployment strategy clear"/);
  });

  it('names the logins whose authority it needs, most telling first, not the author nor a drive-by commenter', () => {
    expect(
      loginsToCheck(
        {
          author: 'octocat',
          reviews: [approve('lead'), approve('octocat')],
          comments: [
            { login: 'bob', createdAt: '2026-11-20T12:00:00Z', body: '### DevOps Sign-off\n- [x] ok' },
            { login: 'drive-by', createdAt: '2026-11-20T13:00:00Z', body: 'LGTM' },
            {
              login: 'dave',
              createdAt: '2026-11-20T14:00:00Z',
              body: '## 🔧 devops sign‑off',
              edited: { editor: 'erin', at: '2026-11-20T15:00:00Z' },
            },
          ],
          revisions: [{ editor: 'carol', editedAt: '', body: '' }],
        },
        config.sections,
      ),
    ).toEqual(['lead', 'dave', 'erin', 'bob', 'carol']);
  });
});

describe('sign-off config', () => {
  it('defaults the reviewer-owned sections and refuses an empty reviewer list', () => {
    expect(config).toEqual({
      reviewers: ['lead'],
      sections: defaultSignOffSections(),
      allowStaleApproval: false,
    });
    expect(config.sections.map((s) => [s.name, s.items.length])).toEqual([
      ['DevOps Sign-off', 4],
      ['Recommendation', 0],
    ]);
    expect(() => loadConfig('sign-off:\n  reviewers: []\n', 'c.yml')).toThrow(/c\.yml:2:14: `sign-off\.reviewers`/);
  });

  it('takes the owned sections away from the description rules, leaving them to sign-off', () => {
    const body = OPEN.replace('- [ ] **Not ready', '- [x] **Not ready');
    const rules = (yaml: string) =>
      check({ description: body, files: [], config: loadConfig(yaml, 'c.yml') })
        .findings.map((f) => f.ruleId)
        .filter((id) => id.startsWith('ops-'));
    expect(rules('')).toEqual([...Array(5).fill('ops-checklist'), 'ops-recommendation']);
    expect(rules('sign-off:\n  reviewers: [lead]\n')).toEqual(['ops-checklist']);
  });
});

describe('ownedText', () => {
  const keys = new Set(['devops sign off', 'recommendation']);
  it('keeps the owned sections, down to the next heading of their level', () => {
    const body =
      '# PR\n## Summary\ntext\n### DevOps Sign-off\n- [x] a\n#### detail\n- [x] b\n### Recommendation\n- [x] ready\n## Other\nx\n';
    expect(ownedText(body, keys)).toBe(
      '\n### DevOps Sign-off\n- [x] a\n#### detail\n- [x] b\n\n### Recommendation\n- [x] ready',
    );
  });

  it('sees no heading inside a code fence or an HTML comment, as GitHub shows none', () => {
    const hidden =
      '```\n### DevOps Sign-off\n- [x] a\n```\n<!--\n### Recommendation\n- [x] ready\n-->\n<!-- ### DevOps Sign-off -->\n';
    expect(ownedText(hidden, keys)).toBe('');
    expect(ownedText(`${hidden}### Recommendation\n- [ ] ready\n`, keys)).toBe('\n### Recommendation\n- [ ] ready\n');
  });

  it('sees no heading inside an HTML block, as cmark-gfm renders none: up to a blank line, or to </pre>', () => {
    // cmark-gfm renders the first two as raw HTML, the third as a heading (the blank line ends the block).
    const body =
      '<details>\n### DevOps Sign-off\n- [x] a\n</details>\n\n<pre>\n### DevOps Sign-off\n\n- [x] a\n</pre>\n<details>\n\n### Recommendation\n- [x] b\n';
    expect(ownedText(body, keys)).toBe('\n### Recommendation\n- [x] b\n');
  });
});
