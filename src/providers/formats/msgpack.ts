// A small, defensive MessagePack reader (https://github.com/msgpack/msgpack/blob/master/spec.md)
// for the offline decoders (Fly.io macaroons). It reads every type family: nil, bool, positive
// and negative fixint, uint8..64, int8..64, float32/64, fixstr/str8/16/32, bin8/16/32,
// fixarray/array16/32, fixmap/map16/32 and fixext/ext8/16/32. Lengths are checked against the
// remaining bytes, nesting depth and the total item count are capped, and any malformed input
// yields undefined instead of throwing.

import { decodeUtf8Strict } from './encoding.js';

export interface MsgMap {
  kind: 'map';
  /** Entries in wire order; keys may be any type (Fly.io uses integer keys for app ids). */
  entries: Array<[MsgValue, MsgValue]>;
}

export interface MsgExt {
  kind: 'ext';
  type: number;
  data: Uint8Array;
}

export type MsgValue = null | boolean | number | bigint | string | Uint8Array | MsgValue[] | MsgMap | MsgExt;

interface MsgpackLimits {
  maxDepth: number;
  maxItems: number;
}

const LIMITS: MsgpackLimits = { maxDepth: 32, maxItems: 100_000 };

class Malformed extends Error {}

class Reader {
  offset = 0;
  items = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (n < 0 || this.offset + n > this.bytes.length) throw new Malformed('truncated');
  }

  /** Checks `n` bytes remain, reads them at the offset with `get`, and advances past them. */
  private fixed<T>(n: number, get: (view: DataView, offset: number) => T): T {
    this.need(n);
    const v = get(this.view, this.offset);
    this.offset += n;
    return v;
  }

  private u8(): number {
    return this.fixed(1, (view, at) => view.getUint8(at));
  }

  private u16(): number {
    return this.fixed(2, (view, at) => view.getUint16(at));
  }

  private u32(): number {
    return this.fixed(4, (view, at) => view.getUint32(at));
  }

  private take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  private str(n: number): string {
    const text = decodeUtf8Strict(this.take(n));
    if (text === undefined) throw new Malformed('invalid utf-8');
    return text;
  }

  private big(value: bigint): number | bigint {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  private count(n: number): void {
    this.items += n;
    if (this.items > LIMITS.maxItems) throw new Malformed('too many items');
  }

  private array(n: number, depth: number): MsgValue[] {
    this.count(n);
    // Every element takes at least one byte: a declared length beyond the input is malformed.
    this.need(n);
    const out: MsgValue[] = [];
    for (let i = 0; i < n; i++) out.push(this.value(depth + 1));
    return out;
  }

  private map(n: number, depth: number): MsgMap {
    this.count(n);
    this.need(n * 2);
    const entries: Array<[MsgValue, MsgValue]> = [];
    for (let i = 0; i < n; i++) {
      const key = this.value(depth + 1);
      entries.push([key, this.value(depth + 1)]);
    }
    return { kind: 'map', entries };
  }

  private ext(n: number): MsgExt {
    const type = this.fixed(1, (view, at) => view.getInt8(at));
    return { kind: 'ext', type, data: this.take(n) };
  }

  value(depth = 0): MsgValue {
    if (depth > LIMITS.maxDepth) throw new Malformed('too deep');
    const b = this.u8();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if (b >= 0x80 && b <= 0x8f) return this.map(b & 0x0f, depth);
    if (b >= 0x90 && b <= 0x9f) return this.array(b & 0x0f, depth);
    if (b >= 0xa0 && b <= 0xbf) return this.str(b & 0x1f);
    switch (b) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return this.take(this.u8());
      case 0xc5:
        return this.take(this.u16());
      case 0xc6:
        return this.take(this.u32());
      case 0xc7:
        return this.ext(this.u8());
      case 0xc8:
        return this.ext(this.u16());
      case 0xc9:
        return this.ext(this.u32());
      case 0xca:
        return this.fixed(4, (view, at) => view.getFloat32(at));
      case 0xcb:
        return this.fixed(8, (view, at) => view.getFloat64(at));
      case 0xcc:
        return this.u8();
      case 0xcd:
        return this.u16();
      case 0xce:
        return this.u32();
      case 0xcf:
        return this.big(this.fixed(8, (view, at) => view.getBigUint64(at)));
      case 0xd0:
        return this.fixed(1, (view, at) => view.getInt8(at));
      case 0xd1:
        return this.fixed(2, (view, at) => view.getInt16(at));
      case 0xd2:
        return this.fixed(4, (view, at) => view.getInt32(at));
      case 0xd3:
        return this.big(this.fixed(8, (view, at) => view.getBigInt64(at)));
      case 0xd4: // fixext 1, 2, 4, 8, 16
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8:
        return this.ext(1 << (b - 0xd4));
      case 0xd9:
        return this.str(this.u8());
      case 0xda:
        return this.str(this.u16());
      case 0xdb:
        return this.str(this.u32());
      case 0xdc:
        return this.array(this.u16(), depth);
      case 0xdd:
        return this.array(this.u32(), depth);
      case 0xde:
        return this.map(this.u16(), depth);
      case 0xdf:
        return this.map(this.u32(), depth);
      default:
        // 0xc1 is never used by the spec.
        throw new Malformed(`reserved byte 0x${b.toString(16)}`);
    }
  }
}

/**
 * Decodes one MessagePack value from the start of `bytes`. Returns the value and how many bytes
 * it used (callers decide whether trailing bytes are acceptable), or undefined when malformed.
 */
export function decodeMsgpack(bytes: Uint8Array): { value: MsgValue; length: number } | undefined {
  const reader = new Reader(bytes);
  try {
    const value = reader.value();
    return { value, length: reader.offset };
  } catch (err) {
    if (err instanceof Malformed || err instanceof RangeError) return undefined;
    throw err;
  }
}

export function isMsgMap(value: MsgValue | undefined): value is MsgMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    value.kind === 'map'
  );
}

/** An unsigned integer value as a decimal string (ids), or undefined. */
export function msgUint(value: MsgValue | undefined): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  if (typeof value === 'bigint' && value >= 0n) return value.toString();
  return undefined;
}

/**
 * A small non-negative integer (masks, tags, timestamps) as a number, or undefined. The reader
 * already turns every safe-range 64-bit integer into a number: a bigint here is out of range.
 */
export function msgNumber(value: MsgValue | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}
