import { describe, expect, it } from 'vitest';
import { decodeValidUtf8, utf16Length } from '../../src/util/utf8.js';

const samples = [
  '',
  'plain ascii line\n',
  'café, naïve, Ærøskøbing', // Latin-1 range only
  'Grüße – “quotes” and € signs',
  '日本語のテキスト\nと改行',
  'emoji 🔑 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 (four-byte sequences)',
  '\uFEFFa byte-order mark kept as a character',
  'a literal replacement character \uFFFD is valid UTF-8',
  'x'.repeat(70_000) + 'ä' + 'y'.repeat(70_000),
];

describe('decodeValidUtf8', () => {
  it('gives the same string as the plain decoder', () => {
    for (const text of samples) {
      const bytes = Buffer.from(text, 'utf8');
      const decoded = decodeValidUtf8(bytes);
      expect(decoded === bytes.toString('utf8')).toBe(true);
      expect(decoded.length).toBe(utf16Length(bytes, 0, bytes.length));
    }
  });

  it('decodes a view into a larger buffer without reading past it', () => {
    const whole = Buffer.from('prefix ü middle ü suffix', 'utf8');
    const view = whole.subarray(7, 17);
    expect(decodeValidUtf8(view)).toBe(view.toString('utf8'));
  });
});
