// Judgements the IoT and home-automation configurations need: numbered password settings,
// Zigbee2MQTT's secret-file references, the Raspberry Pi default, and where a password hash is a
// note (cloud-init user data, provisioning scripts) or a leak (a shadow file); base64 keys under a
// bare `key` (ESPHome) or a `<word>_key` (OpenWrt's preshared_key).

import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { isPasswordKey, judgeGenericValue, judgePasswordValue } from '../../src/detect/generic-value.js';
import { validators } from '../../src/detect/validators.js';

describe('numbered password settings', () => {
  it('are password names (Tasmota STA_PASS1, WIFI_PASS2)', () => {
    expect(isPasswordKey('STA_PASS1')).toBe(true);
    expect(isPasswordKey('WIFI_PASS2')).toBe(true);
    expect(isPasswordKey('STA_SSID1')).toBe(false);
  });
});

describe('secret-file references', () => {
  it('are not passwords, in Home Assistant and Zigbee2MQTT form', () => {
    expect(judgePasswordValue('!secret.yaml password', 'password', { quote: "'" })).toBe('reject');
    expect(judgePasswordValue('!secret mqtt_password', 'password', { quote: '"' })).toBe('reject');
    expect(judgePasswordValue('!Kq7-zR2mXw9', 'password', { quote: '"' })).toBe('ok');
  });
});

describe('the Raspberry Pi default password', () => {
  it('is a product default (a note unless a credential store holds it)', () => {
    expect(judgePasswordValue('raspberry', 'wpa_passphrase', {})).toBe('default');
  });
});

describe('password-hash-store', () => {
  const hash = '$6$' + 'saltsalt' + '$' + 'h'.repeat(86);
  const judge = (path: string) =>
    validators['password-hash-store'](hash, { path, keyName: undefined, groups: {} } as never);

  it('is a note in cloud-init user data and provisioning scripts', () => {
    expect(judge('raspberrypi/cloud-init/user-data')).toBe(true);
    expect(judge('raspberrypi/boot/firstrun.sh')).toBe(true);
  });

  it('is a leak in a shadow file or a dump', () => {
    expect(judge('etc/shadow')).toEqual({ ok: true, confidence: 'medium' });
    expect(judge('backup/users.dump')).toEqual({ ok: true, confidence: 'medium' });
  });
});

describe('a base64 key under a bare key name', () => {
  it('counts when it is standard base64 of a random key, slashes included', () => {
    let value = '';
    // A 32-byte key whose base64 holds a slash, as about half of them do.
    while (!value.includes('/')) value = randomBytes(32).toString('base64');
    expect(judgeGenericValue(value, 'key')).toBe(true);
    expect(judgeGenericValue(value, 'preshared_key')).toBe(true);
  });

  it('does not count for paths and other slashed text', () => {
    expect(judgeGenericValue('static/Images/Logo-Header_Large/v2.png', 'key')).toBe(false);
    expect(judgeGenericValue('Assets/Textures/Ground/Grass01/Diffuse/Large', 'key')).toBe(false);
  });
});
