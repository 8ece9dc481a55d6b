import { describe, expect, it } from 'vitest';
import {
  checkBip39,
  checkCrc32Base62,
  checkGitlabRoutable,
  checkGrafanaSa,
  crc32,
  gitlabRoutableSuffix,
} from '../../src/providers/formats/checksums.js';
import { completeWithChecksum } from '../../src/providers/index.js';

describe('checksums', () => {
  it('crc32 matches the zlib check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('verifies GitHub’s published example token and rejects a changed character', () => {
    // Public test vector from GitHub's token-format announcement (not a live token).
    expect(checkCrc32Base62('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')).toBe(true);
    expect(checkCrc32Base62('ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V5')).toBe(false);
    expect(checkCrc32Base62('ghp_N7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V4')).toBe(false);
  });

  it('completes stems so that they verify', () => {
    const token = completeWithChecksum('crc32-base62', 'npm_abcdefghijklmnopqrstuvwxyz0123');
    expect(token).toHaveLength(40);
    expect(checkCrc32Base62(token)).toBe(true);
  });

  it('verifies Grafana’s published service-account test vector', () => {
    expect(checkGrafanaSa('glsa_iNValIdinValiDinvalidinvalidinva_5b582697')).toBe(true);
    expect(checkGrafanaSa('glsa_iNValIdinValiDinvalidinvalidinva_5b582698')).toBe(false);
  });

  it('checks GitLab routable tokens and lets legacy ones through', () => {
    const stem = 'glpat-' + 'Qk9HVVMtUEFZTE9BRC1GT1ItVEVTVFMtT05MWQ' + '.01.0w';
    const token = stem + gitlabRoutableSuffix(stem);
    expect(checkGitlabRoutable(token)).toBe(true);
    expect(checkGitlabRoutable(token.slice(0, -1) + (token.endsWith('0') ? '1' : '0'))).toBe(false);
    expect(checkGitlabRoutable('glpat-abcdefghij0123456789')).toBe(true);
  });
});

describe('checkBase58Check', () => {
  it("verifies BIP-32's published test vector and refuses a changed character", async () => {
    const { checkBase58Check } = await import('../../src/providers/formats/checksums.js');
    const vector = [
      'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPP',
      'qjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi',
    ].join('');
    expect(checkBase58Check(vector)).toBe(true);
    expect(checkBase58Check(vector.slice(0, -1) + 'j')).toBe(false);
    expect(checkBase58Check('0OIl')).toBe(false);
  });
});

describe('checkBip39', () => {
  it('verifies the checksum bits of BIP-39 test vectors and rejects a changed last word', () => {
    // Test vectors of the BIP-39 reference implementation (trezor/python-mnemonic vectors.json).
    expect(
      checkBip39('abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'),
    ).toBe(true);
    expect(checkBip39('legal winner thank year wave sausage worth useful legal winner thank yellow')).toBe(true);
    expect(checkBip39('legal winner thank year wave sausage worth useful legal winner thank year')).toBe(false);
    expect(checkBip39('the quick brown fox jumps over the lazy dog and then some more')).toBe(false);
    expect(checkBip39('abandon abandon abandon')).toBe(false);
  });
});
