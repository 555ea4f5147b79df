/**
 * Messages by id, as eslint's `meta.messages`: a rule (or a reader the rules
 * share) declares what it says once, as templates whose `{{name}}`
 * placeholders take a finding's data, and writes each message with `say`.
 * Its examples name the id and the data, so the wording lives in one place.
 */

/** Templates by id. Only `{{word}}` is a placeholder: a Helm `{{ .Values.x }}` in a template stays as it is. */
export type Messages<M extends string = string> = Readonly<Record<M, string>>;

/** Data for a message's placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * A stretch of a message: the rule's own words (Markdown the project wrote:
 * code spans in backticks) or, `data`, a value put in its place, which may
 * be the pull request's text and is echoed only neutralised.
 */
export interface MessagePart {
  text: string;
  data?: true;
}

/** The parts of the messages written lately, by message: a report built from them tells its words from its data. */
const recent = new Map<string, MessagePart[]>();
const RECENT = 4096;

/** A message with its data in place; a placeholder the data does not fill stays as written. */
export function formatMessage(template: string, data: MessageData = {}): string {
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (!Object.hasOwn(data, match[1]!)) continue;
    if (match.index > at) parts.push({ text: template.slice(at, match.index) });
    const value = String(data[match[1]!]);
    if (value !== '') parts.push({ text: value, data: true });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  const message = parts.map((p) => p.text).join('');
  // Bounded: the oldest go first. A message not found is echoed neutralised whole, as any text is.
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(message, parts);
  return message;
}

/** The parts of a message `formatMessage` wrote, when it wrote this very text lately. */
export function partsOf(message: string): MessagePart[] | undefined {
  return recent.get(message);
}

/** What a check writes its messages with: `say('noProbe', { container: 'api' })`. */
export type Say<M extends string> = (id: M, data?: MessageData) => string;

/** The `say` of a set of messages. */
export function sayer<M extends string>(messages: Messages<M>): Say<M> {
  return (id, data) => formatMessage(messages[id], data);
}
