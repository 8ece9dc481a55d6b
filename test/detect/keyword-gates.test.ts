import { describe, expect, it } from 'vitest';
import { keywordGate } from '../../src/detect/keyword-gates.js';

function passes(keyword: string, detectors: string[], text: string): boolean {
  const [detector] = detectors;
  const gate = keywordGate(keyword, detector!);
  if (!gate) throw new Error(`no gate for ${keyword}`);
  const start = text.toLowerCase().indexOf(keyword);
  return gate(text, start, start + keyword.length);
}

describe('keyword gates', () => {
  it('reject hits inside ordinary words', () => {
    expect(passes('ion_', ['ionic.personal-access-token'], 'function_name()')).toBe(false);
    expect(passes('pat', ['airtable.personal-access-token'], 'const path = pattern')).toBe(false);
    expect(passes('lob', ['lob.live-api-key'], 'globalThis.x')).toBe(false);
    expect(passes('lob', ['lob.live-api-key'], 'blob')).toBe(false);
    expect(passes('ser.', ['flagsmith.server-key'], 'user.name')).toBe(false);
    expect(passes('sua', ['nats.user-seed'], 'usual')).toBe(false);
    expect(passes('connect', ['generic.login-call'], 'socket.disconnect()')).toBe(false);
    expect(passes('bind', ['generic.login-call'], 'fn.bind(this)')).toBe(false);
    expect(passes('connect', ['generic.login-call'], 'socket.connect(options, callback)')).toBe(false);
    expect(passes('ftp', ['generic.login-call'], 'upload over ftp or sftp')).toBe(false);
    expect(passes('://', ['generic.url-credentials'], 'see https://example.com/a:b@c for more')).toBe(false);
    expect(passes('://', ['generic.url-credentials'], 'https://example.com:8080/x')).toBe(false);
  });

  it('keep hits where the detectors can match', () => {
    expect(passes('ion_', ['ionic.personal-access-token'], 'x = "ion_abc"')).toBe(true);
    expect(passes('pat', ['airtable.personal-access-token'], 'key: pat12345678901234.abc')).toBe(true);
    expect(passes('lob', ['lob.live-api-key'], 'LOB_KEY=')).toBe(true);
    expect(passes('lob', ['lob.live-api-key'], 'Lob')).toBe(true);
    expect(passes('sua', ['nats.user-seed'], ' SUAXYZ')).toBe(true);
    expect(passes('connect', ['generic.login-call'], 'mysqli_connect ( "h", "u", "p")')).toBe(true);
    expect(passes('connect', ['generic.login-call'], "new Connection('h', 'u', 'p')")).toBe(true);
    expect(passes('connect', ['generic.login-call'], 'self.connection.FTP(')).toBe(true);
    expect(passes('connect', ['generic.login-call'], 'connector::login(')).toBe(true);
    expect(passes('bind', ['generic.login-call'], 'ldap.simple_bind_s("cn=a", "b")')).toBe(true);
    expect(passes('connect', ['generic.login-call'], 'mysql_real_connect(conn, "db1", "root", "p")')).toBe(true);
    expect(passes('login', ['generic.login-call'], "ftp_login($conn, 'deploy', 'p')")).toBe(true);
    expect(passes('ftp', ['generic.login-call'], "ftplib.FTP('h', 'u', 'p')")).toBe(true);
    expect(passes('ftp', ['generic.login-call'], "Net::FTP.open('h', 'u', 'p')")).toBe(true);
    expect(passes('://', ['generic.url-credentials'], 'postgres://app:hunter22@db.internal/x')).toBe(true);
    expect(passes('://', ['generic.git-credentials'], 'https://user:p@ss@word@github.com')).toBe(true);
  });

  it('let a common prefix through only when the token structure follows it', () => {
    const hex32 = '0F3A9C61D27B48E5A90C3F7D1B6E2A48';
    expect(passes('key', ['telnyx.api-key'], `x = "KEY${hex32}_Zp4Rw9Lk2QxT7mVb3NcJ8s"`)).toBe(true);
    expect(passes('key', ['telnyx.api-key'], 'API_KEY=KEY')).toBe(false);
    expect(passes('key', ['telnyx.api-key'], `monkey${hex32}_Zp4Rw9Lk2QxT7mVb3NcJ8s`)).toBe(false);
    expect(passes('api-', ['octopus.api-key'], 'key: API-H3JT9WQ6ZKXB2RMN7PCV4LFY8S')).toBe(true);
    expect(passes('api-', ['octopus.api-key'], 'X-Api-Key: abc')).toBe(false);
    expect(passes('aqe', ['adyen.api-key'], 'k=AQE' + 'a'.repeat(40) + '-b')).toBe(true);
    expect(passes('aqe', ['adyen.api-key'], 'k=AQE' + 'a'.repeat(40))).toBe(false);
    expect(passes('pa-', ['voyage.api-key'], 'k=pa-T4kq_9ZmWx2Lr7Vb-NcY3s8HdJpQ5uGf6AeKo1iRtBz')).toBe(true);
    expect(passes('pa-', ['voyage.api-key'], 'locale: spa-ES')).toBe(false);
    expect(passes('private_', ['imagekit.private-key'], 'k="private_Q8vWz3Lk9TmXr2Pb7NcYs4HdJa6Ge1Uo5Rq="')).toBe(true);
    expect(passes('private_', ['imagekit.private-key'], 'def private_helper(self):')).toBe(false);
  });

  it('apply only to the detectors their rule names', () => {
    expect(keywordGate('connect', 'custom.connect')).toBeUndefined();
    expect(keywordGate('token', 'generic.secret')).toBeUndefined();
  });
});
