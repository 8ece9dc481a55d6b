// Encoded layers: secrets written base64-encoded (Kubernetes Secret `data:`, `Authorization:
// Basic`, Docker `auth`, base64-wrapped env files and JSON), percent-encoded, inside JSON strings
// (`\n`, `\"`, `\u0041`, `\/`) or as HTML entities. Candidate runs are decoded and the decoded text
// is scanned again with the same detectors, to depth 2. A decoded finding keeps the outer location
// (offsets inside the encoded run) and records its encoding chain; provider and scope come from
// the decoded value, since the detectors judge it like any other text.
//
// Cost: nothing here walks the whole file. Candidates come from the prefilter's keyword hits (a
// detector keyword with an escape character nearby, or one of LAYER_TRIGGERS below, which the
// prefilter automaton finds in the same pass), and every file has a decode budget, so a 10 MB
// base64 blob or a source map full of escapes costs a bounded, small multiple of its size.

import type { Hits } from './prefilter.js';
import type { DetectorSet } from './compile.js';
import type { RawMatch } from './engine.js';
import type { LayerEncoding } from '../model/match.js';
import { isPasswordKey, isSecretKey } from './generic-value.js';
import { EMBEDDED_FILE_NAMES, embeddedFileAt } from './embedded-files.js';

export type { LayerEncoding };

/** Decoded layers inside decoded layers, at most this deep (base64 → JSON escapes is depth 2). */
export const MAX_LAYER_DEPTH = 2;

/** Decoded characters per file (all layers together), at least. */
const BUDGET_FLOOR = 256 * 1024;
/** Above the floor, the budget grows with the file: one decoded character per 8 of text. */
const BUDGET_RATIO = 8;
/** A base64 run longer than this is decoded only up to this many characters. */
const MAX_RUN = 1024 * 1024;
/** Decoded findings per file, at most. */
const MAX_DECODED_MATCHES = 200;
/** Shortest base64 run worth decoding (a short token is 12+ characters, 16 in base64). */
const MIN_BASE64_RUN = 16;
/** ...and of a value its container declares base64 (a Kubernetes Secret's data). */
const MIN_DECLARED_RUN = 8;
/**
 * Escape windows: an escape this close to a keyword hit (`\"password\":\"…`, `token = \"…`) makes
 * the text around it worth decoding.
 */
const NEAR_BEFORE = 32;
const NEAR_AFTER = 96;
/** Escape windows: how much text around a hit is decoded (secrets follow their key name). */
const WINDOW_BEFORE = 160;
const WINDOW_AFTER = 640;

/**
 * Keywords the prefilter looks for on the layers' behalf (lower case). They mark a place where
 * a base64 value, or a keyword hidden by an escape, is likely: the detectors' own keywords
 * cannot see through an encoding.
 */
export const LAYER_TRIGGERS = {
  'kind: secret': 'k8s-secret',
  '"kind": "secret"': 'k8s-secret',
  '"kind":"secret"': 'k8s-secret',
  'basic ': 'base64-after',
  // A MIME part's body (an e-mail, an .eml or mbox file) after its encoding header.
  'content-transfer-encoding: base64': 'base64-after',
  '"auth"': 'base64-after',
  // fastlane match's MATCH_GIT_BASIC_AUTHORIZATION and similar: base64 of `user:token`.
  basic_authorization: 'base64-after',
  base64: 'base64-near',
  b64: 'base64-near',
  // Base64 of `{"` and of `{\n  "`: a JSON document (a service-account key, a config) wrapped in base64.
  eyj: 'base64-json',
  ewog: 'base64-json',
  // Base64 of `-----BEGIN `: a PEM block wrapped in base64 (a TLS key in a Secret or a CI variable).
  ls0tls1crudjt: 'base64-json',
  // Base64 of `#!/` and of `#cloud-config`: a script or cloud-init document wrapped in base64, as
  // Terraform `user_data`/`custom_data`, launch templates and VM scale sets take it.
  iyev: 'base64-json',
  i2nsb3vklwnvbmzpz: 'base64-json',
  // `://` with its slashes escaped, or percent-encoded: a URL whose credentials the keyword misses.
  ':\\/\\/': 'escape',
  '%3a%2f%2f': 'escape',
  '&#58;//': 'escape',
  '&#x3a;//': 'escape',
  // A hex literal passed to a decoder (`bytes.fromhex("…")`, `binascii.unhexlify`, Go's
  // `hex.DecodeString`, PHP's `hex2bin`, .NET's `Convert.FromHexString`, Apache Commons'
  // `Hex.decodeHex`, Rust's `hex::decode`): the hex is only how the value is carried.
  'fromhex(': 'hex-call',
  'unhexlify(': 'hex-call',
  'a2b_hex(': 'hex-call',
  'hex.decodestring(': 'hex-call',
  'hex2bin(': 'hex-call',
  'fromhexstring(': 'hex-call',
  'decodehex(': 'hex-call',
  'hex::decode(': 'hex-call',
  // Node's `Buffer.from('…', 'hex')`: the literal comes first.
  ", 'hex')": 'hex-before',
  ', "hex")': 'hex-before',
  ",'hex')": 'hex-before',
  ',"hex")': 'hex-before',
  // A credential file a script writes (`cat > ~/.pgpass <<EOF`): src/detect/embedded-files.ts.
  ...(Object.fromEntries(EMBEDDED_FILE_NAMES.map((name) => [name, 'embedded-file'])) as Record<
    (typeof EMBEDDED_FILE_NAMES)[number],
    'embedded-file'
  >),
} as const;

export type LayerTrigger = (typeof LAYER_TRIGGERS)[keyof typeof LAYER_TRIGGERS];

/** One decoded region: its text and, for every decoded index, the offset in the outer text. */
interface Layer {
  /** None for a file a script writes: its text is the script's own characters. */
  encoding?: LayerEncoding;
  text: string;
  /** `map[i]` is the outer offset of decoded character i; `map[text.length]` is the region's end. */
  map: Int32Array;
  /** The outer region this layer decodes. */
  start: number;
  end: number;
  /** The container says the value is base64 (a Kubernetes Secret's `data:`), so the run itself is no value. */
  declared?: boolean;
  /** The path the layer is judged under, when it is not the outer file's (a file a script writes). */
  path?: string;
}

/** Scans text (one layer deeper); the engine passes its own detection so this module stays below it. */
export type DetectText = (text: string, depth: number, path: string) => RawMatch[];

interface Budget {
  left: number;
}

/** Characters of a token's body (letters, digits, `_ - . + / =`). */
function isTokenPart(c: number): boolean {
  return isBase64Char(c) || c === 95 || c === 45 || c === 46 || c === 61;
}

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

function lineStartOf(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor && text.charCodeAt(i - 1) !== 10) i--;
  return i;
}

function lineEndOf(text: string, pos: number, cap: number): number {
  const stop = Math.min(text.length, cap);
  let i = pos;
  while (i < stop && text.charCodeAt(i) !== 10) i++;
  return i;
}

/**
 * Finds escape characters near positions that only move forward (keyword hits are in text
 * order), calling the native `indexOf` at most once per occurrence inside the windows asked
 * about: a file with no `%` or `&` costs one call in total.
 */
class EscapeFinder {
  /** Next occurrence of the character not yet examined: -2 not looked up yet, -1 none left. */
  next = -2;
  /** The last escape found. */
  found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
    private readonly isEscape: (text: string, at: number) => boolean,
  ) {}

  /** Whether an escape starts in [lo, hi); `lo` never moves back between calls. */
  near(lo: number, hi: number): boolean {
    if (this.found >= lo && this.found < hi) return true;
    if (this.next === -1) return false;
    // Looked up lazily: a file whose hits never ask pays nothing, and one without the character one search.
    if (this.next < lo) this.next = this.text.indexOf(this.char, lo);
    while (this.next >= 0 && this.next < hi) {
      const at = this.next;
      this.next = this.text.indexOf(this.char, at + 1);
      if (this.isEscape(this.text, at)) {
        this.found = at;
        return true;
      }
    }
    return false;
  }
}

