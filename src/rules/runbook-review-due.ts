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
import { defineRule } from './rule.js';

const CONFIG =
  "runbooks:\n  templates:\n    - name: alerts\n      paths: ['docs/**']\n      review: {field: last_reviewed, max-age: 180d}\n";
const DAY_MS = 24 * 60 * 60 * 1000;

export const runbookReviewDue = defineRule({
  id: 'runbook-review-due',
  kind: 'runbook',
  title: 'Every runbook was reviewed within its template’s age',
  description:
    "a runbook's review date (`review.field`, front matter or a field) is a date no older than `review.max-age`",
  defaultSeverity: { devops: 'warning', none: 'warning' },
  examples: [
    {
      name: 'reviewed too long ago, in front matter',
      config: CONFIG,
      today: '2026-11-30',
      text: '---\nlast_reviewed: 2026-03-02\n---\n# KubeletDown\n',
      findings: [
        '2:1 Last reviewed 2026-03-02, 273 days ago: the "alerts" template allows 180. Review the runbook and update last_reviewed.',
      ],
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
      findings: [
        '1:1 The runbook does not say when it was last reviewed: the "alerts" template asks for "last_reviewed" (YYYY-MM-DD), at most 180 days ago. Add it.',
      ],
    },
    {
      name: 'a review dated ahead of today, and a day the calendar does not have',
      config: CONFIG,
      today: '2026-11-30',
      text: '---\nlast_reviewed: 2099-01-01\n---\n# KubeletDown\n',
      findings: ['2:1 "last_reviewed" is 2099-01-01, after today (2026-11-30). Write the day the review took place.'],
    },
    {
      name: 'February the 31st',
      config: CONFIG,
      today: '2026-11-30',
      text: '# KubeletDown\n\n**last_reviewed**: 2026-02-31\n',
      findings: ['3:1 "last_reviewed" is "2026-02-31", not a date. Write the day of the last review as YYYY-MM-DD.'],
    },
    {
      name: 'a date that is no date',
      config: CONFIG,
      today: '2026-11-30',
      text: '# KubeletDown\n\n**last_reviewed**: last spring\n',
      findings: ['3:1 "last_reviewed" is "last spring", not a date. Write the day of the last review as YYYY-MM-DD.'],
    },
  ],
  check({ doc, spec, today }) {
    const { review, name } = spec.template;
    if (!review || !today) return undefined;
    const [field] = fieldsNamed(doc, review.field);
    if (!field) {
      return [
        {
          message: `The runbook does not say when it was last reviewed: the "${name}" template asks for "${review.field}" (YYYY-MM-DD), at most ${review.maxAgeDays} days ago. Add it.`,
          line: 1,
          column: 1,
        },
      ];
    }
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(field.value.trim())?.[1];
    const reviewed = day === undefined ? undefined : parseDay(day);
    const now = parseDay(today);
    if (reviewed === undefined || now === undefined) {
      return [
        at(field, `"${review.field}" is "${field.value}", not a date. Write the day of the last review as YYYY-MM-DD.`),
      ];
    }
    const age = Math.round((now - reviewed) / DAY_MS);
    // A review that has not happened yet is none: a date years ahead would pass for as long.
    if (age < 0) {
      return [at(field, `"${review.field}" is ${day}, after today (${today}). Write the day the review took place.`)];
    }
    if (age <= review.maxAgeDays) return [];
    return [
      at(
        field,
        `Last reviewed ${day}, ${age} days ago: the "${name}" template allows ${review.maxAgeDays}. Review the runbook and update ${review.field}.`,
      ),
    ];
  },
});
