// One definition of "not written", for required sections, fields, prose and waiver reasons.
import { describe, expect, it } from 'vitest';
import { nearEmpty, nearEmptyReason, placeholderPattern } from '../../src/model/near-empty.js';

describe('nearEmpty', () => {
  it.each([
    ['', 'nothing'],
    ['N/A', 'only "N/A"'],
    ['n/a.', 'only "n/a"'],
    ['Not applicable', 'only "Not applicable"'],
    ['-', 'only "-"'],
    ['...', 'only "..."'],
    ['---', 'only "---"'],
    ['<br>', 'only "<br>"'],
    ['&nbsp;', 'only "&nbsp;"'],
    ['<!-- fill me -->', 'only "<!-- fill me -->"'],
    ['\u200b', 'only "\u200b"'],
    ['To be written.', 'only "To be written"'],
    ['to be added', 'only "to be added"'],
    ['Coming soon!', 'only "Coming soon"'],
    ['fill in', 'only "fill in"'],
    ['TBD', 'only "TBD"'],
    ['**TODO**', 'only "TODO"'],
    ['fixme: add steps', '"fixme" first'],
    ['TODO add the command', '"TODO" first'],
    ['{Please write here}', 'only the placeholder "{Please write here}"'],
    ['[Time]', 'only the placeholder "[Time]"'],
    ['<service>', 'only the placeholder "<service>"'],
  ])('%j is near-empty: %s', (text, why) => {
    expect(nearEmptyReason(text)).toBe(why);
  });

  it.each([
    'None',
    'None known.',
    'N/A — dev only',
    'Not applicable: the job has no network calls.',
    'todo list entries are archived nightly',
    'Fill in the form at /admin/rotate, then restart.',
    'TBDs are tracked in JIRA-12',
    '1',
  ])('%j is content', (text) => {
    expect(nearEmpty(text)).toBe(false);
  });

  it("a team's own placeholders: plain text ignoring case, or /regex/flags", () => {
    const own = ['Describe the change here', '/<value of [a-z ]+>/'].map(placeholderPattern);
    expect(nearEmptyReason('describe the change here.', own)).toBe('only the placeholder "describe the change here"');
    expect(nearEmptyReason('<value of instance label>', own)).toBe('only the placeholder "<value of instance label>"');
    expect(nearEmptyReason('Describe the change here: retries back off.', own)).toBeUndefined();
  });
});
