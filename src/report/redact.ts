/**
 * No credential is echoed: what a report says (findings, waivers, notes,
 * what was not checked) is read for secrets before any format prints it,
 * and each is replaced by `***`. Two readings:
 *
 * - secretlint's recommended preset, a maintained list of credential
 *   patterns (cloud keys, chat webhooks, tokens of GitHub, npm, Slack,
 *   Stripe, private keys, passwords in connection strings, …), loaded only
 *   when some text could hold one;
 * - the places a URL carries a credential whatever it looks like: the
 *   userinfo (`https://user:pass@host`), and the values of query
 *   parameters named as keys, tokens, signatures or passwords
 *   (`?api_key=…`, `&sig=…`).
 *
 * A fix whose text holds a credential is not offered (a review suggestion
 * would echo it); the finding is kept.
 */
import type { MatchedEntry } from '../model/conditions.js';
import type { NotChecked, Report } from '../model/report.js';

const HIDDEN = '***';

/** Query parameters whose value is a credential, by name (case and `-`/`_` aside). */
const SECRET_PARAMS =
  /^(?:api_?key|apikey|key|token|access_?token|refresh_?token|id_?token|auth|authorization|sig|signature|x_?amz_?signature|x_?amz_?credential|x_?amz_?security_?token|x_?goog_?signature|x_?goog_?credential|password|passwd|pwd|pass|secret|client_?secret|private_?token|session|sessionid)$/i;

