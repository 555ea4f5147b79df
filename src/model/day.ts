/** A calendar day written YYYY-MM-DD, as milliseconds at its UTC midnight; undefined for no such day (2026-02-31). */
export function parseDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 2026-02-31 over to March 3: a day is one only when it reads back the same.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}
