/**
 * The schema of `.github/readiness-gate.yml`. It is the single source for
 * validation, for the resolved types and for the published JSON Schema
 * (`schema/readiness-gate.schema.json`, written by `npm run schema`).
 */
import { z } from 'zod';
import { RULE_IDS } from '../rules/ids.js';

const name = z.string().trim().min(1);

const item = z.union([
  name,
  z.strictObject({
    label: name.describe('The bold label of the checklist item, e.g. "Timeouts".'),
    aliases: z.array(name).optional().describe('Other labels accepted for this item.'),
  }),
]);

const policy = z
  .union([z.enum(['all', 'any']), z.strictObject({ 'at-least': z.number().int().min(1) })])
  .describe(
    'all: every item present and ticked or waived; any: at least one ticked; {at-least: N}: at least N ticked.',
  );

const section = z.union([
  name,
  z.strictObject({
    name: name.describe('Heading text, matched case-insensitively ignoring emoji and punctuation.'),
    aliases: z.array(name).optional().describe('Other headings accepted for this section.'),
    items: z.array(item).optional().describe('Checklist items the section must hold.'),
    policy: policy.optional(),
  }),
]);

const severity = z.enum(['error', 'warning', 'notice', 'off']);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z
      .enum(['devops', 'none'])
      .optional()
      .describe('Start from the built-in devops rules (default) or from nothing.'),
    strict: z.boolean().optional().describe('Warnings fail the gate too.'),
    rules: z.partialRecord(z.enum(RULE_IDS), severity).optional().describe('Change a rule severity, or turn it off.'),
    'pull-request': z
      .strictObject({
        sections: z
          .array(section)
          .optional()
          .describe('Required sections; one named like a built-in section replaces it.'),
        runbook: z
          .strictObject({
            section: name.optional(),
            aliases: z.array(name).optional(),
            required: z.boolean().optional(),
          })
          .optional()
          .describe('The section that must link a runbook file or say N/A with a reason.'),
      })
      .optional(),
    runbooks: z
      .strictObject({
        paths: z.array(name).optional().describe('Globs of runbook files, from the repository root.'),
        exclude: z.array(name).optional().describe('Globs never checked as runbooks.'),
        sections: z.array(section).optional().describe('Sections every runbook must hold.'),
      })
      .optional(),
    skip: z
      .strictObject({
        labels: z.array(name).optional().describe('Pull requests with any of these labels pass.'),
        authors: z.array(name).optional().describe('Logins whose pull requests pass, bots included.'),
        drafts: z.boolean().optional().describe('Draft pull requests pass.'),
      })
      .optional(),
  })
  .describe('readiness-gate configuration');

export type ConfigFile = z.infer<typeof configSchema>;
