// Counting UTF-16 units (what JavaScript string offsets count) in UTF-8 bytes without decoding
// them: the prefilter walks bytes and reports string offsets, and a large file read in pieces
// counts lines and columns across them.
import { isAscii } from 'node:buffer';

/** UTF-16 units a byte starts: none for a continuation byte, two for a four-byte sequence's lead. */
const UTF16_UNITS = new Uint8Array(256).map((_, b) => ((b & 0xc0) === 0x80 ? 0 : b >= 0xf0 ? 2 : 1));

/** A range at least this long is first checked for being all ASCII (natively, fast); shorter ones
 *  are counted directly, cheaper than making a view for the check (measured on the perf corpus). */
const ASCII_CHECK_MIN = 64;

/** UTF-16 units of valid UTF-8 bytes[from, to). */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  if (to - from >= ASCII_CHECK_MIN && isAscii(bytes.subarray(from, to))) return to - from;
  let units = 0;
  for (let i = from; i < to; i++) units += UTF16_UNITS[bytes[i]!]!;
  return units;
}
