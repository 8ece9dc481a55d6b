// The read stage: bytes → text, or a counted skip. Opens without following the file type on
// trust (a FIFO swapped in after the walk must not block), enforces the size cap before reading,
// sniffs binaries from the first 8 KB, and decodes UTF-8 (BOM stripped) and UTF-16 (BOM or
// zero-byte pattern; a UTF-16 BOM in front of UTF-8 text is recognised as the lie it is).

import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { SkipReason } from '../model/types.js';
import { formatSize } from '../util/format.js';
import { DEFAULT_MAX_FILE_SIZE } from '../model/config.js';

const SNIFF_BYTES = 8192;

export type ReadOutcome =
  | {
      kind: 'text';
      text: string;
      bytes: number;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
      invalidUtf8: boolean;
      /**
       * The bytes `text` was decoded from, when they are valid UTF-8: the prefilter walks them.
       * From readFileForScan, a view of a buffer the thread's next read reuses: use it first.
       */
      utf8?: Buffer;
    }
  | { kind: 'skip'; reason: SkipReason; detail: string };

/** Reads and decodes a working-tree file. Never throws: every failure is a skip with a reason. */
export function readFileForScan(absPath: string | Buffer, maxFileSize = DEFAULT_MAX_FILE_SIZE): ReadOutcome {
  const opened = openRegular(absPath, maxFileSize);
  if ('kind' in opened) return opened;
  try {
    return decodeBytes(readRange(opened.fd, 0, opened.size, scratchFor(opened.size)));
  } catch (error) {
    return { kind: 'skip', reason: 'unreadable', detail: errorCode(error) };
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Opens a file without following the file type on trust: no symlink followed, no blocking on a
 * FIFO swapped in after the walk, only a regular file within the size cap. The descriptor is
 * the caller's to close; on a skip it is already closed.
 */
function openRegular(absPath: string | Buffer, maxFileSize: number): { fd: number; size: number } | ReadOutcome {
  let fd: number;
  try {
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return openFailure(error);
  }
  let skip: ReadOutcome;
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size <= maxFileSize) return { fd, size: stat.size };
    skip = !stat.isFile()
      ? { kind: 'skip', reason: 'special-file', detail: describeType(stat) }
      : { kind: 'skip', reason: 'too-large', detail: tooLargeDetail(stat.size, maxFileSize) };
  } catch (error) {
    skip = { kind: 'skip', reason: 'unreadable', detail: errorCode(error) };
  }
  closeSync(fd);
  return skip;
}

/**
 * Files up to this size are read into one buffer per thread, reused from file to file: a fresh
 * buffer per file is a fresh mapping the kernel zeroes page by page (measured on the perf corpus:
 * a quarter of the reading's system time), and external memory that brings V8's GC round sooner.
 */
const SCRATCH_MAX = 4 * 1024 * 1024;
let scratch: Buffer | undefined;

/** The reusable read buffer, grown to hold `size` bytes; undefined past SCRATCH_MAX. */
function scratchFor(size: number): Buffer | undefined {
  if (size > SCRATCH_MAX) return undefined;
  if (!scratch || scratch.length < size)
    scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(size, 2 * (scratch?.length ?? 32768))));
  return scratch;
}

/**
 * Up to `length` bytes from `start` (fewer only if the file is shorter now), into `into` when
 * given (at least `length` long) or a new buffer.
 */
function readRange(fd: number, start: number, length: number, into?: Buffer): Buffer {
  const buffer = into ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let offset = 0;
  while (offset < length) {
    const n = readSync(fd, buffer, offset, length - offset, start + offset);
    if (n === 0) break;
    offset += n;
  }
  return offset === length ? buffer : buffer.subarray(0, offset);
}

/** An open regular file read in ranges: a file too large to hold twice is analyzed in pieces. */
export interface RangeReader {
  readonly size: number;
  /** Up to `length` bytes from `start` (fewer only if the file shrank). */
  read(start: number, length: number): Buffer;
  close(): void;
}

/**
 * Opens a working-tree file for reading in ranges, with the checks of readFileForScan (no
 * symlink followed, no FIFO blocking, the size cap). `undefined` when the file's first bytes are
 * not plain UTF-8 text (a UTF-16 or binary file): the whole-file path decides those.
 */
export function openRanges(
  absPath: string | Buffer,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): RangeReader | ReadOutcome | undefined {
  const opened = openRegular(absPath, maxFileSize);
  if ('kind' in opened) return opened;
  const { fd, size } = opened;
  try {
    const head = readRange(fd, 0, Math.min(size, SNIFF_BYTES));
    if (utf16Bom(head) || sniffUtf16(head) || looksBinary(head)) {
      closeSync(fd);
      return undefined;
    }
  } catch (error) {
    closeSync(fd);
    return { kind: 'skip', reason: 'unreadable', detail: errorCode(error) };
  }
  return { size, read: (start, length) => readRange(fd, start, length), close: () => closeSync(fd) };
}

