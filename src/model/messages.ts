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

/** A message with its data in place; a placeholder the data does not fill stays as written. */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** What a check writes its messages with: `say('noProbe', { container: 'api' })`. */
export type Say<M extends string> = (id: M, data?: MessageData) => string;

/** The `say` of a set of messages. */
export function sayer<M extends string>(messages: Messages<M>): Say<M> {
  return (id, data) => formatMessage(messages[id], data);
}
