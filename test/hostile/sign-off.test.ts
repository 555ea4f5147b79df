// Sign-off under attack by the pull request's author: each case passed the gate before it was fixed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { parseDocument } from '../../src/markdown/document.js';
import { evaluateSignOff, type SignOffInput } from '../../src/signoff/evaluate.js';
import type { Authority, Revision } from '../../src/model/reviews.js';

const HEAD = 'b'.repeat(40);
const config = loadConfig('sign-off:\n  reviewers: [lead]\n', 'c.yml').signOff!;
const BOXES = [
  'Deployment strategy clear',
  'Rollback plan defined',
  'Monitoring requirements identified',
  'Resource limits set',
];

/** An Operations Review's reviewer part: which sign-off boxes are ticked, and the recommendation boxes. */
function review(ticked: (box: string) => boolean, recommendation: string, extra = ''): string {
  const boxes = BOXES.map((box) => `- [${ticked(box) ? 'x' : ' '}] ${box}`).join('\n');
  return `## Operations Review\n### DevOps Sign-off\n${boxes}\n${extra}### Recommendation\n${recommendation}`;
}
const READY = '- [x] **Production ready**\n- [ ] **Needs operational improvements**\n';
const NEEDS = '- [ ] **Production ready**\n- [x] **Needs operational improvements**\n';
const NONE = '- [ ] **Production ready**\n- [ ] **Needs operational improvements**\n';

function input(body: string, revisions: Revision[], over: Partial<SignOffInput> = {}): SignOffInput {
  return {
    config,
    author: 'mallory',
    headSha: HEAD,
    description: parseDocument(body),
    createdAt: '2026-11-20T10:00:00Z',
    reviews: [{ login: 'lead', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-21T09:00:00Z', body: '' }],
    comments: [],
    revisions,
    historyComplete: true,
    authority: new Map<string, Authority>([['lead', { kind: 'yes', via: 'listed' }]]),
    ...over,
  };
}
const at = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00Z`;
const messages = (i: SignOffInput) => evaluateSignOff(i).findings.map((f) => f.message);

describe('sign-off cannot be completed by the author', () => {
  it('a reviewer’s sign-off, all in order, still passes', () => {
    const signed = review(() => true, READY);
    const result = evaluateSignOff(
      input(signed, [
        { editor: 'mallory', editedAt: at(10), body: review(() => false, NONE) },
        { editor: 'lead', editedAt: at(11), body: signed },
      ]),
    );
    expect(result.findings).toEqual([]);
    expect(result.signedOff?.via).toBe('description');
  });

  it('(a) deleting the box the reviewer left unticked fails', () => {
    const reviewed = review((b) => b !== 'Resource limits set', READY);
    const deleted = reviewed.replace('- [ ] Resource limits set\n', '');
    const found = messages(
      input(deleted, [
        { editor: 'mallory', editedAt: at(10), body: review(() => false, NONE) },
        { editor: 'lead', editedAt: at(11), body: reviewed },
        { editor: 'mallory', editedAt: at(12), body: deleted },
      ]),
    );
    expect(found).toContain(
      'Sign-off: "Resource limits set" is missing from "DevOps Sign-off"; restore "- [ ] Resource limits set" for the reviewer to tick. An authorised reviewer ticks the reviewer\'s sections, or posts an Operations Review in their review.',
    );
    expect(found.some((m) => m.startsWith('"DevOps Sign-off" was last changed by @mallory'))).toBe(true);
  });

  it('(a) turning that box into plain text fails', () => {
    const reviewed = review((b) => b !== 'Resource limits set', READY);
    const plain = reviewed.replace('- [ ] Resource limits set', '- Resource limits set');
    const found = messages(
      input(plain, [
        { editor: 'lead', editedAt: at(11), body: reviewed },
        { editor: 'mallory', editedAt: at(12), body: plain },
      ]),
    );
    expect(found.some((m) => m.includes('"Resource limits set" is missing from "DevOps Sign-off"'))).toBe(true);
  });

  it('(b) a planted "Production ready" box in DevOps Sign-off is not the Recommendation', () => {
    const planted = (ticked: boolean, recommendation: string) =>
      review(() => ticked, recommendation, `- [${ticked ? 'x' : ' '}] **Production ready**\n`);
    const flipped = planted(true, READY);
    const found = messages(
      input(flipped, [
        { editor: 'mallory', editedAt: at(10), body: planted(false, NONE) },
        { editor: 'lead', editedAt: at(11), body: planted(true, NEEDS) },
        { editor: 'mallory', editedAt: at(12), body: flipped },
      ]),
    );
    expect(found).toContain(
      '"Production ready" was ticked by @mallory, who is not an authorised reviewer. Only a reviewer may tick it.',
    );
  });

  it('(c) a reviewer’s comment that quotes the author’s ticked review is not a sign-off', () => {
    const ticked = review(() => true, READY);
    const quoted = `Looks like you ticked everything:\n\n${ticked
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n')}\n`;
    const result = evaluateSignOff(
      input(ticked, [{ editor: 'mallory', editedAt: at(10), body: ticked }], {
        comments: [{ login: 'lead', createdAt: at(13), body: quoted }],
      }),
    );
    expect(result.signedOff).toBeUndefined();
    expect(result.findings.map((f) => f.message)).toContain(
      '"Deployment strategy clear" was ticked by @mallory, who is not an authorised reviewer. Only a reviewer may tick it.',
    );
  });

  it('(d) an edit of an owned section by someone else after the reviewer’s ticks voids them', () => {
    const signed = review(() => true, READY);
    const edited = signed.replace('### Recommendation', '\nRollback is best effort.\n\n### Recommendation');
    const found = messages(
      input(edited, [
        { editor: 'lead', editedAt: at(11), body: signed },
        { editor: 'mallory', editedAt: at(12), body: edited },
      ]),
    );
    expect(found).toEqual([
      '"DevOps Sign-off" was last changed by @mallory, not by an authorised reviewer: a sign-off counts only as a reviewer left it. An authorised reviewer should check the section and tick it again.',
    ]);
  });

  it('a box listed twice in an owned section fails, naming both lines', () => {
    const twice = review(() => true, READY).replace(
      '- [x] Resource limits set',
      '- [x] Resource limits set\n- [ ] Resource limits set',
    );
    const found = messages(input(twice, [{ editor: 'lead', editedAt: at(11), body: twice }]));
    expect(found[0]).toBe(
      'Sign-off: "Resource limits set" appears twice in "DevOps Sign-off" (lines 6 and 7); keep one. An authorised reviewer ticks the reviewer\'s sections, or posts an Operations Review in their review.',
    );
  });

  it('boxes configured for the Recommendation must be there too', () => {
    const withChoices = loadConfig(
      'sign-off:\n  reviewers: [lead]\n  sections:\n    - DevOps Sign-off\n    - {name: Recommendation, items: [Production ready, Not ready for production]}\n',
      'c.yml',
    ).signOff!;
    const signed = review(() => true, READY);
    const found = messages(
      input(signed, [{ editor: 'lead', editedAt: at(11), body: signed }], { config: withChoices }),
    );
    expect(found).toEqual([
      'Sign-off: "Not ready for production" is missing from "Recommendation"; restore "- [ ] Not ready for production" for the reviewer to tick. An authorised reviewer ticks the reviewer\'s sections, or posts an Operations Review in their review.',
    ]);
  });
});