/** A URL's userinfo: everything between `//` and the `@` before its host. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@?#]+)@/gi;
/** A query parameter in a URL-like text: its name and value. */
const PARAM = /([?&;])([A-Za-z0-9_.-]+)=([^\s&#;"'<>)\]}`]*?)(?=[.,:!?]*(?:[\s&#;"'<>)\]}`]|$))/g;

/** The text with the credentials a URL carries by its shape replaced. */
function redactUrls(text: string): string {
  if (!text.includes('://') && !text.includes('?')) return text;
  return text
    .replace(USERINFO, (_, scheme: string) => `${scheme}${HIDDEN}@`)
    .replace(PARAM, (whole, sep: string, name: string, value: string) =>
      value !== '' && SECRET_PARAMS.test(name.replace(/-/g, '_')) ? `${sep}${name}=${HIDDEN}` : whole,
    );
}

/** Whether a text could hold what secretlint looks for: a URL, a key block, or a long run of letters with digits. */
const MAY_HOLD = /:\/\/|-----BEGIN|(?=[A-Za-z0-9_+/=-]{16,})(?=[A-Za-z_+/=-]*[0-9])[A-Za-z0-9_+/=-]{16,}/;

type Lint = (text: string) => Promise<[number, number][]>;
let lint: Promise<Lint> | undefined;

/** secretlint's recommended rules over one text: the ranges it finds. */
function secretlint(): Promise<Lint> {
  lint ??= (async () => {
    const [{ lintSource }, { creator }] = await Promise.all([
      import('@secretlint/core'),
      import('@secretlint/secretlint-rule-preset-recommend'),
    ]);
    return async (text: string) => {
      const result = await lintSource({
        source: { content: text, filePath: '/report.txt', ext: '.txt', contentType: 'text' },
        options: { config: { rules: [{ id: creator.meta.id, rule: creator }] } },
      });
      return result.messages.map((m) => m.range as [number, number]);
    };
  })();
  return lint;
}

/** Between the texts secretlint reads at once: a blank line, so that no pattern runs from one into the next. */
const SEPARATOR = '\n\n';

/**
 * Every text of a set with its credentials replaced: one pass of secretlint
 * over them all (joined by line breaks), then the URL shapes.
 */
export async function redactAll(texts: readonly string[]): Promise<string[]> {
  const out = [...texts];
  const candidates = texts.map((t, i) => (MAY_HOLD.test(t) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length > 0) {
    const joined = candidates.map((i) => texts[i]!).join(SEPARATOR);
    const ranges = await (await secretlint())(joined);
    if (ranges.length > 0) {
      let offset = 0;
      for (const i of candidates) {
        const text = out[i]!;
        const own = ranges
          .filter(([from, to]) => from < offset + text.length && to > offset)
          .map(([from, to]) => [Math.max(0, from - offset), Math.min(text.length, to - offset)] as const)
          .sort((a, b) => b[0] - a[0]);
        let redacted = text;
        for (const [from, to] of own)
          redacted = `${redacted.slice(0, from)}${hideKeepingHost(redacted.slice(from, to))}${redacted.slice(to)}`;
        out[i] = redacted;
        offset += text.length + SEPARATOR.length;
      }
    }
  }
  return out.map(redactUrls);
}

/**
 * A found credential replaced: in a URL, only the part that carries it (its
 * userinfo or a secret parameter), else all but its scheme and host, so a
 * reader still knows what it pointed at.
 */
function hideKeepingHost(secret: string): string {
  const shaped = redactUrls(secret);
  if (shaped !== secret) return shaped;
  const url = /^([a-z][a-z0-9+.-]*:\/\/[^/\s@]+)(?:\/|$)/i.exec(secret);
  return url ? `${url[1]}/${HIDDEN}` : HIDDEN;
}

/**
 * The report and notes with every credential they would echo replaced; a
 * fix whose text holds one dropped. What the gate decided is unchanged.
 */
export async function redactReport(
  report: Report,
  notes: readonly string[],
): Promise<{ report: Report; notes: string[] }> {
  const texts: string[] = [];
  const take = (text: string) => texts.push(text) - 1;
  const findings = report.findings.map((f) => ({
    message: take(f.message),
    parts: (f.parts ?? []).map((p) => take(p.text)),
    fix: f.fix ? take(f.fix.text) : -1,
    gather: f.gather ? [take(f.gather.name), take(f.gather.lead), take(f.gather.tail)] : undefined,
  }));
  const waivers = report.waivers.map((w) => ({
    label: take(w.label),
    section: take(w.section),
    reason: take(w.reason),
  }));
  const noted = notes.map(take);
  const notChecked = (report.notChecked ?? []).map((n) => take(n.reason));
  const matched = (report.matched ?? []).map((m) => m.reasons.map(take));
  const skipped = report.skipped !== undefined ? take(report.skipped) : -1;
  const clean = await redactAll(texts);
  const changed = (i: number) => clean[i] !== texts[i];
  return {
    report: {
      ...report,
      findings: report.findings.map((f, i) => {
        const { fix, gather, parts, ...rest } = f;
        const taken = findings[i]!;
        const keepFix = fix && !changed(taken.fix);
        // Words and data told apart only where nothing in them was a credential: else the message is echoed whole.
        const keepParts = parts && !changed(taken.message) && !taken.parts.some(changed);
        const [name, lead, tail] = (taken.gather ?? []).map((t) => clean[t]!);
        return {
          ...rest,
          message: clean[taken.message]!,
          ...(keepFix ? { fix } : {}),
          ...(keepParts ? { parts } : {}),
          ...(gather ? { gather: { key: gather.key, name: name!, lead: lead!, tail: tail! } } : {}),
        };
      }),
      waivers: report.waivers.map((w, i) => ({
        ...w,
        label: clean[waivers[i]!.label]!,
        section: clean[waivers[i]!.section]!,
        reason: clean[waivers[i]!.reason]!,
      })),
      ...(report.notChecked
        ? { notChecked: report.notChecked.map((n, i): NotChecked => ({ ...n, reason: clean[notChecked[i]!]! })) }
        : {}),
      ...(report.matched
        ? {
            matched: report.matched.map((m, i): MatchedEntry => ({ ...m, reasons: matched[i]!.map((r) => clean[r]!) })),
          }
        : {}),
      ...(report.skipped !== undefined ? { skipped: clean[skipped]! } : {}),
    },
    notes: noted.map((i) => clean[i]!),
  };
}
