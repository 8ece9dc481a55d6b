import { describe, expect, it } from 'vitest';
import { decodeMsgpack, isMsgMap, msgUint } from '../../../src/providers/formats/msgpack.js';

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
const value = (h: string): unknown => decodeMsgpack(hex(h))?.value;

describe('msgpack reader', () => {
  it('reads scalars', () => {
    expect(value('c0')).toBeNull();
    expect(value('c2')).toBe(false);
    expect(value('c3')).toBe(true);
    expect(value('7f')).toBe(127);
    expect(value('e0')).toBe(-32);
    expect(value('ff')).toBe(-1);
    expect(value('cc ff')).toBe(255);
    expect(value('cd 01 00')).toBe(256);
    expect(value('ce 00 01 00 00')).toBe(65536);
    expect(value('cf 00 00 00 01 00 00 00 00')).toBe(4294967296);
    expect(value('cf ff ff ff ff ff ff ff ff')).toBe(2n ** 64n - 1n);
    expect(value('d0 80')).toBe(-128);
    expect(value('d1 ff 00')).toBe(-256);
    expect(value('d2 ff ff ff 00')).toBe(-256);
    expect(value('d3 ff ff ff ff ff ff ff ff')).toBe(-1);
    expect(value('ca 3f c0 00 00')).toBe(1.5);
    expect(value('cb 3f f8 00 00 00 00 00 00')).toBe(1.5);
  });

  it('reads strings and binaries', () => {
    expect(value('a3 61 62 63')).toBe('abc');
    expect(value('d9 03 61 62 63')).toBe('abc');
    expect(value('da 00 03 61 62 63')).toBe('abc');
    expect(value('db 00 00 00 03 61 62 63')).toBe('abc');
    expect(value('c4 02 01 02')).toEqual(Uint8Array.from([1, 2]));
    expect(value('c5 00 02 01 02')).toEqual(Uint8Array.from([1, 2]));
    expect(value('c6 00 00 00 02 01 02')).toEqual(Uint8Array.from([1, 2]));
  });

  it('reads arrays and maps (any key type)', () => {
    expect(value('93 01 a1 78 c0')).toEqual([1, 'x', null]);
    expect(value('dc 00 02 01 02')).toEqual([1, 2]);
    expect(value('dd 00 00 00 01 07')).toEqual([7]);
    const m = value('82 cd 04 d2 a1 72 a1 6b 03');
    expect(isMsgMap(m as never)).toBe(true);
    expect((m as { entries: unknown[] }).entries).toEqual([
      [1234, 'r'],
      ['k', 3],
    ]);
    expect(value('de 00 01 01 02')).toEqual({ kind: 'map', entries: [[1, 2]] });
    expect(value('df 00 00 00 01 01 02')).toEqual({ kind: 'map', entries: [[1, 2]] });
  });

  it('reads ext types', () => {
    expect(value('d4 05 aa')).toEqual({ kind: 'ext', type: 5, data: Uint8Array.from([0xaa]) });
    expect(value('d6 ff 00 00 00 01')).toEqual({ kind: 'ext', type: -1, data: Uint8Array.from([0, 0, 0, 1]) });
    expect(value('c7 02 07 01 02')).toEqual({ kind: 'ext', type: 7, data: Uint8Array.from([1, 2]) });
  });

  it('reports how many bytes it used', () => {
    expect(decodeMsgpack(hex('01 02'))).toEqual({ value: 1, length: 1 });
  });

  it('rejects malformed input instead of throwing', () => {
    expect(decodeMsgpack(hex(''))).toBeUndefined();
    expect(decodeMsgpack(hex('c1'))).toBeUndefined();
    expect(decodeMsgpack(hex('a5 61'))).toBeUndefined();
    expect(decodeMsgpack(hex('dd ff ff ff ff'))).toBeUndefined();
    expect(decodeMsgpack(hex('df ff ff ff ff'))).toBeUndefined();
    expect(decodeMsgpack(hex('c6 ff ff ff ff 00'))).toBeUndefined();
    expect(decodeMsgpack(hex('a2 c3 28'))).toBeUndefined(); // invalid UTF-8
    expect(decodeMsgpack(hex('91'.repeat(40) + '01'))).toBeUndefined(); // too deep
  });

  it('msgUint renders ids as decimal strings', () => {
    expect(msgUint(5)).toBe('5');
    expect(msgUint(2n ** 63n)).toBe('9223372036854775808');
    expect(msgUint(-1)).toBeUndefined();
    expect(msgUint('5')).toBeUndefined();
  });
});
