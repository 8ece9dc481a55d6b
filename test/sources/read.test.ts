import { describe, expect, it } from 'vitest';
import { decodeBytes, isBinaryContent, tooLargeDetail } from '../../src/sources/read.js';

function text(outcome: ReturnType<typeof decodeBytes>): string {
  if (outcome.kind !== 'text') throw new Error(`expected text, got skip: ${outcome.reason}`);
  return outcome.text;
}

describe('decodeBytes', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(text(decodeBytes(Buffer.from('\uFEFFkey=value\n', 'utf8')))).toBe('key=value\n');
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TOKEN=abc', 'utf16le')]);
    expect(text(decodeBytes(le))).toBe('TOKEN=abc');
    const swapped = Buffer.from('TOKEN=abc', 'utf16le');
    for (let i = 0; i < swapped.length; i += 2) [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]);
    expect(text(decodeBytes(be))).toBe('TOKEN=abc');
  });

  it('recognizes UTF-16LE without a BOM by its zero bytes', () => {
    const outcome = decodeBytes(Buffer.from('export API_TOKEN=abcdef\n'.repeat(4), 'utf16le'));
    expect(outcome.kind === 'text' && outcome.encoding).toBe('utf-16le');
  });

  it('skips binary content', () => {
    const outcome = decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(outcome).toMatchObject({ kind: 'skip', reason: 'binary' });
  });

  it('calls text with more than a tenth control characters binary, and tabs, newlines, form feeds and escapes text', () => {
    const control = (ratio: number): Buffer =>
      Buffer.from(Array.from({ length: 1000 }, (_, i) => (i < ratio * 1000 ? 0x01 + (i % 8) : 0x61)));
    expect(decodeBytes(control(0.2))).toMatchObject({ kind: 'skip', reason: 'binary' });
    expect(decodeBytes(control(0.05))).toMatchObject({ kind: 'text' });
    const layout = Buffer.from('a\tb\r\nc\fd\x1b[0m'.repeat(200));
    expect(decodeBytes(layout)).toMatchObject({ kind: 'text' });
  });

  it('decodes invalid UTF-8 with replacement characters and says so', () => {
    const outcome = decodeBytes(Buffer.from([0x6b, 0x65, 0x79, 0x3d, 0xc3, 0x28, 0xff, 0x0a]));
    expect(outcome).toMatchObject({ kind: 'text', invalidUtf8: true });
  });

  it('does not call a literal U+FFFD invalid', () => {
    expect(decodeBytes(Buffer.from('a\uFFFDb', 'utf8'))).toMatchObject({ kind: 'text', invalidUtf8: false });
  });
});

describe('isBinaryContent', () => {
  it('agrees with decodeBytes on what is binary, from the first 8 KB only', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A=1\0', 'utf16le')]);
    const cases = [
      Buffer.from('plain text\n'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      Buffer.from('TOKEN=abc', 'utf16le'),
      le,
      Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]),
      Buffer.alloc(0),
    ];
    for (const bytes of cases) {
      const decoded = decodeBytes(bytes.subarray(0, 8192));
      expect(isBinaryContent(bytes)).toBe(decoded.kind === 'skip' && decoded.reason === 'binary');
    }
  });
});

describe('tooLargeDetail', () => {
  it('says how large and the limit, in exact bytes when rounding would make them read the same', () => {
    const MB = 1024 * 1024;
    expect(tooLargeDetail(12.5 * MB, 10 * MB)).toBe('12.5 MB is over the 10.0 MB limit');
    expect(tooLargeDetail(10 * MB + 1, 10 * MB)).toBe('10485761 B is over the 10485760 B limit');
    expect(tooLargeDetail(2048, 1000, 'in commit 1a2b3c4d5e6f')).toBe(
      '2.0 KB in commit 1a2b3c4d5e6f is over the 1000 B limit',
    );
  });
});