function openFailure(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { kind: 'skip', reason: 'symlink', detail: 'symbolic link (not followed)' };
  if (code === 'EISDIR') return { kind: 'skip', reason: 'special-file', detail: 'directory' };
  // Deleted after the walk listed it: nothing left to scan, so no gap in the answer either.
  if (code === 'ENOENT') return { kind: 'skip', reason: 'vanished', detail: 'file disappeared during the scan' };
  return { kind: 'skip', reason: 'unreadable', detail: errorCode(error) };
}

function errorCode(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'file disappeared during the scan';
  if (e.code === 'EIO') return 'I/O error';
  return e.code ?? (error instanceof Error ? error.message.split('\n')[0]! : 'unreadable');
}

function describeType(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'named pipe (FIFO)';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isDirectory()) return 'directory';
  return 'not a regular file';
}

/**
 * Why a file was not read: `12.5 MB is over the 10.0 MB limit`, in exact bytes when the rounded
 * sizes would read the same. `context` follows the size (`in commit 1a2b3c4d5e6f`).
 */
export function tooLargeDetail(size: number, max: number, context?: string): string {
  let shown = formatSize(size);
  let limit = formatSize(max);
  if (shown === limit) {
    shown = `${size} B`;
    limit = `${max} B`;
  }
  return `${shown}${context ? ` ${context}` : ''} is over the ${limit} limit`;
}

/** UTF-16 without a BOM: zero bytes consistently at odd (LE) or even (BE) positions. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  // Most files hold no zero byte at all, which a native search says without the loop below.
  if (n < 4 || bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** The control characters looksBinary counts (not tab, newline, form feed, carriage return, escape). */
const CONTROL_CHARS = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]/g;

/**
 * Binary when the first 8 KB hold a NUL byte or are mostly control characters. Both are counted
 * natively (a zero-byte search, a regex over the head read as Latin-1): most files have neither.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  const head = bytes.subarray(0, n);
  if (head.indexOf(0) >= 0) return true;
  const control = Buffer.from(head.buffer, head.byteOffset, n).toString('latin1').match(CONTROL_CHARS)?.length ?? 0;
  return n > 0 && control / n > 0.1;
}

function swapBytes(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length & ~1);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/**
 * Whether decodeBytes would skip these bytes as binary, from the first 8 KB and without decoding
 * anything: no UTF-16 byte order mark or zero-byte pattern, and a NUL or mostly control characters.
 */
export function isBinaryContent(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return false;
  return sniffUtf16(bytes) === undefined && looksBinary(bytes);
}

/** Decodes bytes already in memory (git blobs, staged content, files). */
export function decodeBytes(input: Uint8Array): ReadOutcome {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = utf16Bom(bytes);
  if (bom) {
    const body = bytes.subarray(2);
    // A BOM can lie (an editor or a hostile commit put FF FE before UTF-8 text): decoded as
    // UTF-16 such text turns into CJK noise and hides every token. Real UTF-16 text has zero
    // bytes (every newline and space); text without any that is valid UTF-8 is UTF-8.
    if (!hasZeroByte(body) && isUtf8(body)) return decodeUtf8(bytes, 2);
    const encoding = sniffUtf16(body) ?? bom;
    const text = encoding === 'utf-16le' ? body.toString('utf16le') : swapBytes(body).toString('utf16le');
    return { kind: 'text', text, bytes: bytes.length, encoding, invalidUtf8: false };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 === 'utf-16le')
    return { kind: 'text', text: bytes.toString('utf16le'), bytes: bytes.length, encoding: utf16, invalidUtf8: false };
  if (utf16 === 'utf-16be')
    return {
      kind: 'text',
      text: swapBytes(bytes).toString('utf16le'),
      bytes: bytes.length,
      encoding: utf16,
      invalidUtf8: false,
    };
  if (looksBinary(bytes)) return { kind: 'skip', reason: 'binary', detail: 'binary content' };
  return decodeUtf8(bytes, 0);
}

/** UTF-8 from `from` on, a UTF-8 BOM there stripped. */
function decodeUtf8(bytes: Buffer, from: number): ReadOutcome {
  const start =
    bytes.length >= from + 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf
      ? from + 3
      : from;
  const body = bytes.subarray(start);
  const text = body.toString('utf8');
  const valid = isAscii(body) || isUtf8(body);
  return {
    kind: 'text',
    text,
    bytes: bytes.length,
    encoding: 'utf-8',
    invalidUtf8: !valid && text.includes('\uFFFD') && !hasEncodedReplacementChar(bytes),
    ...(valid ? { utf8: body } : {}),
  };
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function hasZeroByte(bytes: Buffer): boolean {
  return bytes.indexOf(0) >= 0;
}

/** U+FFFD written literally (EF BF BD) is valid UTF-8, not a decoding failure. */
function hasEncodedReplacementChar(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]));
}
