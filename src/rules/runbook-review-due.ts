/**
 * `runbook-review-due`: a runbook whose template asks for reviews (`review:
 * {field: last_reviewed, max-age: 180d}`) says when it was last reviewed,
 * as a date, no longer ago than the template allows: the role document's
 * "Update runbook with learnings", kept up on a calendar. "Today" is the
 * run's date (the CLI's `--today` fixes it).
 */
import { fieldsNamed } from '../model/runbook-template.js';
import { parseDay } from '../model/day.js';
import { at } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CONFIG =
  "runbooks:\n  templates:\n    - name: alerts\n      paths: ['docs/**']\n      review: {field: last_reviewed, max-age: 180d}\n";
const DAY_MS = 24 * 60 * 60 * 1000;

const messages = {
  missing:
    'The runbook does not say when it was last reviewed: the "{{name}}" template asks for "{{field}}" (YYYY-MM-DD), at most {{maxAge}} days ago. Add it.',
  notDate: '"{{field}}" is "{{value}}", not a date. Write the day of the last review as YYYY-MM-DD.',
  future: '"{{field}}" is {{day}}, after today ({{today}}). Write the day the review took place.',
  stale:
    'Last reviewed {{day}}, {{age}} days ago: the "{{name}}" template allows {{maxAge}}. Review the runbook and update {{field}}.',
  twice:
    '"{{field}}" is given twice (lines {{first}} and {{second}}): the gate reads the first, and a reader may take the other. Keep one.',
};
const say = sayer(messages);

export const runbookReviewDue = defineRule({
  id: 'runbook-review-due',
  kind: 'runbook',
  title: 'Every runbook was reviewed within its template’s age',
  description:
    "a runbook's review date (`review.field`, front matter or a field) is a date no older than `review.max-age`",
  defaultSeverity: { devops: 'warning', none: 'warning' },
  messages,
  examples: [
    {
      name: 'reviewed too long ago, in front matter',
      config: CONFIG,
      today: '2026-11-30',
      text: '---\nlast_reviewed: 2026-03-02\n---\n# KubeletDown\n',
      findings: [
        {
          at: '2:1',
          id: 'stale',
          data: { day: '2026-03-02', age: '273', name: 'alerts', maxAge: '180', field: 'last_reviewed' },
        },
      ],
    },
    {
      name: 'the review date given twice, a stale one after a fresh one',
      config: CONFIG,
      today: '2026-11-30',
      text: '# Runbook\n**last_reviewed**: 2026-11-01\n\n## Notes\n**last_reviewed**: 2024-01-10\n',
      findings: [{ at: '5:1', id: 'twice', data: { field: 'last_reviewed', first: '2', second: '5' } }],
    },
    {
      name: 'reviewed within the age, as a field',
      config: CONFIG,
      today: '2026-11-30',
      text: '# KubeletDown\n\n**last_reviewed**: 2026-10-01\n',
      findings: [],
    },
    {
      name: 'no review date, or not a date',
      config: CONFIG,
      today: '2026-11-30',
      text: '---\nowner: sre\n---\n# KubeletDown\n',
      findings: [{ at: '1:1', id: 'missing', data: { name: 'alerts', field: 'last_reviewed', maxAge: '180' } }],
    },
    {
      name: 'a review dated ahead of today, and a day the calendar does not have',
      config: CONFIG,
      today: '2026-11-30',
      text: '---\nlast_reviewed: 2099-01-01\n---\n# KubeletDown\n',
      findings: [{ at: '2:1', id: 'future', data: { field: 'last_reviewed', day: '2099-01-01', today: '2026-11-30' } }],
    },
    {
      name: 'February the 31st',
      config: CONFIG,
      today: '2026-11-30',
      text: '# KubeletDown\n\n**last_reviewed**: 2026-02-31\n',
      findings: [{ at: '3:1', id: 'notDate', data: { field: 'last_reviewed', value: '2026-02-31' } }],
    },
    {
      name: 'a date that is no date',
      config: CONFIG,
      today: '2026-11-30',
      text: '# KubeletDown\n\n**last_reviewed**: last spring\n',
      findings: [{ at: '3:1', id: 'notDate', data: { field: 'last_reviewed', value: 'last spring' } }],
    },
  ],
  check({ doc, spec, today }) {
    const { review, name } = spec.template;
    if (!review || !today) return undefined;
    const [field, again] = fieldsNamed(doc, review.field);
    // A fresh date beside a stale one would pass on whichever the gate reads: two are one too many.
    if (field && again) {
      return [at(again, say('twice', { field: review.field, first: field.line, second: again.line }))];
    }
    if (!field) {
      return [
        {
          message: say('missing', { name, field: review.field, maxAge: review.maxAgeDays }),
          line: 1,
          column: 1,
        },
      ];
    }
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(field.value.trim())?.[1];
    const reviewed = day === undefined ? undefined : parseDay(day);
    const now = parseDay(today);
    if (day === undefined || reviewed === undefined || now === undefined) {
      return [at(field, say('notDate', { field: review.field, value: field.value }))];
    }
    const age = Math.round((now - reviewed) / DAY_MS);
    // A review that has not happened yet is none: a date years ahead would pass for as long.
    if (age < 0) {
      return [at(field, say('future', { field: review.field, day, today }))];
    }
    if (age <= review.maxAgeDays) return [];
    return [at(field, say('stale', { day, age, name, maxAge: review.maxAgeDays, field: review.field }))];
  },
});
