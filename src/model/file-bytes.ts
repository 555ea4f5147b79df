/** How many bytes of a file are read, and how its bytes become text: the same wherever a file is read from. */

/** The largest document read, from GitHub (its contents API serves up to 1 MB) or the disk: a runbook is not a megabyte. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * The largest deployment file read: generated manifests and CRDs run to
 * megabytes (kubectl applies them whole), so they are read past the contents
 * API's 1 MB, with the raw media type, up to this size.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Why a file over its limit is not read, in the same words wherever it is read from. */
export const overLimit = (bytes: number, max = MAX_FILE_BYTES) => `it is ${bytes} bytes, over the ${max}-byte limit`;

/**
 * A file's bytes as text, as the tools that deploy it read them: UTF-8, or
 * UTF-16 when it starts with a byte order mark (kubectl decodes a manifest
 * saved as UTF-16); a UTF-8 byte order mark is dropped.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian: swapped to little-endian, a trailing odd byte left out.
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/** How many files are read at once, from GitHub or the disk. */
