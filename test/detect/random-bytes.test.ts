// The random-bytes validator: keys written as byte lists (LoRaWAN C arrays, Zigbee2MQTT and ESPHome
// decimal lists) are keys only when the bytes read as random, not as a template's filler.

import { describe, expect, it } from 'vitest';
import { isRandomByteList } from '../../src/detect/validators.js';

// Bytes made up here, shuffled so that neighbours step by different amounts.
const RANDOM = [83, 11, 201, 47, 156, 9, 240, 118, 62, 173, 35, 228, 91, 14, 199, 70];

describe('isRandomByteList', () => {
  it('accepts random bytes in hex, decimal and YAML block-list form', () => {
    expect(isRandomByteList(RANDOM.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(', '))).toBe(true);
    expect(isRandomByteList(RANDOM.join(', '))).toBe(true);
    expect(isRandomByteList(RANDOM.map((b) => `    - ${b}`).join('\n'))).toBe(true);
  });

  it('refuses empty, counting and stepping sequences', () => {
    expect(isRandomByteList(Array(16).fill('0x00').join(', '))).toBe(false);
    expect(isRandomByteList([...Array(16).keys()].join(', '))).toBe(false);
    // The example key in Zigbee2MQTT's documentation.
    expect(isRandomByteList('1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13')).toBe(false);
  });

  it('refuses lists that are not bytes or are too short', () => {
    expect(isRandomByteList([...RANDOM.slice(0, 15), 300].join(', '))).toBe(false);
    expect(isRandomByteList(RANDOM.slice(0, 6).join(', '))).toBe(false);
    expect(isRandomByteList(RANDOM.join(', ').replace('47', 'x'))).toBe(false);
  });
});
