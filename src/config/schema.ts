/**
 * The schema of `.github/readiness-gate.yml`. It is the single source for
 * validation, for the resolved types and for the published JSON Schema
 * (`schema/readiness-gate.schema.json`, written by `npm run schema`).
 *
 * zod/mini with only the English messages: the same validation as zod's
 * classic API at a twentieth of the bundle, which the action's start-up time
 * feels on every run.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { LANGUAGES } from '../kinds/code/languages.js';
import { RULE_IDS, RULES } from '../rules/index.js';

/** Rules whose findings can contradict a tick: those on other documents than the description. */
const EVIDENCE_RULE_IDS = RULES.filter((rule) => rule.kind !== 'pull-request').map((rule) => rule.id) as [
  string,
  ...string[],
];

z.config(en());

/** The schema, carrying a description into the JSON Schema. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

const name = () => z.string().check(z.trim(), z.minLength(1));
const names = (description: string) => z.optional(described(z.array(name()), description));

const item = z.union([
  name(),
  z.strictObject({
    label: described(name(), 'The bold label of the checklist item, e.g. "Timeouts".'),
    aliases: names('Other labels accepted for this item.'),
  }),
]);

const policy = described(
  z.union([z.enum(['all', 'any', 'one']), z.strictObject({ 'at-least': z.number().check(z.int(), z.minimum(1)) })]),
  'all: every item present and ticked or waived; any: at least one ticked; one: exactly one ticked (an answer group; boxes nested under an answer do not count); {at-least: N}: at least N ticked.',
);

const text = described(
  z.enum(['required', 'optional']),
  'required: the section must hold written text, not only comments, headings, a placeholder or near-empty text (N/A, -, TBD, To be written). Default: required for a description section without items and for every runbook section; optional for a description section with items.',
);

const section = z.union([
  name(),
  z.strictObject({
    name: described(name(), 'Heading text, matched case-insensitively ignoring emoji and punctuation.'),
    aliases: names('Other headings accepted for this section.'),
    items: z.optional(
      described(
        z.array(item),
        'Checklist items the section must hold. A label may name the sections and items that hold it: "Catalog upgrade > Yes".',
      ),
    ),
    policy: z.optional(policy),
    text: z.optional(text),
  }),
]);

const field = z.union([
  name(),
  z.strictObject({
    name: described(name(), 'The bold label: `**Severity**: value`.'),
    allowed: names('The values accepted (case and a trailing parenthetical ignored).'),
  }),
]);

const review = described(
  z.strictObject({
    field: described(
      name(),
      'The field (front matter or `**Field**:`) holding the date of the last review, e.g. last_reviewed.',
    ),
    'max-age': described(
      z.string().check(z.regex(/^[1-9]\d{0,3}[dwm]$/)),
      'How old the review may be: days, weeks or months, e.g. 180d, 26w, 6m.',
    ),
  }),
  'Runbooks are reviewed every so often: the date of the last review, and how old it may be (`runbook-review-due`).',
);

const builtinTemplate = z.strictObject({
  builtin: described(z.enum(['devops']), "The role document's Runbook Template, with all its runbook rules."),
  paths: names("Globs of its runbooks (default: the preset's)."),
  exclude: names("Globs left out, beside the preset's."),
  sections: z.optional(described(z.array(section), "Sections added to, or replacing, the template's.")),
  review: z.optional(review),
});

const teamTemplate = z.strictObject({
  name: described(name(), 'What the report calls this family.'),
  paths: described(z.array(name()).check(z.minLength(1)), 'Globs of its runbooks.'),
  exclude: names("Globs left out, beside the preset's."),
  sections: z.optional(described(z.array(section), 'Sections each runbook must hold, with items and policies.')),
  fields: z.optional(described(z.array(field), '`**Field**: value` pairs each runbook must fill.')),
  placeholders: names('More placeholder patterns: plain text, or /regex/flags.'),
  review: z.optional(review),
  'sections-per-alert': z.optional(
    described(
      z.boolean(),
      "One file with a section per alert (a mixin's runbook.md): the sections are held in the section each alert's link names (#anchor), not in the file.",
    ),
  ),
});

const oneOrMany = (schema: z.ZodMiniType<string>) => z.union([schema, z.array(schema).check(z.minLength(1))]);
const riskLevel = z.enum(['Low', 'Medium', 'High']);

const when = z
  .strictObject({
    name: described(name(), 'What the report calls this entry.'),
    'changed-files': z.optional(
      described(
        z.union([
          z.array(name()).check(z.minLength(1)),
          z.strictObject({ paths: z.array(name()).check(z.minLength(1)), exclude: names('Globs left out.') }),
        ]),
        'Globs of changed files (added, modified, removed, and both sides of a rename).',
      ),
    ),
    labels: z.optional(described(z.array(name()).check(z.minLength(1)), 'Labels; any of them.')),
    'base-branches': z.optional(described(z.array(name()).check(z.minLength(1)), 'Base branches; any of them.')),
    authors: z.optional(described(z.array(name()).check(z.minLength(1)), "Authors' logins; any of them.")),
    'risk-level': z.optional(
      described(oneOrMany(riskLevel), 'The highest Risk Level among the linked runbooks is one of these.'),
    ),
    ticked: z.optional(
      described(
        z.array(name()).check(z.minLength(1)),
        'Checklist items of the description that are all ticked, e.g. "Catalog upgrade > Yes" (a label may name the sections and items that hold it).',
      ),
    ),
    title: z.optional(described(name(), 'A glob on the pull request\'s title, e.g. "*hotfix*".')),
    require: described(
      z
        .strictObject({
          items: names(
            'Checklist items that must be ticked: a waiver is not accepted here. A label may name the sections and items that hold it: "Catalog upgrade > Yes > Updated docs".',
          ),
          sections: names('Sections the description must have (an Operations Review then passes its rules).'),
          runbook: z.optional(described(z.boolean(), 'A runbook must be linked, not waived as N/A.')),
          changed: names(
            'Files (paths or globs) the pull request must change too, each matching a changed file: "don\'t deviate without updating the runbook" (`docs/runbooks/payments.md`).',
          ),
          approvals: z.optional(
            described(z.number().check(z.int(), z.minimum(1)), 'Distinct approvals on the current head, by reviewers.'),
          ),
          reviewers: names('Logins and org/team slugs whose approvals count.'),
        })
        .check(
          z.refine((r) => (r.approvals === undefined) === (r.reviewers === undefined), {
            message: 'approvals and reviewers go together',
            path: ['approvals'],
          }),
        ),
      'What a matching pull request owes.',
    ),
  })
  .check(
    z.refine(
      (w) =>
        ['changed-files', 'labels', 'base-branches', 'authors', 'risk-level', 'title', 'ticked'].some((k) => k in w),
      { message: 'a when entry needs at least one condition', path: ['name'] },
    ),
  );

const severity = z.enum(['error', 'warning', 'notice', 'off']);

export const configSchema = described(
  z.strictObject({
    $schema: z.optional(z.string()),
    extends: z.optional(
      described(z.enum(['devops', 'none']), 'Start from the built-in devops rules (default) or from nothing.'),
    ),
    strict: z.optional(described(z.boolean(), 'Warnings fail the gate too.')),
    rules: z.optional(
      described(z.partialRecord(z.enum(RULE_IDS), severity), 'Change a rule severity, or turn it off.'),
    ),
    'pull-request': z.optional(
      z.strictObject({
        sections: z.optional(
          described(z.array(section), 'Required sections; one named like a built-in section replaces it.'),
        ),
        placeholders: names(
          'Template text that must not be left in a required section: plain text (matched however the author copies it: a trailing colon, spacing or emphasis aside), or /regex/flags (matched anywhere in the section). `[…]`, `<…>` and `{…}` around words are placeholders already.',
        ),
        template: z.optional(
          described(
            z.union([z.string(), z.literal(false)]),
            "The repository's pull-request template, read at the base commit as the baseline of what the author wrote: its path, or false to read none. Absent: where GitHub looks for it (.github/, the root, docs/, any case, and their PULL_REQUEST_TEMPLATE/ folders).",
          ),
        ),
        runbook: z.optional(
          described(
            z.strictObject({
              section: z.optional(name()),
              aliases: z.optional(z.array(name())),
              required: z.optional(z.boolean()),
              'max-links': z.optional(
                described(
                  z.number().check(z.int(), z.minimum(1), z.maximum(1000)),
                  'The most linked runbooks read (default 20); the gate fails when the description links more.',
                ),
              ),
            }),
            'The section that must link a runbook file or say N/A with a reason.',
          ),
        ),
      }),
    ),
    runbooks: z.optional(
      z
        .strictObject({
          paths: names('Globs of runbook files, from the repository root (without templates).'),
          exclude: names(
            "Globs never checked as runbooks, added to the preset's (README.md, TEMPLATE.md, template.md) unless exclude-replace.",
          ),
          external: names(
            'URL prefixes of runbooks kept elsewhere (a wiki, another repository): a description may link them; they are not checked.',
          ),
          'exclude-replace': z.optional(
            described(z.boolean(), "Use exclude instead of the preset's excludes, not beside them."),
          ),
          sections: z.optional(described(z.array(section), 'Sections every runbook must hold (without templates).')),
          templates: z.optional(
            described(
              z.array(z.union([builtinTemplate, teamTemplate])).check(z.minLength(1)),
              "Runbook families, first match wins: the built-in devops template, or a team's own.",
            ),
          ),
        })
        .check(
          z.refine((v) => !(v.templates && (v.paths || v.sections)), {
            message: 'with templates, give paths and sections in each template, not here',
            path: ['templates'],
          }),
        ),
    ),
    'sign-off': z.optional(
      described(
        z.strictObject({
          reviewers: described(
            z.array(name()).check(z.minLength(1)),
            'GitHub logins and org/team slugs whose approval and sign-off count.',
          ),
          sections: z.optional(
            described(
              z.array(
                z.union([
                  name(),
                  z.strictObject({
                    name: described(name(), 'Heading of a section only a reviewer may satisfy.'),
                    aliases: names('Other headings accepted for this section.'),
                    items: z.optional(
                      described(z.array(item), 'Boxes the section must hold, every one ticked by a reviewer.'),
                    ),
                  }),
                ]),
              ),
              'Sections only a reviewer may satisfy. Default: DevOps Sign-off (its four boxes from the role document) and Recommendation. A name alone keeps the default boxes of a section of that name.',
            ),
          ),
          'allow-stale-approval': z.optional(
            described(z.boolean(), 'Count an approval given on an older commit of the pull request.'),
          ),
        }),
        'Only an authorised reviewer, not the author, can make the gate pass.',
      ),
    ),
    report: z.optional(
      z.strictObject({
        'max-annotations': z.optional(
          described(
            z.number().check(z.int(), z.minimum(0), z.maximum(10_000)),
            'The most findings sent as check-run annotations (default 500); all stay in the summary and the JSON report.',
          ),
        ),
      }),
    ),
    claims: z.optional(
      described(
        z.record(name(), z.array(z.enum(EVIDENCE_RULE_IDS))),
        'Checklist item labels to the rules whose findings on changed files (deployment files, runbooks) contradict a tick, e.g. {"Health Checks": [manifest-readiness-probe]}. A rule of the description itself cannot. Replaces the preset\'s.',
      ),
    ),
    evidence: z.optional(
      described(
        z.strictObject({
          paths: z.optional(
            described(
              z.array(name()).check(z.minLength(1)),
              'Globs of the changed deployment files (manifests, Helm templates, Dockerfiles, workflows) to check. Default: all of them.',
            ),
          ),
          exclude: names('Globs of deployment files not to check (fixtures, examples).'),
          'max-files': z.optional(
            described(
              z.number().check(z.int(), z.minimum(1), z.maximum(1000)),
              'The most changed deployment files read a run (default 300); more fail the gate, naming what was not read.',
            ),
          ),
        }),
        'The deployment files a pull request changes, checked as evidence for its ticks.',
      ),
    ),
    alerts: z.optional(
      described(
        z.strictObject({
          'runbook-annotation': z.optional(
            described(
              oneOrMany(name()),
              "The annotation holding an alert's runbook URL (default runbook_url), or a list of them: the first an alert has is its runbook.",
            ),
          ),
          'runbook-urls': z.optional(
            described(
              z.array(
                z.strictObject({
                  prefix: described(
                    name().check(z.regex(/^https?:\/\/[^/]+\//, 'a URL prefix: https://host/...')),
                    'A URL prefix of runbooks served from this repository, e.g. https://runbooks.example.com/runbooks/.',
                  ),
                  path: described(
                    z
                      .string()
                      .check(z.trim(), z.regex(/^(?![/.])(?!.*\.\.)/, 'a folder of the repository, without ..')),
                    "The folder the rest of the URL is in ('' for the root); .md is added when the URL's last part has no extension.",
                  ),
                }),
              ),
              'URL prefixes whose runbooks are files of this repository, checked at the head commit.',
            ),
          ),
          severities: names('The labels.severity values an alert may have (alert-severity checks only when given).'),
        }),
        'Prometheus alerting rules (rule files, PrometheusRule objects, single-rule fragments): every alert links a runbook of this repository that follows its template.',
      ),
    ),
    code: z.optional(
      described(
        z.strictObject({
          paths: z.optional(
            described(
              z.array(name()).check(z.minLength(1)),
              'Globs of the changed source files to read as code. Default: all of them.',
            ),
          ),
          exclude: names(
            'Globs of source files not to read, beside the built-in ones (tests, vendor/, node_modules/, build output, generated code).',
          ),
          languages: z.optional(
            described(
              z.array(z.enum(LANGUAGES)).check(z.minLength(1)),
              'The languages read (default: go, python, javascript, typescript, java, rust).',
            ),
          ),
          'max-files': z.optional(
            described(
              z.number().check(z.int(), z.minimum(1), z.maximum(1000)),
              'The most changed source files read a run (default 200); more fail the gate, naming what was not read.',
            ),
          ),
        }),
        "Source files a pull request changes, checked for the role document's Red Flags in the code it changes.",
      ),
    ),
    services: z.optional(
      described(
        z.strictObject({
          paths: names(
            'Folder globs whose folders are a service each (services/*, charts/*): a workload no catalog entity covers belongs to the folder that holds it, named by the folder.',
          ),
          files: z.optional(
            described(
              z.array(name()).check(z.minLength(1)),
              'Globs of the repository files read for what services keep (catalog files, SLOs, dashboards, alert rules), beside the changed files. Default: catalog-info files and files named for SLOs, dashboards, alerts and rules.',
            ),
          ),
          exclude: names(
            "Globs of files that are no service's and describe none (examples, samples), beside the built-in ones: tests, test data and fixtures, vendored and installed dependencies.",
          ),
          'match-labels': z.optional(
            described(
              z.array(name()).check(z.minLength(1)),
              "The labels an alert or an SLO names its service by, in its labels or its queries' selectors (default service, app, job, namespace).",
            ),
          ),
          'oncall-annotations': z.optional(
            described(
              z.array(name()).check(z.minLength(1)),
              "The annotations of a service's catalog entity (or workload) that point at its on-call (default PagerDuty's and Opsgenie's).",
            ),
          ),
          'tier-from': z.optional(
            described(
              z
                .string()
                .check(
                  z.trim(),
                  z.regex(
                    /^(spec\.lifecycle|(annotation|label):\S+)$/,
                    'spec.lifecycle, annotation:<key> or label:<key>',
                  ),
                ),
              "Where a service's tier is read: spec.lifecycle (the default), annotation:<key> or label:<key> of its catalog entity or workload.",
            ),
          ),
          tiers: z.optional(
            described(
              z.record(name(), z.array(z.enum(['owner', 'oncall', 'slo', 'alerts', 'dashboard', 'runbook']))),
              'Each tier and the checks it requires, e.g. {production: [owner, oncall, slo, alerts, dashboard, runbook], experimental: [owner]}. Replaces the default tiers.',
            ),
          ),
          'default-tier': z.optional(
            described(
              name(),
              'The tier of a service that names none (default production); a tier `tiers` does not name is judged as this one, and service-tier says so.',
            ),
          ),
          'owner-approval': names(
            "Tiers whose services a pull request changes owe an approving review, on its head, by their owning team (the CODEOWNERS team of their files), as sign-off counts approvals; read by the action (e.g. ['1'], or [production]).",
          ),
          'max-files': z.optional(
            described(
              z.number().check(z.int(), z.minimum(1), z.maximum(2000)),
              'The most files read a run for services (default 300); more fail the gate, naming what was not read.',
            ),
          ),
        }),
        'Services (Backstage catalog Components of type service, and workloads): each new or changed service brings its owner, on-call, SLOs, alerts, dashboard and runbook, as its tier requires.',
      ),
    ),
    when: z.optional(
      described(
        z.array(when),
        'Proportional gates: what a pull request owes more when it changes certain files, has a label, targets a branch, comes from an author, links a risky runbook, has a title or ticks an answer.',
      ),
    ),
    skip: z.optional(
      z.strictObject({
        labels: names('Pull requests with any of these labels pass.'),
        authors: names('Logins whose pull requests pass, bots included.'),
        drafts: z.optional(described(z.boolean(), 'Draft pull requests pass.')),
        'only-changed-files': names(
          'Pull requests that change only files matching these globs pass (never when a runbook or a checked deployment file changes; source code may).',
        ),
      }),
    ),
  }),
  'readiness-gate configuration',
);

export type ConfigFile = z.infer<typeof configSchema>;
