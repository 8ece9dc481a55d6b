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

  it('keep markup hits only in an element name or a key/name attribute', () => {
    const markup = ['generic.secret-markup'];
    expect(passes('secret', markup, '<clientSecret>v</clientSecret>')).toBe(true);
    expect(passes('token', markup, '<app:api-token attr="1">v</app:api-token>')).toBe(true);
    expect(passes('pass', markup, '<add key="DbPassword" value="v" />')).toBe(true);
    expect(passes('token', markup, '<entry name = "auth.token">v</entry>')).toBe(true);
    expect(passes('token', markup, 'if (a < b) return this.token;')).toBe(false);
    expect(passes('token', markup, 'const token = "value";')).toBe(false);
    expect(passes('key', markup, '<add key="Color" value="blue" />')).toBe(false);
    expect(passes('secret', markup, 'title="secret sauce"')).toBe(false);
  });

  it('keep password-call hits only where a call opens after the name', () => {
    const call = ['generic.password-call'];
    expect(passes('credential', call, 'new NetworkCredential("svc", "p")')).toBe(true);
    expect(passes('credential', call, 'new UsernamePasswordCredentials ("svc", "p")')).toBe(true);
    expect(passes('passwordauthentication', call, 'new UsernamePasswordAuthenticationToken(u, "p")')).toBe(true);
    expect(passes('auth=', call, 'requests.get(url, auth=("u", "p"))')).toBe(true);
    expect(passes('credential', call, 'const credentials = load();')).toBe(false);
    expect(passes('credential', call, 'credential.user')).toBe(false);
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
    expect(keywordGate('token', 'custom.token')).toBeUndefined();
    expect(keywordGate('auth', 'generic.secret')).toBeUndefined();
  });

  it('open generic detectors only where their syntax can start', () => {
    const secret = (text: string, keyword = 'token'): boolean => passes(keyword, ['generic.secret'], text);
    expect(secret('const token = "x"')).toBe(true);
    expect(secret('API_TOKEN: abc')).toBe(true);
    expect(secret('"token": "abc"')).toBe(true);
    expect(secret("headers['token'] = x")).toBe(true);
    expect(secret('let token: String = "x"')).toBe(true);
    expect(secret('Dim token As String = "x"')).toBe(true);
    expect(secret('token_value ||= "x"')).toBe(true);
    expect(secret('tokens[0] = "x"')).toBe(true);
    expect(secret('buildConfigField "String", "TOKEN", "x"')).toBe(true);
    expect(secret('token' + 'x'.repeat(60) + '(')).toBe(true);
    expect(secret('tokens.push(token)')).toBe(false);
    expect(secret('for key in obj', 'key')).toBe(false);
    expect(secret('Object.keys(options)', 'key')).toBe(false);
    expect(secret('return token;')).toBe(false);

    expect(passes('token', ['generic.secret-default'], '${API_TOKEN:abcdef}')).toBe(true);
    expect(passes('token', ['generic.secret-default'], '${API_TOKEN}')).toBe(false);

    expect(passes('auth', ['generic.auth-tuple'], 'auth = ("u", "p")')).toBe(true);
    expect(passes('auth', ['generic.auth-tuple'], 'BASIC_AUTH\t: ["u", "p"]')).toBe(true);
    expect(passes('cred', ['generic.auth-tuple'], 'creds = ("u", "p")')).toBe(true);
    expect(passes('cred', ['generic.auth-tuple'], 'CREDENTIALS: ("u", "p")')).toBe(true);
    expect(passes('auth', ['generic.auth-tuple'], '"author": "someone"')).toBe(false);
    expect(passes('cred', ['generic.auth-tuple'], 'credit = 5')).toBe(false);

    expect(passes('token', ['generic.secret-flag'], 'cli --token=abc')).toBe(true);
    expect(passes('token', ['generic.secret-flag'], 'cli --auth-token abc')).toBe(true);
    expect(passes('secret', ['generic.secret-flag'], 'cli --secret-key abc')).toBe(true);
    expect(passes('secret', ['generic.secret-flag'], 'cli --client_secret=abc')).toBe(true);
    expect(passes('token', ['generic.secret-flag'], 'const tokens = []')).toBe(false);

    for (const [id, prefix] of [
      ['vault.legacy-service-token', 's'],
      ['vault.legacy-batch-token', 'b'],
      ['vault.legacy-recovery-token', 'r'],
    ] as const) {
      expect(passes('token', [id], `VAULT_TOKEN="${prefix}.AbC"`)).toBe(true);
      expect(passes('token', [id], `token => ${prefix}.AbC`)).toBe(true);
      expect(passes('token', [id], 'token = tokenizer.next()')).toBe(false);
    }

    expect(passes('secret', ['generic.env-list-secret'], '- name: DB_SECRET')).toBe(true);
    expect(passes('secret', ['generic.env-list-secret'], '{"name" : "app-secret"')).toBe(true);
    expect(passes('secret', ['generic.env-list-secret'], 'secret: abc')).toBe(false);
    expect(passes('token', ['generic.value-block-secret'], '  DEPLOY_TOKEN:\n    value: abc')).toBe(true);
    expect(passes('secret', ['generic.value-block-secret'], '"clientSecret": { "value": "abc" }')).toBe(true);
    expect(passes('token', ['generic.value-block-secret'], 'token: abc')).toBe(false);
    expect(passes('pass', ['generic.cloudformation-parameter-default'], '  MasterPassword:\r\n    Type: String')).toBe(
      true,
    );
    expect(passes('pass', ['generic.cloudformation-parameter-default'], 'const password = "x";')).toBe(false);
    expect(passes('tokens', ['consul.agent-acl-token'], '  tokens {')).toBe(true);
    expect(passes('tokens', ['consul.agent-acl-token'], '"tokens": {"agent": "x"}')).toBe(true);
    expect(passes('tokens', ['consul.agent-acl-token'], 'const tokens = lex(src);')).toBe(false);

    expect(passes('pass', ['generic.password-markdown'], '**Password**: `hunter22`')).toBe(true);
    expect(passes('pass', ['generic.password-markdown'], 'password = `x`')).toBe(true);
    expect(passes('pass', ['generic.password-markdown'], 'password: hunter22')).toBe(false);

    const manifest = (text: string): boolean => passes('apiversion:', ['kubernetes.secret-manifest'], text);
    expect(manifest('apiVersion: v1\nkind: Secret')).toBe(true);
    expect(manifest('  apiVersion: "v1"  \r\nkind: Secret')).toBe(true);
    expect(manifest('apiVersion: apps/v1\nkind: Deployment')).toBe(false);
    expect(manifest('  - apiVersion: v1\n')).toBe(false);
    expect(manifest('{ apiVersion: v1 }')).toBe(false);
  });

  it('skip the programming words that share a vendor or prose keyword', () => {
    expect(passes('iterable', ['iterable.api-key'], 'function isIterable(x) {')).toBe(false);
    expect(passes('iterable', ['iterable.api-key-mention'], 'for (const x of iterable) yield x;')).toBe(false);
    expect(passes('iterable', ['iterable.api-key'], 'ITERABLE_API_KEY=')).toBe(true);
    expect(passes('iterable', ['iterable.api-key-mention'], 'Iterable server-side key: ')).toBe(true);
    expect(passes('crypt', ['magento.crypt-key'], "const crypto = require('crypto')")).toBe(false);
    expect(passes('crypt', ['magento.crypt-key'], "'crypt' => ['key' => ")).toBe(true);
    expect(passes('crypt', ['magento.crypt-key'], '<crypt><key>')).toBe(true);
    const sentence = ['generic.password-sentence'];
    expect(passes('password', sentence, 'const passwordField = form.password;')).toBe(false);
    expect(passes('password', sentence, 'the password is Tiger42')).toBe(true);
    expect(passes('account', sentence, 'accountId: 42')).toBe(false);
    expect(passes('login', sentence, 'Login: admin / Tiger42')).toBe(true);
    expect(passes('user', ['generic.markdown-user-password'], 'user.name')).toBe(false);
    expect(passes('user', ['generic.markdown-user-password'], 'username: `admin` / `Tiger42`')).toBe(true);
    expect(passes('token', ['generic.tuple-secret'], 'const token = getToken();')).toBe(false);
    expect(passes('token', ['generic.tuple-secret'], '{api_token, "Xk9q"}')).toBe(true);
    expect(passes('pass', ['generic.env-list-password'], 'password: x')).toBe(false);
    expect(passes('pass', ['generic.env-list-password'], '- name: DB_PASSWORD')).toBe(true);
    expect(passes('token', ['generic.auth-header'], 'const token = "abc";')).toBe(false);
    expect(passes('token', ['generic.auth-header'], "curl -H 'PRIVATE-TOKEN: abc' https://x")).toBe(true);
  });
});
