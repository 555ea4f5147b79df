/**
 * GitHub's limits on what the action writes, in one place. Each limit says
 * its unit: GitHub counts a check run's summary and a comment in characters
 * (UTF-16 code units, JavaScript's `length`), and a job summary in bytes of
 * UTF-8. `fits` measures in the limit's own unit, so every renderer cuts the
 * same way.
 */
export interface Limit {
  max: number;
  unit: 'utf16' | 'bytes';
}

export const LIMITS = {
  /** A check run's `output.summary`. */
  checkRunSummary: { max: 65_535, unit: 'utf16' },
  /** A pull-request comment's body, less room for the hidden marker line. */
  comment: { max: 65_536 - 64, unit: 'utf16' },
  /** A check run's `output.title`. */
  checkRunTitle: { max: 255, unit: 'utf16' },
  /** The job summary: GitHub refuses one over 1 MiB; kept well inside it. */
  jobSummary: { max: 1_000_000, unit: 'bytes' },
} as const satisfies Record<string, Limit>;

/** Annotations GitHub accepts in one check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export function measure(text: string, limit: Limit): number {
  return limit.unit === 'bytes' ? Buffer.byteLength(text) : text.length;
}

export function fits(text: string, limit: Limit): boolean {
  return measure(text, limit) <= limit.max;
}