const HEX_DIGIT = /^[0-9A-Fa-f]$/;
const HTML_ENTITY = /&(?:quot|amp|apos|lt|gt|#[0-9]{2,3}|#x[0-9A-Fa-f]{2});/y;

/**
 * Escapes that can hide a key, a quote or a keyword. `\n` and friends are left out here (they are
 * everywhere in code): a match that runs across one is decoded from the raw matches instead.
 */
function isJsonEscape(text: string, at: number): boolean {
  const next = text[at + 1];
  return next === '"' || next === '/' || next === 'u';
}

function isPercentEscape(text: string, at: number): boolean {
  return HEX_DIGIT.test(text[at + 1] ?? '') && HEX_DIGIT.test(text[at + 2] ?? '');
}

function isHtmlEntity(text: string, at: number): boolean {
  HTML_ENTITY.lastIndex = at;
  return HTML_ENTITY.test(text);
}

/** Builds a layer's text and offset map: unchanged stretches are copied as slices. */
class LayerBuilder {
  private parts: string[] = [];
  private offsets = new Int32Array(256);
  private length = 0;
  changed = false;

  private reserve(extra: number): void {
    if (this.length + extra <= this.offsets.length) return;
    let size = this.offsets.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Int32Array(size);
    next.set(this.offsets.subarray(0, this.length));
    this.offsets = next;
  }

  /** Decoded characters that all map to one outer offset (an escape's start). */
  push(chars: string, outer: number): void {
    this.reserve(chars.length);
    this.parts.push(chars);
    this.offsets.fill(outer, this.length, this.length + chars.length);
    this.length += chars.length;
  }

  /** Outer text [from, to) unchanged. */
  copy(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(text.slice(from, to));
    for (let i = 0; i < to - from; i++) this.offsets[this.length + i] = from + i;
    this.length += to - from;
  }

  build(encoding: LayerEncoding, start: number, end: number): Layer {
    const text = this.parts.join('');
    const map = new Int32Array(text.length + 1);
    map.set(this.offsets.subarray(0, text.length));
    map[text.length] = end;
    return { encoding, text, map, start, end };
  }
}

const JSON_SIMPLE: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** Undoes JSON string escapes in [start, end); undefined when there were none. */
export function decodeJsonEscapes(text: string, start: number, end: number): Layer | undefined {
  const out = new LayerBuilder();
  let plain = start;
  let i = text.indexOf('\\', start);
  while (i >= 0 && i + 1 < end) {
    const next = text[i + 1]!;
    const simple = JSON_SIMPLE[next];
    let width = 0;
    let decoded = '';
    if (simple !== undefined) {
      width = 2;
      decoded = simple;
    } else if (next === 'u' && i + 6 <= end && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
      width = 6;
      decoded = String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
    }
    if (width > 0) {
      out.copy(text, plain, i);
      out.push(decoded, i);
      out.changed = true;
      plain = i + width;
    }
    i = text.indexOf('\\', i + Math.max(width, 1));
  }
  out.copy(text, plain, end);
  return out.changed ? out.build('json-escape', start, end) : undefined;
}

/** Undoes `%XX` escapes of ASCII characters in [start, end); undefined when there were none. */
export function decodePercent(text: string, start: number, end: number): Layer | undefined {
  const out = new LayerBuilder();
  let plain = start;
  let i = text.indexOf('%', start);
  while (i >= 0 && i + 3 <= end) {
    const code = isPercentEscape(text, i) ? Number.parseInt(text.slice(i + 1, i + 3), 16) : -1;
    // Multi-byte UTF-8 sequences stay encoded: credentials are ASCII, and half a character helps no one.
    if (code >= 0x20 && code < 0x7f) {
      out.copy(text, plain, i);
      out.push(String.fromCharCode(code), i);
      out.changed = true;
      plain = i + 3;
      i = text.indexOf('%', i + 3);
    } else {
      i = text.indexOf('%', i + 1);
    }
  }
  out.copy(text, plain, end);
  return out.changed ? out.build('percent', start, end) : undefined;
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' };

/** Undoes HTML entities (named ones that matter in attribute values, and numeric ASCII) in [start, end). */
export function decodeHtmlEntities(text: string, start: number, end: number): Layer | undefined {
  const out = new LayerBuilder();
  const entity = /&(?:(quot|amp|apos|lt|gt)|#([0-9]{2,3})|#[xX]([0-9A-Fa-f]{2}));/y;
  let plain = start;
  let i = text.indexOf('&', start);
  while (i >= 0 && i < end) {
    entity.lastIndex = i;
    const m = entity.exec(text);
    if (m && entity.lastIndex <= end) {
      const code = m[1] ? undefined : Number.parseInt(m[2] ?? m[3]!, m[2] ? 10 : 16);
      if (code === undefined || (code >= 0x20 && code < 0x7f)) {
        out.copy(text, plain, i);
        out.push(code === undefined ? NAMED_ENTITIES[m[1]!]! : String.fromCharCode(code), i);
        out.changed = true;
        plain = entity.lastIndex;
        i = text.indexOf('&', plain);
        continue;
      }
    }
    i = text.indexOf('&', i + 1);
  }
  out.copy(text, plain, end);
  return out.changed ? out.build('html-entity', start, end) : undefined;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decoded text looks like text (config, JSON, a key): printable, valid UTF-8, nothing binary. */
function isPlainText(bytes: Uint8Array): string | undefined {
  for (const b of bytes) {
    if (b === 0x7f || (b < 0x20 && b !== 9 && b !== 10 && b !== 13)) return undefined;
  }
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes the base64 run [start, end) (whitespace allowed between lines); undefined unless it is
 * well formed and decodes to text. `prefix` (a key name, `KEY: `) is put before a one-line value
 * so that the value is judged as what it is assigned to; it maps to `prefixAt`.
 */
export function decodeBase64Run(
  text: string,
  start: number,
  end: number,
  prefix?: { text: string; at: number },
): Layer | undefined {
  // A cheap look at the first bytes turns away embedded fonts, images and hashes before the
  // whole run is copied.
  const probeEnd = Math.min(end, start + 64);
  if (/[\s=]/.test(text.slice(start, probeEnd)) === false && probeEnd - start >= MIN_BASE64_RUN) {
    const probe = text.slice(start, start + ((probeEnd - start) & ~3));
    if (isPlainText(Buffer.from(probe, 'base64')) === undefined) return undefined;
  }
  const stop = Math.min(end, start + MAX_RUN * 2);
  const outer = new Int32Array(Math.min(stop - start, MAX_RUN));
  const codes: string[] = [];
  let count = 0;
  let padding = 0;
  let from = start;
  for (let i = start; i < stop && count < MAX_RUN; i++) {
    const c = text.charCodeAt(i);
    if (isBase64Char(c)) {
      if (padding > 0) return undefined;
      outer[count++] = i;
    } else if (c === 61) {
      padding++;
    } else if (c === 10 || c === 13 || c === 32 || c === 9) {
      // Line-wrapped base64 (a whole-file document): join the lines.
      if (i > from) codes.push(text.slice(from, i));
      from = i + 1;
      continue;
    } else {
      return undefined;
    }
    if (i + 1 === stop || count === MAX_RUN) codes.push(text.slice(from, i + 1));
  }
  const chars = codes.join('').replace(/=+$/, '');
  // A Secret's data value is base64 however short (`YWRtaW4=` is `admin`).
  if (count < (prefix ? MIN_DECLARED_RUN : MIN_BASE64_RUN) || count % 4 === 1 || padding > 2) return undefined;
  const usable = count >= MAX_RUN ? count - (count % 4) : count;
  const decoded = isPlainText(Buffer.from(chars.slice(0, usable), 'base64'));
  if (decoded === undefined || decoded.trim().length < 8) return undefined;
  const head = prefix && !decoded.includes('\n') ? prefix : undefined;
  const layerText = head ? head.text + decoded : decoded;
  const map = new Int32Array(layerText.length + 1);
  const shift = head ? head.text.length : 0;
  if (head) map.fill(head.at, 0, shift);
  // Each group of 4 encoded characters holds 3 bytes; non-ASCII text shifts this a little, which
  // only moves a reported column inside the same run.
  for (let i = 0; i < decoded.length; i++) map[shift + i] = outer[Math.min(count - 1, Math.floor((i * 4) / 3))]!;
  map[layerText.length] = end;
  return { encoding: 'base64', text: layerText, map, start, end, ...(prefix ? { declared: true } : {}) };
}

/** The base64 run around `pos` (standard alphabet, padding, no whitespace): [start, end). */
function base64RunAt(text: string, pos: number, limit: number): [number, number] {
  let start = pos;
  while (start > 0 && pos - start < limit && isBase64Char(text.charCodeAt(start - 1))) start--;
  let end = pos;
  while (end < text.length && end - start < MAX_RUN && isBase64Char(text.charCodeAt(end))) end++;
  while (end < text.length && text.charCodeAt(end) === 61 && end - start < MAX_RUN + 2) end++;
  return [start, end];
}

/** A base64 run starting within a few characters after `pos` (after `: "`, `=`, a space). */
function base64RunAfter(text: string, pos: number): [number, number] | undefined {
  let i = pos;
  const stop = Math.min(text.length, pos + 12);
  while (i < stop && /[\s:="'`]/.test(text[i]!)) i++;
  if (i >= text.length || !isBase64Char(text.charCodeAt(i))) return undefined;
  const run = base64RunAt(text, i, 0);
  return run[1] - run[0] >= MIN_BASE64_RUN ? run : undefined;
}

/**
 * The base64 value a `b64`/`base64` word points at: assigned to a name that says it is base64
 * (`KEY_B64=`, `"cert_base64": "`), passed to a decoder call, or piped into a decoder
 * (`echo … | base64 -d`).
 */
function base64RunNear(text: string, pos: number, keywordLength: number): [number, number] | undefined {
  let i = pos;
  const nameEnd = Math.min(text.length, pos + 24);
  while (i < nameEnd && /[\w.-]/.test(text[i]!)) i++;
  if (/^["'`]?[ \t]*(?::=|=>|[:=])/.test(text.slice(i, i + 6))) return base64RunAfter(text, i);
  // A decoder called on a literal: `Base64.decode64("…")`, `base64.b64decode("…")`,
  // `Convert.FromBase64String("…")`.
  if (/^\(\s*["'`]/.test(text.slice(i, i + 8)) && /decode|from/i.test(text.slice(pos - keywordLength - 8, i)))
    return base64RunAfter(text, i + 1);
  // `… | base64 -d`: the run ends before the pipe.
  let j = pos - keywordLength - 1;
  while (j > 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (text[j] !== '|') return undefined;
  j--;
  while (j > 0 && /[\s"'`]/.test(text[j]!) && text[j] !== '\n') j--;
  if (!isBase64Char(text.charCodeAt(j)) && text[j] !== '=') return undefined;
  while (j > 0 && text[j] === '=') j--;
  const run = base64RunAt(text, j, 64 * 1024);
  return run[1] - run[0] >= MIN_BASE64_RUN ? run : undefined;
}

/** A base64 run to decode, with the key it is the value of when the finder knows it (a Secret's data). */
interface Base64Run {
  start: number;
  end: number;
  key?: { text: string; at: number };
}

/** `key: value` pairs of a Kubernetes Secret (YAML document or JSON object) holding base64. */
function secretDataRuns(text: string, pos: number, out: Base64Run[]): void {
  const docStart = Math.max(0, text.lastIndexOf('\n---', pos) + 1);
  const next = text.indexOf('\n---', pos);
  const docEnd = Math.min(next < 0 ? text.length : next, docStart + 4 * MAX_RUN);
  const doc = text.slice(docStart, docEnd);
  // YAML `  name: <base64>` and JSON `"name": "<base64>"`; Kubernetes always pads, so the length is a multiple of 4.
  const pair =
    /^[ \t]+(["']?)([\w.-]{1,253})\1[ \t]*:[ \t]*(["']?)([A-Za-z0-9+/]{8,}={0,2})\3[ \t]*,?[ \t]*\r?$|"([\w.-]{1,253})"[ \t]*:[ \t]*"([A-Za-z0-9+/]{8,}={0,2})"/gm;
  let m: RegExpExecArray | null;
  while ((m = pair.exec(doc)) !== null) {
    const key = m[2] ?? m[5]!;
    const value = m[4] ?? m[6]!;
    const valueStart = docStart + m.index + m[0].indexOf(value, m[0].indexOf(key) + key.length);
    // A value cut off by the document cap is decoded up to the cap.
    if (value.length % 4 !== 0 && valueStart + value.length < docEnd) continue;
    const keyAt = docStart + m.index + m[0].indexOf(key);
    out.push({ start: valueStart, end: valueStart + value.length, key: { text: `${key}: `, at: keyAt } });
  }
}

/** The whole file is one base64 document (an env file or JSON wrapped for a CI variable). */
function wholeFileRun(text: string): [number, number] | undefined {
  let start = 0;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  const probe = text.slice(start, start + 64);
  if (probe.length < 64 || !/^[A-Za-z0-9+/]+$/.test(probe)) return undefined;
  if (text.length > MAX_RUN || !/^[A-Za-z0-9+/=\s]+$/.test(text)) return undefined;
  return [start, text.trimEnd().length];
}

export interface LayerInput {
  text: string;
  path: string;
  set: DetectorSet;
  hits: Hits;
  raw: RawMatch[];
  depth: number;
  detect: DetectText;
}

/**
 * Decodes the candidate layers of `text`, scans them, and merges what they hold with the raw
 * matches: decoded findings at outer offsets with their encoding chain, raw ones that misread an
 * encoded value dropped, and one finding where raw and decoded found the same secret.
 */
export function withLayers(input: LayerInput): RawMatch[] {
  const { text, set, hits, depth } = input;
  const raw = depth === 0 ? withoutSealedCiphertext(text, input.raw) : input.raw;
  if (depth >= MAX_LAYER_DEPTH) return raw;
  const budget: Budget = { left: Math.max(BUDGET_FLOOR, Math.floor(text.length / BUDGET_RATIO)) };
  const layers: Layer[] = [];
  const take = (layer: Layer | undefined): void => {
    if (!layer || layer.text.length > budget.left) return;
    budget.left -= layer.text.length;
    layers.push(layer);
  };

  collectEscapeLayers(text, input.path, set, hits, raw, take, budget);
  collectBase64Layers(text, input.path, set, hits, take, budget);
  collectLiteralLayers(text, set, hits, take);
  collectEmbeddedFiles(text, input.path, set, hits, take);
  if (depth === 0 && CSV_PATH.test(input.path)) take(csvLayer(text));
  if (depth === 0 && PROPERTIES_PATH.test(input.path)) take(propertiesLayer(text));
  if (depth === 0 && LDIF_PATH.test(input.path)) ldifLayers(text, take);
  if (depth === 0 && JSON_PATH.test(input.path)) kvExportLayers(text, take);
  if (depth === 0 && MAIL_PATH.test(input.path)) take(quotedPrintableLayer(text));
  if (depth === 0 && MARKDOWN_PATH.test(input.path)) take(markdownTableLayer(text));
  if (depth === 0 && HTML_PATH.test(input.path)) take(htmlTableLayer(text));
  if (depth === 0 && HTML_TEXT_PATH.test(input.path)) take(htmlTextLayer(text, input.path));
  if (depth === 0 && SQL_PATH.test(input.path)) take(sqlColumnsLayer(text));
  if (layers.length === 0) return raw;

  const decoded: RawMatch[] = [];
  for (const layer of layers) {
    // One encoded run reports each secret once (they all sit on the run's line), and a file at
    // most MAX_DECODED_MATCHES: a blob of thousands of repeats is one problem, not thousands.
    const seen = new Set<string>();
    for (const match of input.detect(layer.text, depth + 1, layerPath(input.path, layer))) {
      if (decoded.length >= MAX_DECODED_MATCHES) break;
      const start = layer.map[match.start]!;
      // (A layer over a whole file, a table or a message, holds many lines: once per line there.)
      const key = `${match.detector.id}\0${match.secret}\0${text.lastIndexOf('\n', start)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const end = Math.max(start + 1, match.end > 0 ? layer.map[match.end - 1]! + 1 : start + 1);
      decoded.push({
        ...match,
        start,
        end: Math.min(end, layer.end),
        ...(layer.encoding ? { encoding: [layer.encoding, ...(match.encoding ?? [])] } : {}),
      });
    }
  }
  return mergeLayered(raw, decoded, layers);
}

type Take = (layer: Layer | undefined) => void;

const ELIGIBLE = new WeakMap<DetectorSet, Uint8Array>();

/** Per keyword: 0 no escape window, 1 a detector's keyword, 2 an `escape` trigger. */
function escapeEligible(set: DetectorSet): Uint8Array {
  let table = ELIGIBLE.get(set);
  if (!table) {
    table = new Uint8Array(set.detectorsByKeyword.length);
    for (let k = 0; k < table.length; k++)
      table[k] = set.layerTriggers.get(k) === 'escape' ? 2 : set.detectorsByKeyword[k]!.length > 0 ? 1 : 0;
    ELIGIBLE.set(set, table);
  }
  return table;
}

/**
 * The path a decoded layer is judged under. A source map's strings are the mapped file's own
 * source (`sourcesContent`), so they are read as code of that file's type (`app.js.map` → `app.js`).
 */
function layerPath(path: string, layer: Layer): string {
  if (layer.path !== undefined) return layer.path;
  return layer.encoding === 'json-escape' && /\.[a-z]{1,6}\.map$/i.test(path) ? path.slice(0, -4) : path;
}

/** JSON-escape, percent and HTML-entity windows around keyword hits with an escape nearby. */
/** Files where HTML entities stand for characters of a value (markup, templates, XML configs, docs). */
const MARKUP_PATH =
  /\.(?:html?|xhtml|xml|jsp|aspx?|cshtml|razor|php|erb|vue|svelte|hbs|njk|twig|md|markdown|rst|txt|log|config|plist|svg|j2)$/i;

function collectEscapeLayers(
  text: string,
  path: string,
  set: DetectorSet,
  hits: Hits,
  raw: readonly RawMatch[],
  take: Take,
  budget: Budget,
): void {
  const finders: Array<[EscapeFinder, (text: string, start: number, end: number) => Layer | undefined]> = [
    [new EscapeFinder(text, '\\', isJsonEscape), decodeJsonEscapes],
    [new EscapeFinder(text, '%', isPercentEscape), decodePercent],
    [new EscapeFinder(MARKUP_PATH.test(path) ? text : '', '&', isHtmlEntity), decodeHtmlEntities],
  ];
  const windows: Array<Array<[number, number]>> = finders.map(() => []);
  const add = (list: Array<[number, number]>, start: number, end: number): void => {
    const last = list[list.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else list.push([start, end]);
  };
  const { positions, keywordIds } = hits;
  const eligible = escapeEligible(set);
  // Hits inside a window already taken add nothing; the next newline is looked up once per line.
  const coveredTo = [-1, -1, -1];
  let newline = -1;
  for (let h = 0; h < positions.length; h++) {
    const pos = positions[h]!;
    const kind = eligible[keywordIds[h]!]!;
    if (kind === 0) continue;
    for (let f = 0; f < finders.length; f++) {
      if (pos < coveredTo[f]!) continue;
      // A percent-encoded URL is read as it stands (its password may hold `%40`); only a URL
      // encoded inside another (`%3A%2F%2F`, a redirect parameter) is decoded.
      if (f === 1 && kind !== 2) continue;
      const finder = finders[f]![0];
      const lo = pos - NEAR_BEFORE;
      const hi = pos + NEAR_AFTER;
      // Cheap refusals first: nothing left, or the next occurrence is beyond this hit's reach.
      if (finder.found < lo && (finder.next === -1 || finder.next >= hi)) continue;
      if (!finder.near(Math.max(0, lo), hi)) continue;
      if (newline < pos) {
        newline = text.indexOf('\n', pos);
        if (newline < 0) newline = text.length;
      }
      const start = lineStartOf(text, pos, Math.max(0, pos - WINDOW_BEFORE));
      const end = Math.min(newline, pos + WINDOW_AFTER);
      add(windows[f]!, start, end);
      coveredTo[f] = end - WINDOW_AFTER / 2;
    }
  }
  // A match with an escape inside: a value read across `\n` (a line boundary of the decoded text,
  // as in a source map's inlined sources or a SARIF message), or a PEM block written with `\n`.
  const jsonWindows: Array<[number, number]> = [];
  for (const match of raw) {
    if (match.secret.indexOf('\\') < 0) continue;
    const start = match.detector.multiline
      ? match.start
      : lineStartOf(text, match.start, Math.max(0, match.start - WINDOW_BEFORE));
    const end = match.detector.multiline ? match.end : lineEndOf(text, match.end, match.end + WINDOW_AFTER);
    jsonWindows.push([start, end]);
  }
  windows[0]!.push(...jsonWindows);
  for (let f = 0; f < finders.length; f++) {
    const list = windows[f]!.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [start, end] of list) add(merged, start, end);
    for (const [start, end] of merged) {
      // Decoding never lengthens text: a window beyond what the budget has left is not decoded at
      // all (a minified file full of escapes would otherwise be decoded only to be dropped).
      if (budget.left < MIN_BASE64_RUN) return;
      const from = backOffEscape(text, start);
      take(finders[f]![1](text, from, Math.min(end, from + budget.left)));
    }
  }
}

/**
 * Keywords that can open a provider's token inside a string literal (`sk_live_`, `hf_`,
 * `sk-proj-`, `xoxb-`): a provider detector's keyword made of token characters, with a digit,
 * `_` or `-` in it.
 * Names (`token`, `key`) are left out: a split value under a name has no prefix to find it by.
 */
const CONCAT_ELIGIBLE = new WeakMap<DetectorSet, Uint8Array>();

/** Bit of concatEligible: a provider's keyword (`sk_live_`, `ghp_`), read inside a literal's tail. */
const CONCAT_PROVIDER = 1;
/** Bit of concatEligible: a generic detector's name word (`token`, `pass`), read in the name a value is assigned to. */
const CONCAT_NAME = 2;
/** Bit of concatEligible: a hex decoder's name (hexLayerAt). */
const HEX_CALL = 4;
const HEX_TRIGGERS: ReadonlySet<string> = new Set(['hex-call', 'hex-before']);
/** The words of credential names (vendors' names alone are not read as names here). */
const NAME_WORDS: ReadonlySet<string> = new Set([
  'secret',
  'token',
  'key',
  'pass',
  'pwd',
  'passwd',
  'password',
  'passphrase',
  'credential',
  'creds',
  'cred',
  'auth',
  'bearer',
  'jwt',
  'hmac',
  'pswd',
  'pwrd',
  'pword',
]);

function concatEligible(set: DetectorSet): Uint8Array {
  let table = CONCAT_ELIGIBLE.get(set);
  if (!table) {
    const keywords = set.automaton.keywords;
    table = new Uint8Array(keywords.length);
    for (let k = 0; k < keywords.length; k++) {
      const keyword = keywords[k]!;
      const users = set.detectorsByKeyword[k]!;
      let kind = 0;
      if (
        keyword.length >= 3 &&
        /^[a-z0-9_-]+$/.test(keyword) &&
        /[\d_-]/.test(keyword) &&
        users.some((d) => !set.detectors[d]!.generic)
      )
        kind |= CONCAT_PROVIDER;
      if (NAME_WORDS.has(keyword) && users.some((d) => set.detectors[d]!.generic)) kind |= CONCAT_NAME;
      if (HEX_TRIGGERS.has(set.layerTriggers.get(k) ?? '')) kind |= HEX_CALL;
      table[k] = kind;
    }
    CONCAT_ELIGIBLE.set(set, table);
  }
  return table;
}

/** How many literals one joined value may span, and how long each may be. */
const CONCAT_MAX_PARTS = 8;
const CONCAT_MAX_PART = 512;

/**
 * A string literal from `open` (its opening quote) to its closing quote on the same line:
 * [body start, body end), or undefined.
 */
function literalAt(text: string, open: number): [number, number] | undefined {
  const quote = text.charCodeAt(open);
  const limit = Math.min(text.length, open + 1 + CONCAT_MAX_PART);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return [open + 1, i];
    if (c === 10 || c === 92) return undefined; // a newline or an escape: not a plain literal
  }
  return undefined;
}

/**
 * After a literal's closing quote: the opening quote of the next literal it is joined to (`+`,
 * Lua's `..`, PHP's `.`, VB's `&`, SQL's `||`, or nothing, as Python, C and MATLAB juxtapose
 * literals), across one line break at most (a `\` line continuation counts as that break);
 * -1 when the literal is not continued.
 */
function nextJoinedLiteral(text: string, after: number, quote: number): number {
  let i = after;
  const limit = Math.min(text.length, after + 120);
  let operator = false;
  let newlines = 0;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) i++;
    else if (c === 10 || (c === 92 && /^\\\r?\n/.test(text.slice(i, i + 3)))) {
      if (++newlines > 1) return -1;
      i += c === 10 ? 1 : text.charCodeAt(i + 1) === 13 ? 3 : 2;
    } else if (!operator && (c === 43 || c === 38)) {
      operator = true; // + &
      i++;
    } else if (!operator && c === 46) {
      operator = true; // . and ..
      i += text.charCodeAt(i + 1) === 46 ? 2 : 1;
    } else if (!operator && c === 124 && text.charCodeAt(i + 1) === 124) {
      operator = true; // ||
      i += 2;
    } else if (c === quote) return i;
    else return -1;
  }
  return -1;
}

/**
 * Calls and lists whose literal elements are one value, joined with nothing between them:
 * what comes before the first literal, and what must follow the last. Go `strings.Join([]string{
 * "a", "b"}, "")`, Java and C# `String.join("", "a", "b")` and `string.Concat("a", "b")`, Python
 * `"".join(["a", "b"])`, JavaScript and Ruby `["a", "b"].join("")`, PHP `implode('', ['a', 'b'])`,
 * Kotlin `listOf("a", "b").joinToString("")`.
 */
const JOIN_LISTS: ReadonlyArray<readonly [opener: RegExp, closer: RegExp]> = [
  [/\bstrings\.Join\(\s*\[\]string\{\s*$/, /^\s*\}\s*,\s*(?:""|``)\s*\)/],
  [/\b[Ss]tring\.(?:[Jj]oin\(\s*""\s*,|Concat\()\s*(?:new\s*(?:[Ss]tring\s*)?\[\]\s*\{\s*)?$/, /^\s*\}?\s*\)/],
  [/(?:""|'')\.join\(\s*[[(]\s*$/, /^\s*[\])]\s*\)/],
  [/\[\s*$/, /^\s*\]\s*\.join(?:\(\s*(?:''|""|``)?\s*\)|(?![\w(]))/],
  [/\b(?:implode|join)\(\s*(?:''|"")\s*,\s*(?:\[|array\()\s*$/, /^\s*[\])]\s*\)/],
  [/\blistOf\(\s*$/, /^\s*\)\s*\.joinToString\(\s*(?:"")?\s*\)/],
];

/** The literals of a join list whose first literal opens at `open`, or undefined. */
function joinListFrom(text: string, open: number, before: string): Array<[number, number]> | undefined {
  const list = JOIN_LISTS.find(([opener]) => opener.test(before));
  if (!list) return undefined;
  const quote = text.charCodeAt(open);
  const parts: Array<[number, number]> = [];
  let at = open;
  let after = open;
  while (parts.length < CONCAT_MAX_PARTS) {
    const body = literalAt(text, at);
    if (!body) return undefined;
    parts.push(body);
    after = body[1] + 1;
    let i = after;
    const limit = Math.min(text.length, i + 80);
    while (i < limit && /\s/.test(text[i]!)) i++;
    if (text[i] !== ',') break;
    i++;
    while (i < limit && /\s/.test(text[i]!)) i++;
    after = i;
    if (text.charCodeAt(i) !== quote) break;
    at = i;
  }
  return parts.length >= 2 && list[1].test(text.slice(after, after + 48)) ? parts : undefined;
}

/**
 * The literals one value is written as, from the literal that opens at `open`: the elements of a
 * join list (JOIN_LISTS, when `before`, the text before `open`, ends with its opener), or a chain
 * of literals joined by operators or written side by side. Undefined for a single literal.
 */
function joinedLiterals(text: string, open: number, before: string): Array<[number, number]> | undefined {
  const listed = before.length > 0 ? joinListFrom(text, open, before) : undefined;
  if (listed) return listed;
  const quote = text.charCodeAt(open);
  const parts: Array<[number, number]> = [];
  let at = open;
  while (parts.length < CONCAT_MAX_PARTS) {
    const body = literalAt(text, at);
    if (!body) break;
    parts.push(body);
    const after = nextJoinedLiteral(text, body[1] + 1, quote);
    if (after < 0) break;
    at = after;
  }
  return parts.length >= 2 ? parts : undefined;
}

/**
 * The layer of a joined value: `head` (outer text from `headStart` to `headEnd`, put before the
 * value so the name it is assigned to is read with it), the literals' bodies joined between
 * quotes. The opening quote maps to `open`, the closing one to the last literal's.
 */
function joinedLayer(
  text: string,
  headStart: number,
  headEnd: number,
  open: number,
  parts: ReadonlyArray<[number, number]>,
): Layer {
  const quote = text[open]!;
  const last = parts[parts.length - 1]!;
  const joined = parts.map(([a, b]) => text.slice(a, b)).join('');
  const layerText = `${text.slice(headStart, headEnd)}${quote}${joined}${quote}`;
  const map = new Int32Array(layerText.length + 1);
  let o = 0;
  for (let i = headStart; i < headEnd; i++) map[o++] = i;
  map[o++] = open;
  for (const [a, b] of parts) for (let i = a; i < b; i++) map[o++] = i;
  map[o++] = last[1];
  map[layerText.length] = last[1] + 1;
  return { encoding: 'concatenation', text: layerText, map, start: open, end: last[1] + 1 };
}

/** Characters of a name a value is assigned to (`db.pass`, `$API_TOKEN`, `api-key`). */
function isNamePart(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 36 ||
    c === 46 ||
    c === 45
  );
}

/**
 * At a generic detector's name word (`token` in `releaseToken`): the value assigned to that name,
 * when it is written as joined literals (`KEYSTORE_PASS = String.join("", "…", "…")`, Python's
 * `TOKEN = ("…"\n "…")`, C's `char psk[] = "…" "…";`, `#define KEY "…" \`). Returns the layer
 * `<line up to the value>"<joined>"`, or undefined.
 */
function assignedJoinAt(text: string, pos: number): Layer | undefined {
  // Cheap refusals first: this runs at every hit of a name word (`key`, `token`), and most are a
  // single literal or no assignment at all.
  const n = text.length;
  let i = pos;
  const nameLimit = Math.min(n, pos + 40);
  while (i < nameLimit && isNamePart(text.charCodeAt(i))) i++;
  // A key's closing quote or bracket (`"api_token":`, `ENV['TOKEN'] =`), a C array's `[]`.
  let c = text.charCodeAt(i);
  if (c === 34 || c === 39) c = text.charCodeAt(++i);
  if (c === 93) c = text.charCodeAt(++i);
  else if (c === 91) {
    const close = text.indexOf(']', i);
    if (close < 0 || close - i > 5) return undefined;
    i = close + 1;
  }
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  c = text.charCodeAt(i);
  const c2 = text.charCodeAt(i + 1);
  let define = false;
  if (c === 61 && c2 !== 61)
    i += c2 === 62 ? 2 : 1; // = =>
  else if (c === 58 && c2 !== 58)
    i += c2 === 61 ? 2 : 1; // : :=
  else if ((c === 63 && c2 === 63) || (c === 124 && c2 === 124)) {
    if (text.charCodeAt(i + 2) !== 61) return undefined;
    i += 3; // ??= ||=
  } else if (c === 34 || c === 39)
    define = true; // `#define NAME "…"`, checked once the value is joined
  else return undefined;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const headEnd = i;
  // The value: a literal now, on the next line, after `(` (Python), or after one of the join
  // lists' openers (whose own `""` separator is not the value's first literal).
  c = text.charCodeAt(i);
  let open = -1;
  if (c === 40 || c === 10 || c === 13) {
    let j = c === 40 ? i + 1 : i;
    const limit = Math.min(n, j + 40);
    while (j < limit && /\s/.test(text[j]!)) j++;
    open = j;
  } else if (c === 34 || c === 39 || c === 96) open = i;
  else if (c === 91 || c === 115 || c === 83 || c === 105 || c === 106 || c === 108) {
    // `[`, `strings.`/`String.`/`string.`, `implode(`, `join(`, `listOf(`.
    const limit = Math.min(n, i + 48);
    for (let j = i; j < limit && open < 0; j++) {
      const q = text.charCodeAt(j);
      if (q === 10) break;
      if (q !== 34 && q !== 39 && q !== 96) continue;
      if (text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) !== q)
        j++; // `""`: a separator
      else open = j;
    }
  }
  const q = text.charCodeAt(open);
  if (open < 0 || (q !== 34 && q !== 39 && q !== 96)) return undefined;
  const before = open === i ? '' : text.slice(i, open);
  if (before && !/^\(?\s*$/.test(before) && !JOIN_LISTS.some(([opener]) => before.search(opener) === 0))
    return undefined;
  const parts = joinedLiterals(text, open, before);
  if (!parts) return undefined;
  const lineStart = lineStartOf(text, pos, Math.max(0, pos - CONCAT_MAX_PART));
  if (define && !/^\s*#\s*define\s/.test(text.slice(lineStart, pos))) return undefined;
  return joinedLayer(text, lineStart, headEnd, open, parts);
}

/**
 * Values split into adjacent string literals (`"sk_live_…" + "…"`, Python's implicit
 * concatenation across lines, Lua's `..`, a join call over literals): at a provider keyword
 * inside a literal that is joined to the next, the literals' bodies are joined into one layer,
 * put back between the first literal's quotes on its own line, so the provider detector (and the
 * name before it) read the whole value. At a generic detector's name word, the value assigned to
 * the name is read the same way (assignedJoinAt); at a hex decoder's name, the hex literal it is
 * given (hexLayerAt). One walk over the hits serves all three.
 */
function collectLiteralLayers(text: string, set: DetectorSet, hits: Hits, take: Take): void {
  const eligible = concatEligible(set);
  const { positions, keywordIds } = hits;
  let coveredTo = -1;
  let hexCoveredTo = -1;
  for (let h = 0; h < positions.length; h++) {
    const pos = positions[h]!;
    const all = eligible[keywordIds[h]!]!;
    if (all === 0) continue;
    if (all & HEX_CALL && pos >= hexCoveredTo) {
      const keywordStart = pos - set.automaton.keywords[keywordIds[h]!]!.length;
      const layer = hexLayerAt(text, pos, keywordStart, set.layerTriggers.get(keywordIds[h]!));
      if (layer) {
        take(layer);
        hexCoveredTo = layer.end - 1;
      }
    }
    const kind = all & (CONCAT_PROVIDER | CONCAT_NAME);
    if (kind === 0 || pos < coveredTo) continue;
    if (kind & CONCAT_NAME) {
      const layer = assignedJoinAt(text, pos);
      if (layer) {
        take(layer);
        coveredTo = layer.end;
        continue;
      }
    }
    if (!(kind & CONCAT_PROVIDER)) continue;
    // Cheap refusal first: the keyword's token must end at a quote (it is in a literal's tail)
    // that is followed by a join: an operator, another literal, a line break or a list's comma.
    let end = pos;
    const stop = Math.min(text.length, pos + CONCAT_MAX_PART);
    while (end < stop && isTokenPart(text.charCodeAt(end))) end++;
    const quote = text.charCodeAt(end);
    if (quote !== 34 && quote !== 39 && quote !== 96) continue;
    let next = end + 1;
    while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    if (!/[+&.|'"`\\\r\n,]/.test(text[next] ?? '')) continue;
    // The literal's opening quote, on the same line before the keyword.
    const keywordStart = pos - set.automaton.keywords[keywordIds[h]!]!.length;
    const lineStart = lineStartOf(text, keywordStart, Math.max(0, keywordStart - CONCAT_MAX_PART));
    const open = text.lastIndexOf(String.fromCharCode(quote), keywordStart - 1);
    if (open < lineStart) continue;
    // The literal opens with the token that holds the keyword (`"sk_live_…`); otherwise that
    // quote closed an earlier literal, and this one is not the token's.
    let tokenOpen = true;
    for (let i = open + 1; i < keywordStart && tokenOpen; i++) tokenOpen = isTokenPart(text.charCodeAt(i));
    if (!tokenOpen) continue;
    const parts = joinedLiterals(text, open, text.slice(Math.max(0, open - 80), open));
    if (!parts) continue;
    const layer = joinedLayer(text, lineStart, open, open, parts);
    take(layer);
    coveredTo = layer.end;
  }
}

/** Credential files a script writes, at hits of their names (one look per line). */
function collectEmbeddedFiles(text: string, path: string, set: DetectorSet, hits: Hits, take: Take): void {
  const { positions, keywordIds } = hits;
  let coveredTo = -1;
  for (let h = 0; h < positions.length; h++) {
    const pos = positions[h]!;
    if (pos < coveredTo || set.layerTriggers.get(keywordIds[h]!) !== 'embedded-file') continue;
    const file = embeddedFileAt(text, pos, path);
    const lineEnd = text.indexOf('\n', pos);
    coveredTo = Math.max(lineEnd < 0 ? text.length : lineEnd, file?.end ?? 0);
    if (file) take(file);
  }
}

/** Shortest hex literal worth decoding at a decoder call (8 bytes). */
const MIN_HEX_RUN = 16;

/** A quoted hex literal whose opening quote is at `open`: [body start, body end), even length, or undefined. */
function hexLiteralAt(text: string, open: number): [number, number] | undefined {
  const quote = text.charCodeAt(open);
  if (quote !== 34 && quote !== 39 && quote !== 96) return undefined;
  let i = open + 1;
  const limit = Math.min(text.length, open + 1 + 4096);
  while (i < limit && HEX_DIGIT.test(text[i]!)) i++;
  const length = i - open - 1;
  return text.charCodeAt(i) === quote && length >= MIN_HEX_RUN && length % 2 === 0 ? [open + 1, i] : undefined;
}

/**
 * Hex literals passed to a decoder (LAYER_TRIGGERS `hex-call`, `hex-before`). The layer is the
 * statement the call is the value of, with the call replaced by a literal: the decoded text when
 * it is text (`GH_TOKEN = bytes.fromhex("6768…").decode()` reads as `GH_TOKEN = "ghp_…"`), else the
 * hex itself (`hmacKey, _ := hex.DecodeString("…")`: the key is those bytes). Go's `, _` (the
 * discarded error) is dropped from the name so that the name is read as assigned.
 */
function hexLayerAt(
  text: string,
  pos: number,
  keywordStart: number,
  trigger: LayerTrigger | undefined,
): Layer | undefined {
  let body: [number, number] | undefined;
  let callStart: number;
  if (trigger === 'hex-call') {
    let i = pos;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === 'b' || text[i] === 'u') i++; // Python's b"…" and u"…"
    body = hexLiteralAt(text, i);
    callStart = keywordStart;
  } else {
    // `Buffer.from('…', 'hex')`: back over the literal to the call.
    const close = keywordStart - 1;
    const quote = text[close];
    const open = quote === undefined ? -1 : text.lastIndexOf(quote, close - 1);
    body =
      open >= 0 && /\bfrom\(\s*$/.test(text.slice(Math.max(0, open - 16), open)) ? hexLiteralAt(text, open) : undefined;
    callStart = open >= 0 ? text.lastIndexOf('from', open) : -1;
  }
  if (!body || callStart < 0) return undefined;
  // The receiver before the call (`bytes.`, `binascii.`, `hex.`, `Buffer.`, `[Convert]::`).
  while (callStart > 0 && /[\w.$:[\]]/.test(text[callStart - 1]!)) callStart--;
  const lineStart = lineStartOf(text, callStart, Math.max(0, callStart - CONCAT_MAX_PART));
  const hex = text.slice(body[0], body[1]);
  const decoded = isPlainText(Buffer.from(hex, 'hex'));
  const value = decoded !== undefined && decoded.trim().length >= 8 && !decoded.includes('\n') ? decoded : hex;
  const chars: number[] = [];
  let head = '';
  const headText = text.slice(lineStart, callStart);
  const discarded = /[\w$]\s*,\s*_\s*(?=:?=\s*$)/.exec(headText);
  for (let i = 0; i < headText.length; i++) {
    if (discarded && i > discarded.index && i < discarded.index + discarded[0].length) continue;
    head += headText[i];
    chars.push(lineStart + i);
  }
  const layerText = `${head}"${value}"`;
  const map = new Int32Array(layerText.length + 1);
  chars.forEach((at, i) => (map[i] = at));
  map[head.length] = body[0] - 1;
  const step = value === hex ? 1 : 2;
  for (let i = 0; i < value.length; i++) map[head.length + 1 + i] = Math.min(body[1] - 1, body[0] + i * step);
  map[layerText.length - 1] = body[1];
  map[layerText.length] = body[1] + 1;
  return { encoding: 'hex', text: layerText, map, start: body[0] - 1, end: body[1] + 1 };
}

/** Tables read as columns (collectCsvLayer). */
const CSV_PATH = /\.(?:csv|tsv)$/i;
/** Rows of a table read as columns, at most, and how far into the file they may start. */
const CSV_MAX_ROWS = 5000;
const CSV_MAX_BYTES = 4 * 1024 * 1024;

interface CsvField {
  /** The field's value, quotes removed and doubled quotes undone. */
  value: string;
  /** Outer offset of each character of `value`. */
  at: number[];
}

/** One record of a CSV/TSV table from `from`: its fields and where the next record starts. */
function csvRecord(text: string, from: number, delimiter: number): { fields: CsvField[]; next: number } {
  const fields: CsvField[] = [];
  const n = text.length;
  let i = from;
  for (;;) {
    const field: CsvField = { value: '', at: [] };
    if (text.charCodeAt(i) === 34) {
      i++;
      while (i < n) {
        if (text.charCodeAt(i) === 34) {
          if (text.charCodeAt(i + 1) !== 34) break;
          i++; // `""` is one quote
        }
        field.value += text[i];
        field.at.push(i);
        i++;
      }
      i++; // the closing quote
      while (i < n && text.charCodeAt(i) !== delimiter && text.charCodeAt(i) !== 10) i++;
    } else {
      while (i < n && text.charCodeAt(i) !== delimiter && text.charCodeAt(i) !== 10) {
        if (text.charCodeAt(i) !== 13) {
          field.value += text[i];
          field.at.push(i);
        }
        i++;
      }
    }
    fields.push(field);
    if (i >= n || text.charCodeAt(i) === 10) return { fields, next: i + 1 };
    i++;
  }
}

/**
 * A CSV or TSV table (a password manager's export, an inventory, connection settings) read as
 * columns: each value under a credential column (`password`, `login_password`, `api_key`) as a
 * line `<column> = "<value>"`, and each quoted field that held escaped quotes (a JSON document in
 * a cell, `"{""password"":""…""}"`) as its unescaped text, so that the detectors judge every
 * value under its column's name. Undefined for a file without a credential column or such a field.
 */
function csvLayer(text: string): Layer | undefined {
  // A header is one short line; a file without one (a single huge row) is no table. A title or
  // comment line above it (`# exported from "credentials.xlsx"`, a sheet name with no delimiter)
  // is skipped, up to three of them.
  let headerStart = 0;
  for (let skipped = 0; skipped < 3; skipped++) {
    const lineEnd = text.indexOf('\n', headerStart);
    if (lineEnd < 0) break;
    const lineText = text.slice(headerStart, lineEnd);
    if (!lineText.startsWith('#') && /[\t,;]/.test(lineText)) break;
    headerStart = lineEnd + 1;
  }
  const headerEnd = text.indexOf('\n', headerStart);
  if (headerEnd < 0 || headerEnd - headerStart > 4096) return undefined;
  const firstLine = text.slice(headerStart, headerEnd);
  const counts = [9, 44, 59].map((d) => [d, firstLine.split(String.fromCharCode(d)).length - 1] as const);
  const [delimiter, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (count === 0) return undefined;
  const header = csvRecord(text, headerStart, delimiter);
  const names = header.fields.map((f) => f.value.trim());
  const credential = names.map(
    (name) => name.length > 0 && name.length <= 40 && (isPasswordKey(name) || isSecretKey(name)),
  );
  const lines = new NamedValueLines();
  let at = header.next;
  const stop = Math.min(text.length, CSV_MAX_BYTES);
  for (let row = 0; row < CSV_MAX_ROWS && at < stop; row++) {
    const record = csvRecord(text, at, delimiter);
    record.fields.forEach((field, c) => {
      if (field.value.length === 0) return;
      if (credential[c]) lines.add(field.value, field.at, names[c], field.at[0]!);
      // A quoted field that needed escaped quotes: a document inside the cell.
      else if (field.value.includes('"') && field.at.length > 8) lines.add(field.value, field.at);
    });
    at = record.next;
  }
  return lines.layer('csv', header.next, at);
}

/**
 * The text of a layer that reads a table by column: one line per value, `name = "value"` (or the
 * value alone), each character mapped back to where it stands in the file.
 */
class NamedValueLines {
  private out = '';
  private readonly map: number[] = [];

  /** `at[k]` is the outer offset of the value's character k; the name maps to `nameAt`. */
  add(value: string, at: readonly number[], name?: string, nameAt = 0): void {
    // The value between quotes it does not hold itself.
    const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
    const head = name === undefined ? '' : `${name} = ${quote}`;
    this.out += head;
    for (let k = 0; k < head.length; k++) this.map.push(nameAt);
    this.out += value;
    this.map.push(...at);
    const close = (at[at.length - 1] ?? nameAt) + 1;
    this.out += name === undefined ? '\n' : `${quote}\n`;
    this.map.push(close);
    if (name !== undefined) this.map.push(close);
  }

  /** The layer over [start, end), or undefined when no value was added. */
  layer(encoding: LayerEncoding, start: number, end: number): Layer | undefined {
    const { out, map } = this;
    if (out.length === 0) return undefined;
    const layerMap = new Int32Array(out.length + 1);
    for (let k = 0; k < out.length; k++) layerMap[k] = map[k]!;
    layerMap[out.length] = map[out.length - 1]! + 1;
    return { encoding, text: out, map: layerMap, start, end };
  }
}

const SQL_PATH = /\.(?:sql|dump)$/i;
/** Rows of a dump read by column, at most, and how far into the file its statements may start. */
const SQL_MAX_ROWS = 20000;
const SQL_MAX_BYTES = 8 * 1024 * 1024;

/** An SQL name as written: `name`, "name", [name] or bare; the last part of a qualified one. */
const SQL_NAME = String.raw`(?:` + '`[^`]{1,128}`' + String.raw`|"[^"]{1,128}"|\[[^\]]{1,128}\]|[A-Za-z_][\w$]{0,127})`;
const SQL_QUALIFIED = `${SQL_NAME}(?:\\s*\\.\\s*${SQL_NAME}){0,2}`;
const CREATE_TABLE = new RegExp(
  String.raw`\bCREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${SQL_QUALIFIED})\s*\(`,
  'gi',
);
const INSERT_OR_COPY = new RegExp(
  String.raw`\b(?:INSERT\s+(?:IGNORE\s+)?INTO|REPLACE\s+INTO)\s+(${SQL_QUALIFIED})\s*(\([^()]{0,8192}\))?\s*VALUES\s*|\bCOPY\s+(${SQL_QUALIFIED})\s*(\([^()]{0,8192}\))\s+FROM\s+stdin;[ \t]*\r?\n`,
  'gi',
);

function sqlUnquote(name: string): string {
  const last = name
    .split(/\s*\.\s*/)
    .pop()!
    .trim();
  return /^[`"[]/.test(last) ? last.slice(1, -1) : last;
}

/** The column names of a parenthesised list (`(id, "login", [passwd])`). */
function sqlColumnList(list: string): string[] {
  return list
    .slice(1, -1)
    .split(',')
    .map((c) => sqlUnquote(c.trim()))
    .filter((c) => c.length > 0);
}

/** Column names of a CREATE TABLE body starting at `at` (just past its opening parenthesis). */
function createTableColumns(text: string, at: number): string[] {
  const columns: string[] = [];
  let depth = 1;
  let itemStart = at;
  for (let i = at; i < text.length && i - at < 65536; i++) {
    const c = text[i];
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && depth > 1) depth--;
    else if (c === ')' || (c === ',' && depth === 1)) {
      const item = text.slice(itemStart, i).trim();
      const name = /^(`[^`]+`|"[^"]+"|\[[^\]]+\]|[A-Za-z_][\w$]*)/.exec(item)?.[1];
      if (
        name &&
        !/^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|LIKE|PERIOD)$/i.test(name)
      )
        columns.push(sqlUnquote(name));
      itemStart = i + 1;
      if (c === ')') break;
    }
  }
  return columns;
}

/**
 * One SQL literal or other value from `at`: a quoted string (`'…'` with `''` or `\'` inside, a
 * `N'…'`/`E'…'` prefix), or anything up to the next `,` or `)` at this level. `value` holds the
 * string's characters and `at` their outer offsets; undefined for a non-string.
 */
function sqlValue(text: string, from: number): { value?: string; at?: number[]; next: number } {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (/[NEnBbXx]/.test(text[i] ?? '') && text[i + 1] === "'") i++;
  if (text[i] === "'") {
    const chars: string[] = [];
    const at: number[] = [];
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length) {
        chars.push(text[i + 1]!);
        at.push(i + 1);
        i += 2;
      } else if (c === "'" && text[i + 1] === "'") {
        chars.push("'");
        at.push(i);
        i += 2;
      } else if (c === "'") {
        i++;
        break;
      } else {
        if (c === '\n' && chars.length > 4096) break;
        chars.push(c);
        at.push(i);
        i++;
      }
    }
    return { value: chars.join(''), at, next: i };
  }
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
    else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) break;
      i = close;
    }
    i++;
  }
  return { next: i };
}

/**
 * A dump's rows read by column (`INSERT INTO t (…) VALUES (…), (…);`, an INSERT without a column
 * list under the dump's own `CREATE TABLE t (…)`, PostgreSQL's `COPY t (…) FROM stdin;` rows): each
 * string under a column whose name says it is a credential (`passwd`, `api_key`, `secret`) is read
 * as `name = "value"`, where the value judgements see it. Undefined when no such value is found.
 */
function sqlColumnsLayer(text: string): Layer | undefined {
  if (!/\bINSERT\s|\bCOPY\s|\bREPLACE\s/i.test(text)) return undefined;
  const stop = Math.min(text.length, SQL_MAX_BYTES);
  const tables = new Map<string, string[]>();
  CREATE_TABLE.lastIndex = 0;
  for (let m; (m = CREATE_TABLE.exec(text)) !== null && m.index < stop;) {
    tables.set(sqlUnquote(m[1]!).toLowerCase(), createTableColumns(text, m.index + m[0].length));
  }
  const credential = (name: string): boolean =>
    name.length > 0 && name.length <= 64 && (isPasswordKey(name) || isSecretKey(name));
  const lines = new NamedValueLines();
  let rows = 0;
  let first = -1;
  let last = 0;
  INSERT_OR_COPY.lastIndex = 0;
  for (let m; rows < SQL_MAX_ROWS && (m = INSERT_OR_COPY.exec(text)) !== null && m.index < stop;) {
    const table = sqlUnquote(m[1] ?? m[3]!).toLowerCase();
    const list = m[2] ?? m[4];
    const columns = list ? sqlColumnList(list) : tables.get(table);
    // Which columns name a credential, decided once per statement rather than once per value.
    const secretColumn = columns?.map(credential);
    if (!columns || !secretColumn!.includes(true)) continue;
    if (first < 0) first = m.index;
    let i = m.index + m[0].length;
    if (m[3] !== undefined) {
      // COPY rows: tab-separated fields, one row per line, `\.` ends them; `\N` is NULL.
      while (rows < SQL_MAX_ROWS && i < text.length && !text.startsWith('\\.', i)) {
        const end = text.indexOf('\n', i);
        const lineEnd = end < 0 ? text.length : end;
        let start = i;
        text
          .slice(i, lineEnd)
          .replace(/\r$/, '')
          .split('\t')
          .forEach((field, c) => {
            const name = columns[c];
            if (name !== undefined && secretColumn![c] && field !== '\\N' && field.length > 0)
              lines.add(
                field,
                Array.from({ length: field.length }, (_, k) => start + k),
                name,
                start,
              );
            start += field.length + 1;
          });
        rows++;
        i = lineEnd + 1;
      }
      last = i;
      INSERT_OR_COPY.lastIndex = i;
      continue;
    }
    // VALUES (…), (…) … ;
    while (rows < SQL_MAX_ROWS && text[i] === '(') {
      let c = 0;
      i++;
      for (;;) {
        const v = sqlValue(text, i);
        const name = columns[c];
        if (v.value !== undefined && v.value.length > 0 && name !== undefined && secretColumn![c])
          lines.add(v.value, v.at!, name, v.at![0] ?? i);
        i = v.next;
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (text[i] === ',') {
          i++;
          c++;
          continue;
        }
        if (text[i] === ')') i++;
        break;
      }
      rows++;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text[i] !== ',') break;
      i++;
      while (i < text.length && /\s/.test(text[i]!)) i++;
    }
    last = i;
    INSERT_OR_COPY.lastIndex = i;
  }
  return first < 0 ? undefined : lines.layer('sql-columns', first, Math.max(first + 1, last));
}

const PROPERTIES_PATH = /\.properties$/i;

/**
 * A Java `.properties` file with its continued lines joined: a line ending in an odd number of
 * backslashes goes on at the next line's first non-blank character (`token = \` then the value
 * on its own lines), which is how the file's reader sees the value. The joined text is the
 * file's own characters, so it records no encoding. Undefined when no line is continued.
 */
function propertiesLayer(text: string): Layer | undefined {
  if (text.indexOf('\\\n') < 0 && text.indexOf('\\\r\n') < 0) return undefined;
  const out: string[] = [];
  const map = new Int32Array(text.length + 1);
  let n = 0;
  let joined = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      let run = 1;
      while (text.charCodeAt(i + run) === 92) run++;
      const after = i + run;
      const lineBreak = text.charCodeAt(after) === 10 ? 1 : text.startsWith('\r\n', after) ? 2 : 0;
      // An odd run before a line break continues the line: the last backslash and the break go,
      // and so does the next line's indentation.
      if (lineBreak > 0 && run % 2 === 1) {
        for (let k = 0; k < run - 1; k++) {
          out.push('\\');
          map[n++] = i + k;
        }
        let next = after + lineBreak;
        while (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
        i = next - 1;
        joined = true;
        continue;
      }
      for (let k = 0; k < run; k++) {
        out.push('\\');
        map[n++] = i + k;
      }
      i += run - 1;
      continue;
    }
    out.push(text[i]!);
    map[n++] = i;
  }
  if (!joined) return undefined;
  const joinedText = out.join('');
  const layerMap = map.slice(0, joinedText.length + 1);
  layerMap[joinedText.length] = text.length;
  return { text: joinedText, map: layerMap, start: 0, end: text.length };
}

const LDIF_PATH = /\.ldif$/i;
const LDIF_BASE64 = /^([A-Za-z][\w;.-]{0,63})::[ \t]*([A-Za-z0-9+/])/gm;

/**
 * LDIF writes a value that is not plain ASCII, or that a tool chose to encode, as `attr:: base64`
 * (folded onto lines that start with one space): `userPassword:: …` of a clear-text password,
 * `olcRootPW:: …`. Each such value is decoded and read as `attr: value`.
 */
function ldifLayers(text: string, take: Take): void {
  LDIF_BASE64.lastIndex = 0;
  for (let m = LDIF_BASE64.exec(text); m !== null; m = LDIF_BASE64.exec(text)) {
    const start = m.index + m[0].length - 1;
    let end = lineEndOf(text, start, text.length);
    // Folded lines: a line break, one space, more of the value.
    while (text.charCodeAt(end) === 10 && text.charCodeAt(end + 1) === 32) end = lineEndOf(text, end + 2, text.length);
    if (text.charCodeAt(end - 1) === 13) end--;
    take(decodeBase64Run(text, start, end, { text: `${m[1]!}: `, at: m.index }));
  }
}

const JSON_PATH = /\.json$/i;
const KV_OBJECT = /\{[^{}]{0,4096}\}/g;
const KV_KEY = /"key"\s*:\s*"([^"\\]{1,512})"/i;
const KV_VALUE = /"value"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/i;

/**
 * Key/value stores' exports keep every value base64-encoded: `consul kv export` (`{"key":
 * "app/db/password", "flags": 0, "value": "…"}`) and `etcdctl get --prefix -w json` (`"kvs":
 * [{"key": "…", "value": "…"}]`, the key base64 too). Each value is decoded and read under its
 * key's name, as `app/db/password: …`.
 */
function kvExportLayers(text: string, take: Take): void {
  const etcd = text.includes('"kvs"');
  if (!etcd && !(text.includes('"flags"') && text.includes('"value"'))) return;
  KV_OBJECT.lastIndex = 0;
  for (let m = KV_OBJECT.exec(text); m !== null; m = KV_OBJECT.exec(text)) {
    const key = KV_KEY.exec(m[0]);
    const value = KV_VALUE.exec(m[0]);
    if (!key || !value) continue;
    const name = etcd ? decodedName(key[1]!) : key[1]!;
    if (name === undefined) continue;
    const start = m.index + value.index + value[0].indexOf(value[1]!);
    take(decodeBase64Run(text, start, start + value[1]!.length, { text: `${name}: `, at: m.index + key.index }));
  }
}

/** An etcd key, base64 in the JSON output, as text (a path such as `/config/db/password`). */
function decodedName(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const name = isPlainText(Buffer.from(encoded, 'base64'));
  return name !== undefined && !/[\s"]/.test(name) ? name : undefined;
}

const MAIL_PATH = /\.(?:eml|mbox|mail|msg)$/i;

/**
 * A mail message with quoted-printable parts, decoded: soft line breaks (`=` at a line's end) are
 * joined and `=XX` escapes of ASCII characters decoded (`=3D` is `=`), so a key broken over two
 * lines, or written `KEY=3Dsk_live_…`, reads as it was sent. Other bytes stay as written.
 */
function quotedPrintableLayer(text: string): Layer | undefined {
  if (!/content-transfer-encoding:[ \t]*quoted-printable/i.test(text)) return undefined;
  const out: string[] = [];
  const map = new Int32Array(text.length + 1);
  let n = 0;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 61 /* = */) {
      const lineBreak = text.charCodeAt(i + 1) === 10 ? 1 : text.startsWith('\r\n', i + 1) ? 2 : 0;
      if (lineBreak > 0) {
        i += lineBreak;
        changed = true;
        continue;
      }
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-7][0-9A-F]$/.test(hex)) {
        out.push(String.fromCharCode(parseInt(hex, 16)));
        map[n++] = i;
        i += 2;
        changed = true;
        continue;
      }
    }
    out.push(text[i]!);
    map[n++] = i;
  }
  if (!changed) return undefined;
  const decoded = out.join('');
  const layerMap = map.slice(0, decoded.length + 1);
  layerMap[decoded.length] = text.length;
  return { encoding: 'quoted-printable', text: decoded, map: layerMap, start: 0, end: text.length };
}

const MARKDOWN_PATH = /\.(?:md|markdown|mdx)$/i;
const TABLE_SEPARATOR = /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const TABLE_SEPARATOR_HINT = /-{3,}:?[ \t]*\||\|[ \t]*:?-{3,}/;

/** The cells of a Markdown table row, with where each cell's text starts. */
function tableCells(line: string, at: number): Array<{ value: string; at: number }> {
  const cells: Array<{ value: string; at: number }> = [];
  let from = line.startsWith('|') ? 1 : 0;
  for (let i = from; i <= line.length; i++) {
    if (i < line.length && (line[i] !== '|' || line[i - 1] === '\\')) continue;
    const raw = line.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    let value = raw.trim();
    let shift = lead;
    // A value in backticks: the ticks are markup.
    const ticked = /^(`+)([^`]+)\1$/.exec(value);
    if (ticked) {
      shift += ticked[1]!.length;
      value = ticked[2]!;
    }
    cells.push({ value, at: at + from + shift });
    from = i + 1;
  }
  if (line.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

/**
 * A table header (or a two-column table's label) that names a credential: `Password`, `API key`,
 * `Password / secret` (either half will do): the part that names it, or undefined.
 */
function credentialHeader(value: string): string | undefined {
  if (value.length === 0 || value.length > 40) return undefined;
  return value.split(/\s*\/\s*/).find((part) => part.length > 0 && (isPasswordKey(part) || isSecretKey(part)));
}

/**
 * A Markdown table read by column, like a CSV file: under a header cell that names a password,
 * secret, token or key, each row's cell is read as `Header = "value"` (a hand-over page listing
 * `| Service | User | Password |`). Cells of other columns are left to the raw text.
 */
function markdownTableLayer(text: string): Layer | undefined {
  // A table has a separator row, and any separator row has a pipe beside its dashes.
  if (!TABLE_SEPARATOR_HINT.test(text)) return undefined;
  const lines = new NamedValueLines();
  let lineStart = 0;
  let names: Array<string | undefined> | undefined;
  let pairs = false;
  let previous: { line: string; at: number } | undefined;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const trimmed = line.trimStart();
    const at = lineStart + (line.length - trimmed.length);
    if (!trimmed.includes('|')) {
      names = undefined;
      pairs = false;
    } else if (TABLE_SEPARATOR.test(trimmed) && previous) {
      names = tableCells(previous.line, previous.at).map(({ value }) => credentialHeader(value));
      // A two-column table of labels and values (`| field | value |`, then `| Client secret | … |`).
      pairs = names.length === 2 && names.every((name) => name === undefined);
      if (names.every((name) => name === undefined)) names = undefined;
    } else if (names || pairs) {
      const cells = tableCells(trimmed, at);
      const add = (cell: { value: string; at: number }, name: string): void => {
        // A value in backticks (`` `…` ``) is the text between them.
        const ticked = /^`[^`]+`$/.test(cell.value);
        const value = ticked ? cell.value.slice(1, -1) : cell.value;
        const from = ticked ? cell.at + 1 : cell.at;
        if (value.length < 4 || /\s/.test(value)) return;
        lines.add(
          value,
          Array.from({ length: value.length }, (_, k) => from + k),
          name,
          from,
        );
      };
      if (names) {
        cells.forEach((cell, c) => {
          const name = names![c];
          if (name !== undefined) add(cell, name);
        });
      } else if (cells.length === 2) {
        const name = credentialHeader(cells[0]!.value);
        if (name !== undefined) add(cells[1]!, name);
      }
    } else pairs = false;
    previous = { line: trimmed, at };
    lineStart = lineEnd + 1;
  }
  return lines.layer('markdown-table', 0, text.length);
}

const HTML_PATH = /\.(?:html?|xhtml|xml)$/i;
/** How much of a page the table reader looks at, and how many rows. */
const HTML_MAX_BYTES = 4 * 1024 * 1024;
const HTML_MAX_ROWS = 5000;
// A row or cell ends at its closing tag or where the next one opens (HTML lets both be left open),
// so an unclosed `<tr>` is never searched past the next row: linear in the page, however hostile.
const HTML_ROW =
  /<tr\b[^>]{0,512}>((?:(?!<\/?(?:tr|table|tbody|thead|tfoot)\b)[\s\S]){0,65536}?)(?:<\/tr\s*>|(?=<\/?(?:tr|table|tbody|thead|tfoot)\b)|$)/gi;
const HTML_CELL =
  /<(t[hd])\b[^>]{0,512}>((?:(?!<\/?(?:t[hdr]|table|tbody|thead|tfoot)\b)[\s\S]){0,8192}?)(?:<\/t[hd]\s*>|(?=<\/?(?:t[hdr]|table|tbody|thead|tfoot)\b)|$)/gi;

/** A cell's text with tags and the whitespace around it removed, and where that text starts. */
function htmlCellText(inner: string, at: number): { value: string; at: number } {
  // A cell that holds one element (`<code>…</code>`, `<p>…</p>`, `<span …>…</span>`): its text.
  let value = inner;
  let shift = 0;
  for (;;) {
    const wrapped =
      /^(\s*<(?:code|p|span|strong|b|em|i|tt|kbd|div)\b[^>]{0,512}>)([^<]*)<\/(?:code|p|span|strong|b|em|i|tt|kbd|div)\s*>\s*$/i.exec(
        value,
      );
    if (!wrapped) break;
    shift += wrapped[1]!.length;
    value = wrapped[2]!;
  }
  const lead = value.length - value.trimStart().length;
  return { value: value.trim(), at: at + shift + lead };
}

/**
 * An HTML table read by column, like a Markdown table: a Confluence or wiki export's `<th>User</th>
 * <th>Secret</th>` header, then each row's cell under a header that names a credential is read as
 * `Header = "value"`. A cell holding markup other than one wrapping element, or whitespace, is left
 * to the raw text; entities in a cell are decoded by the entity layer, not here.
 */
function htmlTableLayer(text: string): Layer | undefined {
  if (text.length > HTML_MAX_BYTES || !/<t[hd]\b/i.test(text)) return undefined;
  const lines = new NamedValueLines();
  let names: Array<string | undefined> | undefined;
  let rows = 0;
  let lastEnd = 0;
  HTML_ROW.lastIndex = 0;
  for (let row = HTML_ROW.exec(text); row && rows < HTML_MAX_ROWS; row = HTML_ROW.exec(text)) {
    rows++;
    // A new table (a `<table` between the rows) starts without a header.
    if (/<table\b/i.test(text.slice(lastEnd, row.index))) names = undefined;
    lastEnd = row.index + row[0].length;
    const bodyAt = row.index + row[0].indexOf('>') + 1;
    const cells: Array<{ header: boolean; value: string; at: number }> = [];
    HTML_CELL.lastIndex = 0;
    for (let cell = HTML_CELL.exec(row[1]!); cell; cell = HTML_CELL.exec(row[1]!)) {
      const innerAt = bodyAt + cell.index + cell[0].indexOf('>') + 1;
      cells.push({ header: cell[1]!.toLowerCase() === 'th', ...htmlCellText(cell[2]!, innerAt) });
    }
    if (cells.length === 0) continue;
    if (cells.every((cell) => cell.header)) {
      names = cells.map(({ value }) => credentialHeader(value));
      if (names.every((name) => name === undefined)) names = undefined;
      continue;
    }
    const add = (cell: { value: string; at: number }, name: string): void => {
      if (cell.value.length < 4 || /[\s<>]/.test(cell.value)) return;
      lines.add(
        cell.value,
        Array.from({ length: cell.value.length }, (_, k) => cell.at + k),
        name,
        cell.at,
      );
    };
    if (names) {
      cells.forEach((cell, c) => {
        const name = names![c];
        if (name !== undefined && !cell.header) add(cell, name);
      });
    } else if (cells.length === 2) {
      // A two-column table of labels and values (`<th>Client secret</th><td>…</td>`).
      const name = credentialHeader(cells[0]!.value);
      if (name !== undefined) add(cells[1]!, name);
    }
  }
  return lines.layer('html-table', 0, text.length);
}

const HTML_TEXT_PATH = /\.(?:html?|xhtml)$/i;
/** Words a line of a page must hold for its text to be worth reading again without the markup. */
const HTML_TEXT_WORD = /key|token|secret|passw|pwd|\bpw\b|login|credential|\bsid\b/i;
/** Tags that separate words when the markup is dropped (cells, paragraphs, items, breaks). */
const HTML_BREAK_TAG = /^<\/?(?:td|th|tr|p|li|div|br|h[1-6]|dt|dd|table|ul|ol)\b/i;

/**
 * The text of a page's lines without their markup, judged as prose (under the page's path with
 * `.txt`): a Google Docs or Confluence export puts a label and its value in separate `<span>`s
 * (`<span>API key (results feed): </span><span>R1E1…</span>`), which no text pattern reads across.
 * Only lines with markup and a credential word are copied; a tag that separates words (a cell, a
 * paragraph, a break) becomes a space, others nothing.
 */
function htmlTextLayer(text: string, path: string): Layer | undefined {
  if (text.length > HTML_MAX_BYTES || !text.includes('<')) return undefined;
  let out = '';
  const map: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes('<') && HTML_TEXT_WORD.test(line)) {
      let wrote = false;
      for (let k = 0; k < line.length; k++) {
        if (line.charCodeAt(k) === 60) {
          const close = line.indexOf('>', k);
          if (close < 0) break;
          if (HTML_BREAK_TAG.test(line.slice(k, close + 1)) && wrote) {
            out += ' ';
            map.push(lineStart + k);
          }
          k = close;
          continue;
        }
        out += line[k];
        map.push(lineStart + k);
        wrote = true;
      }
      if (wrote) {
        out += '\n';
        map.push(lineEnd);
      }
    }
    lineStart = lineEnd + 1;
  }
  if (out.length === 0) return undefined;
  const layerMap = new Int32Array(out.length + 1);
  for (let k = 0; k < out.length; k++) layerMap[k] = map[k]!;
  layerMap[out.length] = map[out.length - 1]! + 1;
  return { encoding: 'html-text', text: out, map: layerMap, start: 0, end: text.length, path: `${path}.txt` };
}

/** A window must not start in the middle of an escape (`\` `n`, `%2`, `&am`). */
function backOffEscape(text: string, start: number): number {
  let s = start;
  const floor = Math.max(0, start - 8);
  while (s > floor && /[\\%&#\w;]/.test(text[s - 1]!) && text[s - 1] !== '\n') s--;
  return s;
}

/**
 * Configuration files, where a long base64 value on its own is a wrapped document more often than
 * a hash. JSON is left out: it is most of the bytes of a dependency tree (manifests, API models),
 * where reading every line cost a few percent of a scan, and its base64 documents (Docker's
 * `auth`, a service-account key, a PEM) are found by the triggers.
 */
const CONFIG_PATH = /\.(?:ya?ml|tf|tfvars|hcl|nomad|toml)$/i;
/**
 * A whole value that is one long base64 run, assigned to a key on its own line (YAML `key: …`,
 * HCL and TOML `key = "…"`): a base64 env file, script or JSON document under a key no trigger
 * names (`envFile:`, `user_data`, `bootstrap`). At least 48 characters (36 bytes): longer than a
 * SHA-256 digest in base64 (44).
 */
const ASSIGNED_BASE64 =
  /^[ \t]*(?:-[ \t]+)?["']?[\w.-]{1,80}["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9+/]{48,}={0,2})["']?[ \t]*,?[ \t]*\r?$/gm;

/**
 * Base64 values assigned to keys in a configuration file. Only the probe of each run is decoded
 * before it is taken (binary values, ciphertexts and hashes stop there), and never more than the
 * budget has left: a minified bundle is not a configuration file, so it never gets here.
 */
function assignedBase64Runs(text: string, path: string, budget: Budget, out: Base64Run[]): void {
  if (!CONFIG_PATH.test(path) || text.length > MAX_RUN * 4) return;
  ASSIGNED_BASE64.lastIndex = 0;
  let reserved = 0;
  let m: RegExpExecArray | null;
  while ((m = ASSIGNED_BASE64.exec(text)) !== null) {
    const value = m[1]!;
    reserved += Math.ceil((value.length * 3) / 4);
    if (reserved > budget.left) return;
    const start = m.index + m[0].indexOf(value, m[0].search(/[:=]/));
    out.push({ start, end: start + value.length });
  }
}

/** Base64 runs at the places LAYER_TRIGGERS mark, long values assigned to keys, and a file that is one base64 document. */
function collectBase64Layers(
  text: string,
  path: string,
  set: DetectorSet,
  hits: Hits,
  take: Take,
  budget: Budget,
): void {
  const runs: Base64Run[] = [];
  const whole = wholeFileRun(text);
  if (whole) runs.push({ start: whole[0], end: whole[1] });
  else assignedBase64Runs(text, path, budget, runs);
  let secretDocEnd = -1;
  const { positions, keywordIds } = hits;
  for (let h = 0; h < positions.length; h++) {
    const trigger = set.layerTriggers.get(keywordIds[h]!);
    if (
      trigger === undefined ||
      trigger === 'escape' ||
      trigger === 'hex-call' ||
      trigger === 'hex-before' ||
      trigger === 'embedded-file'
    )
      continue;
    const pos = positions[h]!;
    let run: [number, number] | undefined;
    if (trigger === 'k8s-secret') {
      if (pos < secretDocEnd) continue;
      secretDataRuns(text, pos, runs);
      const next = text.indexOf('\n---', pos);
      secretDocEnd = next < 0 ? text.length : next;
      continue;
    }
    if (trigger === 'base64-after') run = base64RunAfter(text, pos);
    else if (trigger === 'base64-near') run = base64RunNear(text, pos, set.automaton.keywords[keywordIds[h]!]!.length);
    else {
      const keyword = set.automaton.keywords[keywordIds[h]!]!;
      // The document starts the run (`eyJ` is `{"`); a run right before or after a dot is a JWT
      // segment, and one glued to `_` or `-` is the body of a provider's token: their detectors
      // read those. What comes before is checked before the run is measured: most hits sit in
      // the middle of a long run (an inline source map), which would be walked to its end for each.
      const from = pos - keyword.length;
      const before = text[from - 1];
      if (isBase64Char(text.charCodeAt(from - 1)) || before === '.' || before === '_' || before === '-') continue;
      run = base64RunAt(text, from, 0);
      if (text[run[1]] === '.' || run[1] - run[0] < 24) run = undefined;
    }
    if (run) runs.push({ start: run[0], end: run[1] });
  }
  // Of two runs over the same value, the one that knows its key (a Secret's data) is decoded.
  runs.sort((a, b) => a.start - b.start || b.end - a.end || Number(b.key !== undefined) - Number(a.key !== undefined));
  let covered = -1;
  for (const run of runs) {
    if (run.start < covered) continue;
    covered = run.end;
    take(decodeBase64Run(text, run.start, run.end, run.key));
  }
}

/**
 * Bitnami sealed-secrets manifests (`kind: SealedSecret`): every value under `encryptedData:` is
 * ciphertext only the controller's private key opens, however short the generator made it. Raw
 * matches there are dropped; a file without the word costs one native search.
 */
function withoutSealedCiphertext(text: string, raw: RawMatch[]): RawMatch[] {
  if (raw.length === 0 || text.indexOf('SealedSecret') < 0) return raw;
  const blocks = sealedDataBlocks(text);
  if (blocks.length === 0) return raw;
  return raw.filter((m) => !blocks.some(([start, end]) => m.start >= start && m.start < end));
}

/** [start, end) of each `encryptedData` block of a SealedSecret document (YAML or JSON). */
function sealedDataBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  let docStart = 0;
  while (docStart < text.length) {
    const next = text.indexOf('\n---', docStart);
    const docEnd = next < 0 ? text.length : next + 1;
    const doc = text.slice(docStart, docEnd);
    if (/(?:^|[{,])[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?SealedSecret\b/m.test(doc)) {
      const yaml = /^([ \t]*)encryptedData:[ \t]*\r?\n/m.exec(doc);
      if (yaml) {
        const indent = yaml[1]!.length;
        let end = yaml.index + yaml[0].length;
        // The block runs while lines are blank or indented deeper than its key.
        while (end < doc.length) {
          const lineEnd = doc.indexOf('\n', end);
          const line = doc.slice(end, lineEnd < 0 ? doc.length : lineEnd);
          if (line.trim() !== '' && line.length - line.trimStart().length <= indent) break;
          end = lineEnd < 0 ? doc.length : lineEnd + 1;
        }
        blocks.push([docStart + yaml.index, docStart + end]);
      }
      const json = /"encryptedData"[ \t]*:[ \t]*\{/.exec(doc);
      if (json) {
        const close = doc.indexOf('}', json.index);
        blocks.push([docStart + json.index, docStart + (close < 0 ? doc.length : close)]);
      }
    }
    docStart = docEnd;
  }
  return blocks;
}

function overlapsRange(a: { start: number; end: number }, start: number, end: number): boolean {
  return a.start < end && start < a.end;
}

/**
 * Raw matches that misread an encoded value (a value running across `\n` escapes, a base64 run
 * taken for the secret itself) give way to what the decoded layer found; a decoded match that
 * repeats a raw one (same detector or same secret, same place), or that sits inside a provider's
 * token the raw pass already named, is dropped.
 */
function mergeLayered(raw: RawMatch[], decoded: RawMatch[], layers: readonly Layer[]): RawMatch[] {
  const kept = raw.filter((match) => {
    for (const layer of layers) {
      if (!overlapsRange(match, layer.start, layer.end)) continue;
      const multiline = match.detector.multiline;
      if (layer.encoding === 'json-escape' && !multiline && /\\./.test(match.secret)) return false;
      if (layer.encoding === 'html-entity' && !multiline && /&(?:#|[a-z]{2,4};)/.test(match.secret)) return false;
      // The first literal of a split value is a truncated reading of the joined one (and so is
      // the first line of a continued `.properties` value).
      if (
        (layer.encoding === 'concatenation' || layer.encoding === undefined) &&
        match.start >= layer.start &&
        match.end <= layer.end &&
        decoded.some((d) => overlapsRange(d, match.start, match.end) && d.secret.length > match.secret.length)
      )
        return false;
      // A quoted-printable message: a reading cut at a soft line break, or glued to an `=3D`, gives
      // way to the decoded one.
      if (
        layer.encoding === 'quoted-printable' &&
        decoded.some(
          (d) =>
            overlapsRange(d, match.start, match.end) &&
            (d.secret.length > match.secret.length || (match.detector.generic && !d.detector.generic)),
        )
      )
        return false;
      // A Secret's data is base64 by definition: a generic reading of the run is never the value,
      // whether or not the decoded text holds one (`changeme` decodes to a stand-in, not a finding).
      if (layer.declared && match.detector.generic && match.start >= layer.start && match.end <= layer.end)
        return false;
      // A match on the encoded run itself (a generic secret, a Secret manifest's first value, a
      // base64 PEM) gives way to a provider's reading of what it decodes to; a generic reading of
      // the decoded value replaces only a generic reading of the run.
      if (
        layer.encoding === 'base64' &&
        match.start >= layer.start &&
        match.end <= layer.end &&
        decoded.some((d) => overlapsRange(d, match.start, match.end) && (match.detector.generic || !d.detector.generic))
      ) {
        return false;
      }
    }
    return true;
  });
  const fresh = decoded.filter(
    (d) =>
      !kept.some(
        (r) =>
          overlapsRange(r, d.start, d.end) &&
          (r.detector === d.detector || r.secret === d.secret || !r.detector.generic),
      ),
  );
  return fresh.length === 0 && kept.length === raw.length ? raw : kept.concat(fresh);
}
