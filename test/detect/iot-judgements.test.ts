// Judgements the IoT and home-automation configurations need: numbered password settings,
// Zigbee2MQTT's secret-file references, the Raspberry Pi default, and where a password hash is a
// note (cloud-init user data, provisioning scripts) or a leak (a shadow file).

import { describe, expect, it } from 'vitest';
import { isPasswordKey, judgePasswordValue } from '../../src/detect/generic-value.js';
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
