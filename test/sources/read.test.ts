import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/sources/read.js';

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

  it('decodes invalid UTF-8 with replacement characters and says so', () => {
    const outcome = decodeBytes(Buffer.from([0x6b, 0x65, 0x79, 0x3d, 0xc3, 0x28, 0xff, 0x0a]));
    expect(outcome).toMatchObject({ kind: 'text', invalidUtf8: true });
  });

  it('does not call a literal U+FFFD invalid', () => {
    expect(decodeBytes(Buffer.from('a\uFFFDb', 'utf8'))).toMatchObject({ kind: 'text', invalidUtf8: false });
  });
});
