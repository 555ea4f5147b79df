/**
 * `runbook-placeholder`: no placeholder is left in a runbook, at its line:
 * the role document's template texts (`[Command or action]`, `[Time]`, …)
 * and example lines (`Rollback step 1`); text that after its label is only
 * a bracketed placeholder (`- **Metrics**: [What to check]`); `TBD`, `TODO`,
 * `FIXME` and `XXX` as words; `<Insert site specific measures>` (angle
 * brackets around words that are not HTML); `{{ template_variables }}`
 * (not Hugo's `{{< shortcodes >}}`, nor the Go template an alert's annotation
 * or a chart writes, `{{ $labels.job }}`, quoted in the runbook); and the
 * template's own `placeholders`.
 * Text inside code is never a placeholder.
 */
import { positionAt, type DocumentView, type Position, type TextBlock } from '../markdown/document.js';
import { at, type RawFinding } from '../model/finding.js';
import { placeholderPattern } from '../model/near-empty.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const KNOWN =
  /\[(?:command or action|what this does|time|issue and workaround|deployment\/operation name|what to check)\]/gi;
const LABEL = /^[^:[\]]{0,60}:\s*/;
const ONLY_BRACKETS = /^\[[^\]]+\]$/;
const WORDS = /\b(?:TBD|TODO|FIXME|XXX)\b/g;
const TEMPLATE_VARIABLE = /\{\{(?![<%])[^{}\n]{1,200}\}\}/g;
/** A Go template action (Prometheus's annotations, Helm's templates): it names `$variables` or `.fields`. */
const GO_TEMPLATE = /^\{\{-?\s*(?:[^}]*\$|\.[A-Za-z]|(?:humanize\w*|printf|template|range|if|end|with)\b)/;
/** A braced instruction, `{Please write here}`: words from a capital, not `{{…}}` and not code-like `{a: 1}`. */
export const BRACED = /(?<!\{)\{[A-Z][\p{L} ,.'/-]{2,100}\}(?!\})/gu;
/** Angle brackets around words in prose: real HTML never reaches the text, so this is someone's placeholder. */
const ANGLE_TEXT = /<[A-Za-z][^<>\n]{0,200}>/g;
const EXAMPLE_STEP = /^(?:rollback step|step) \d+$/i;
/** HTML elements GitHub renders; any other tag name in a runbook is a placeholder such as `<service-name>`. */
const HTML_TAGS = new Set(
  'a abbr b bdi bdo blockquote br caption cite code dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr center font'.split(
    ' ',
  ),
);

const messages = {
  placeholder: 'Template placeholder "{{placeholder}}" left in. Replace it with the real command or text.',
};
const say = sayer(messages);

export const runbookPlaceholder = defineRule({
  id: 'runbook-placeholder',
  kind: 'runbook',
  title: 'No template placeholder is left',
  description:
    'no placeholder is left: `[Command or action]`, `[Time]`, `TBD`/`TODO`/`FIXME`/`XXX`, `<Insert …>`, `{{variable}}`, `{Please write here}`, `Rollback step 1`, the template’s `placeholders`',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: "an alert's own template text quoted, and a template variable left",
      text: '# Runbook: Node down\n## Overview\nThe alert reads "{{ $labels.instance }} has been down for {{humanize $value}}" and {{$value}}.\n## Deployment Steps\n1. Drain {{ service_name }}.\n',
      findings: [{ at: '5:10', id: 'placeholder', data: { placeholder: '{{ service_name }}' } }],
    },
    {
      name: "a step still reads the template's text",
      text: '## Deployment Steps\n1. [ ] Step 1: [Command or action]\n',
      findings: [{ at: '2:16', id: 'placeholder', data: { placeholder: '[Command or action]' } }],
    },
    {
      name: 'a value that is only a bracketed placeholder',
      text: '## Verification\n- **Dashboards**: [Which dashboard]\n',
      findings: [{ at: '2:19', id: 'placeholder', data: { placeholder: '[Which dashboard]' } }],
    },
    {
      name: 'words, angle brackets, template variables and example lines',
      text: '## Mitigation\n<Insert site specific measures, for example to grow a volume.>\n\nPage {{ oncall_team }}. TODO: add the command. {Please write here}\n\n## Rollback Procedure\n1. Rollback step 1\n',
      findings: [
        {
          at: '2:1',
          id: 'placeholder',
          data: { placeholder: '<Insert site specific measures, for example to grow a volume.>' },
        },
        { at: '4:6', id: 'placeholder', data: { placeholder: '{{ oncall_team }}' } },
        { at: '4:25', id: 'placeholder', data: { placeholder: 'TODO' } },
        { at: '4:48', id: 'placeholder', data: { placeholder: '{Please write here}' } },
        { at: '7:1', id: 'placeholder', data: { placeholder: 'Rollback step 1' } },
      ],
    },
    {
      name: "a team template's own pattern",
      config:
        "runbooks:\n  templates:\n    - name: alerts\n      paths: ['docs/**']\n      placeholders: ['/<value of [a-z ]+>/']\n",
      text: '## Diagnosis\nCheck <value of instance label>.\n',
      findings: [{ at: '2:7', id: 'placeholder', data: { placeholder: '<value of instance label>' } }],
    },
    {
      name: 'notation GitHub shows as written: escaped or entity angle brackets',
      text: '## Diagnosis\nRun `kubectl logs` for \\<app\\> and open &lt;file&gt;.\n',
      findings: [],
    },
    {
      name: 'real commands; brackets, braces and TODO inside code; HTML; Hugo shortcodes',
      text: '## Deployment Steps\n1. [x] Step 1: `kubectl rollout restart deploy/[name]`\n\n```sh\n# TODO: {{ not a placeholder }}\n```\n\n<details><summary>More</summary>\n\nSee {{< ref "other.md" >}}.\n\n</details>\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const out: RawFinding[] = [];
    const own = spec.template.placeholders.map(placeholderPattern);
    const flag = (text: string, block: TextBlock | undefined, where: Position) =>
      out.push(at(block ? locate(doc, text, block) : where, message(text)));
    for (const block of doc.texts) {
      const text = block.prose.trim();
      const found = new Set<string>();
      for (const pattern of [KNOWN, WORDS, TEMPLATE_VARIABLE, BRACED, ANGLE_TEXT, ...own]) {
        for (const match of text.matchAll(pattern)) {
          if (match[0] === '' || found.has(match[0])) continue;
          // `\<app\>` and `&lt;file&gt;` show on GitHub as written: the author's notation, not a placeholder left.
          if (pattern === ANGLE_TEXT && !blockSource(doc, block).includes(match[0])) continue;
          // `<https: example.com …>`: a link, broken or not, is not a placeholder.
          if (pattern === ANGLE_TEXT && /^<(?:https?|mailto|ftp):/i.test(match[0])) continue;
          // `{{ $labels.job }}`, `{{$value}}`, `{{ .Values.x }}`: an alert's or a chart's own Go template, quoted.
          if (pattern === TEMPLATE_VARIABLE && GO_TEMPLATE.test(match[0])) continue;
          found.add(match[0]);
          flag(match[0], block, block);
        }
      }
      if (found.size > 0) continue;
      const rest = text.replace(LABEL, '');
      if (ONLY_BRACKETS.test(rest)) flag(rest, block, block);
    }
    for (const step of doc.steps) {
      const text = step.text.replace(/\s+/g, ' ').trim();
      if (EXAMPLE_STEP.test(text)) flag(text, undefined, step);
    }
    for (const html of doc.html) {
      const tag = /^<([A-Za-z][\w-]*)[\s/>]/.exec(html.value);
      if (tag && !HTML_TAGS.has(tag[1]!.toLowerCase())) flag(html.value.trim(), undefined, html);
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});

/** The block's own stretch of source: a scan to the end for every block would be quadratic. */
function blockSource(doc: DocumentView, block: TextBlock): string {
  return doc.source.slice(block.offset, block.offset + block.text.length * 2 + 16);
}

/** Where `text` stands in the source, searched within the block; the block itself when escapes hide it. */
function locate(doc: DocumentView, text: string, block: TextBlock): Position {
  const found = blockSource(doc, block).indexOf(text);
  return found >= 0 ? positionAt(doc, block.offset + found) : block;
}

function message(placeholder: string): string {
  return say('placeholder', { placeholder });
}
