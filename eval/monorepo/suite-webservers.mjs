// Red-team suite "webservers": credentials in the configuration of web servers, reverse proxies,
// API gateways and application servers — nginx (htpasswd {PLAIN}, proxy_set_header Authorization,
// map blocks of API keys, ssl_password_file contents, secure_link), Apache httpd (.htaccess SetEnv,
// mod_proxy URLs with credentials, AuthLDAPBindPassword, DBDParams, SSLPassPhraseDialog scripts),
// HAProxy (userlist insecure-password, stats auth, set-header), Traefik (ACME DNS provider env,
// acme.json keys, header middlewares), Caddy (DNS provider tokens, JSON config), Envoy (inline_string
// and SDS secrets), Kong declarative config, Tyk, Varnish, Squid, Tomcat, Jetty (plain and OBF:),
// WildFly (plain, credential-reference, MASK-), IIS (applicationHost/web.config, machineKey),
// lighttpd, PHP-FPM, uWSGI/Gunicorn, PM2, cloudflared, ngrok and Tailscale/Headscale. Decoys are
// password hashes ($apr1$, {SHA}, {SSHA}, bcrypt, crypt, Jetty MD5:/CRYPT:, Tomcat digests, WildFly
// HEX digests), TLS certificates, fingerprints and SPKI pins, CSP nonces, ETags, paths to secret
// files, placeholders, env/vault references, IIS-encrypted values and identifiers that look like
// keys (Kong jwt "key" = iss, OAuth client ids, tunnel ids, account tags). Jetty OBF: and WildFly
// MASK- values are planted as secrets: both decode with a public algorithm and a public default key.
// Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const CRYPT = './' + DIGIT + UPPER + LOWER;
const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@$^&*(-_=+)';

// Jetty's org.eclipse.jetty.util.security.Password.obfuscate, for ASCII input.
function jettyObfuscate(s) {
  const b = Buffer.from(s, 'utf8');
  let out = 'OBF:';
  for (let i = 0; i < b.length; i++) {
    const b1 = b[i];
    const b2 = b[b.length - (i + 1)];
    const x = ((127 + b1 + b2) * 256 + (127 + b1 - b2)).toString(36);
    out += '000'.slice(0, 4 - x.length) + x;
  }
  return out;
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 443);
  const t = makeTokens(rand);
  const repo = new Repo();
  const b64 = (s) => Buffer.from(s).toString('base64');
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  // A password safe in configs where # starts a comment and % is an escape.
  const spw = () => (rand() < 0.5 ? t.password() : t.mixed(ALNUM, 20)).replace(/[#%]/g, '_');
  const apr1 = () => `$apr1$${t.pick(CRYPT, 8)}$${t.pick(CRYPT, 22)}`;
  const bcrypt = (v = '2y', cost = 10) => `$${v}$${cost}$${t.pick(CRYPT, 53)}`;
  const shaHt = () => `{SHA}${bytes(20).toString('base64')}`;
  const sshaHt = () => `{SSHA}${bytes(24).toString('base64')}`;
  const desCrypt = () => t.pick(CRYPT, 13);
  const sha512crypt = () => `$6$${t.pick(CRYPT, 16)}$${t.pick(CRYPT, 86)}`;
  const sha256crypt = () => `$5$${t.pick(CRYPT, 16)}$${t.pick(CRYPT, 43)}`;
  const certLines = () => [
    '-----BEGIN CERTIFICATE-----',
    `MIIF${t.mixed(B64, 60)}`,
    ...Array.from({ length: 6 }, () => t.mixed(B64, 64)),
    `${t.mixed(B64, 30)}==`,
    '-----END CERTIFICATE-----',
  ];
  const fingerprint = () =>
    Array.from({ length: 32 }, () => t.pick(HEX, 2))
      .join(':')
      .toUpperCase();
  const cfGlobalKey = () => t.hex(37);
  const tunnelSecret = () => bytes(32).toString('base64');
  const ngrok = () => `${t.pick('23', 1)}${t.mixed(ALNUM, 26)}_${t.pick(DIGIT, 1)}${t.mixed(ALNUM, 20)}`;
  const tskey = (kind) => `tskey-${kind}-k${t.mixed(ALNUM, 9)}CNTRL-${t.mixed(ALNUM, 32)}`;
  const djangoKey = () => t.pick(DJANGO, 50);
  const laravelKey = () => `base64:${bytes(32).toString('base64')}`;
  const rsaDerB64 = () =>
    Buffer.concat([Buffer.from('308209280201000282020100', 'hex'), bytes(2340)]).toString('base64');
  const kongId = () => t.alnum(32);

  // ---- nginx ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/edge/nginx/nginx.conf', 'nginx');
    f.l('user nginx;', 'worker_processes auto;', '', 'events { worker_connections 4096; }', '', 'http {');
    f.l('    include       mime.types;', '    server_tokens off;');
    f.d('    ssl_password_file /etc/nginx/ssl/global.pass;', 'path to passphrase file');
    f.d('    ssl_session_ticket_key /etc/nginx/ssl/ticket.key;', 'path to ticket key');
    f.l('', '    upstream registry_mirror { server ghcr-mirror.internal:5000; }', '');
    f.l('    server {', '        listen 443 ssl http2;', '        server_name api.acme-corp.io;');
    f.d('        ssl_certificate     /etc/nginx/ssl/api.acme-corp.io.crt;', 'certificate path');
    f.d('        ssl_certificate_key /etc/nginx/ssl/api.acme-corp.io.key;', 'key path');
    f.d(
      `        add_header Public-Key-Pins 'pin-sha256="${bytes(32).toString('base64')}"; pin-sha256="${bytes(32).toString('base64')}"; max-age=5184000';`,
      'hpkp spki pins',
    );
    f.d(
      `        add_header Content-Security-Policy "script-src 'self' 'nonce-${bytes(16).toString('base64')}'";`,
      'static csp nonce',
    );
    f.l('', '        location /admin/ {', '            auth_basic "Restricted";');
    f.d('            auth_basic_user_file /etc/nginx/.htpasswd;', 'path to htpasswd');
    f.l('        }', '', '        location /billing/ {', '            proxy_pass http://billing.internal:8080/;');
    const bp = spw();
    f.s(`            proxy_set_header Authorization "Basic ${b64(`edge-proxy:${bp}`)}";`, 'generic', bp);
    f.l('        }', '', '        location /gh/ {', '            proxy_pass https://api.github.com/;');
    const gh = t.github();
    f.s(`            proxy_set_header Authorization "Bearer ${gh}";`, 'github', gh);
    f.l('        }', '', '        location /mail/ {', '            proxy_pass https://api.sendgrid.com/;');
    const sg = t.sendgrid();
    f.s(`            proxy_set_header Authorization "Bearer ${sg}";`, 'sendgrid', sg);
    f.l('        }', '', '        location /passthrough/ {', '            proxy_pass http://legacy.internal/;');
    f.d('            proxy_set_header Authorization $http_authorization;', 'nginx variable');
    f.d('            proxy_set_header Authorization "Bearer $upstream_token";', 'nginx variable');
    f.l('        }', '', '        location /downloads/ {');
    f.l('            secure_link $arg_md5,$arg_expires;');
    const sl = t.mixed(ALNUM, 24);
    f.s(`            secure_link_md5 "$secure_link_expires$uri$remote_addr ${sl}";`, 'generic', sl);
    f.l('            if ($secure_link = "") { return 403; }', '        }', '    }', '}');
  }
  {
    const f = repo.file('infra/edge/nginx/conf.d/partner-keys.conf', 'nginx');
    f.l('# API keys issued to partners; $api_client is logged and rate-limited per client', '');
    f.l('map $http_x_api_key $api_client {');
    f.d('    default         "";', 'empty default');
    const k1 = t.alnum(32);
    f.s(`    "${k1}"  "partner-northwind";`, 'generic', k1);
    const k2 = t.alnum(32);
    f.s(`    "${k2}"  "partner-contoso";`, 'generic', k2);
    f.l('}', '', 'map $sent_http_etag $cache_status {');
    f.d(`    "\\"${t.hex(32)}\\""  "pinned";`, 'etag value in map');
    f.l('    default  "dynamic";', '}');
  }
  {
    const f = repo.file('infra/edge/nginx/.htpasswd', 'htpasswd');
    f.d(`admin:${apr1()}`, 'apr1 md5 hash');
    f.d(`ops:${shaHt()}`, '{SHA} hash');
    f.d(`deploy:${bcrypt('2y', 10)}`, 'bcrypt hash');
    f.d(`legacy:${desCrypt()}`, 'des crypt hash');
    f.d(`audit:${sshaHt()}`, '{SSHA} hash');
    const plain = spw().replace(/:/g, '');
    f.s(`metrics:{PLAIN}${plain}`, 'generic', plain);
  }
  {
    const f = repo.file('infra/edge/nginx/ssl/global.pass', 'nginx');
    const p = spw();
    f.s(p, 'generic', p);
  }
  {
    const f = repo.file('infra/edge/nginx/ssl/api.acme-corp.io.crt', 'certs');
    f.d(`# SHA256 Fingerprint=${fingerprint()}`, 'certificate fingerprint');
    f.d(certLines(), 'certificate body');
    f.d(certLines(), 'intermediate certificate body');
  }

  // ---- Apache httpd ---------------------------------------------------------------------
  {
    const f = repo.file('infra/edge/apache/conf/httpd.conf', 'apache');
    f.l('ServerRoot "/usr/local/apache2"', 'Listen 443', 'LoadModule ssl_module modules/mod_ssl.so');
    f.d('SSLPassPhraseDialog exec:/usr/local/apache2/bin/ssl-pass.sh', 'passphrase helper path');
    f.d('SSLCertificateKeyFile "/usr/local/apache2/conf/server.key"', 'key path');
    f.l('', '<Location "/intranet">', '    AuthType Basic', '    AuthBasicProvider ldap');
    f.l('    AuthLDAPURL "ldaps://ldap.acme-corp.io/ou=people,dc=acme,dc=io?uid"');
    f.l('    AuthLDAPBindDN "cn=httpd,ou=services,dc=acme,dc=io"');
    const lp = spw();
    f.s(`    AuthLDAPBindPassword "${lp}"`, 'generic', lp);
    f.l(
      '    Require valid-user',
      '</Location>',
      '',
      '<Location "/partners">',
      '    AuthLDAPBindDN "cn=httpd-ro,dc=acme,dc=io"',
    );
    f.d('    AuthLDAPBindPassword "exec:/usr/local/apache2/bin/ldap-pass"', 'exec helper');
    f.l('</Location>', '');
    const np = spw();
    f.s(`ProxyPass "/nexus/" "https://deploy:${np}@nexus.internal.acme-corp.io/repository/"`, 'generic', np);
    f.l('ProxyPassReverse "/nexus/" "https://nexus.internal.acme-corp.io/repository/"');
    const rp = spw();
    f.s(`RequestHeader set Authorization "Basic ${b64(`reports:${rp}`)}"`, 'generic', rp);
    f.d('RequestHeader set X-Forwarded-Proto "https"', 'plain header');
    f.l('', 'DBDriver pgsql');
    const dp = spw().replace(/[' ]/g, '');
    f.s(`DBDParams "host=pg-auth.internal port=5432 user=apache password=${dp} dbname=auth"`, 'database', dp);
    f.d('FileETag MTime Size', 'etag config');
  }
  {
    const f = repo.file('infra/edge/apache/bin/ssl-pass.sh', 'apache');
    f.l('#!/bin/sh', '# called by SSLPassPhraseDialog with "servername:port" and the key type');
    const p = spw().replace(/["$`\\]/g, '');
    f.s(`echo "${p}"`, 'generic', p);
  }
  {
    const f = repo.file('sites/marketing/public/.htaccess', 'apache');
    f.l('AuthType Basic', 'AuthName "Staging"');
    f.d('AuthUserFile /srv/www/marketing/.htpasswd', 'path to htpasswd');
    f.l('Require valid-user', '');
    f.d('RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]', 'rewrite env from header');
    const ak = t.alnum(40);
    f.s(`SetEnv PARTNER_FEED_API_KEY ${ak}`, 'generic', ak);
    const sk = t.stripeLive();
    f.s(`SetEnv STRIPE_SECRET_KEY ${sk}`, 'stripe', sk);
    f.d('SetEnv APP_ENV staging', 'plain env');
  }
  {
    const f = repo.file('infra/edge/apache/conf/.htdigest', 'htpasswd');
    f.d(`admin:Restricted:${t.hex(32)}`, 'htdigest md5');
    f.d(`ops:Restricted:${t.hex(32)}`, 'htdigest md5');
  }

  // ---- HAProxy --------------------------------------------------------------------------
  {
    const f = repo.file('infra/edge/haproxy/haproxy.cfg', 'haproxy');
    f.l('global', '    log stdout format raw local0', '    maxconn 20000', '');
    f.l('userlist admins');
    const up = spw();
    f.s(`    user admin insecure-password ${up}`, 'generic', up);
    f.d(`    user ops password ${sha512crypt()}`, 'sha512-crypt hash');
    f.d(`    user audit password ${sha256crypt()}`, 'sha256-crypt hash');
    f.l('', 'frontend stats', '    bind :8404', '    stats enable', '    stats uri /stats');
    const sp = spw().replace(/:/g, '');
    f.s(`    stats auth admin:${sp}`, 'generic', sp);
    f.d('    stats auth "readonly:${HAPROXY_STATS_PASSWORD}"', 'env reference');
    f.l('', 'frontend https');
    f.d('    bind :443 ssl crt /etc/haproxy/certs/site.pem alpn h2,http/1.1', 'certificate path');
    f.l('    http-request auth realm admins if { path_beg /admin } !{ http_auth(admins) }');
    f.l('    default_backend api', '', 'backend partner_api');
    const pj = t.jwt();
    f.s(`    http-request set-header Authorization "Bearer ${pj}"`, 'generic', pj);
    const xk = t.hex(32);
    f.s(`    http-request set-header X-Api-Key ${xk}`, 'generic', xk);
    f.d('    http-request set-header X-Request-Id %[uuid()]', 'haproxy sample fetch');
    f.d('    server p1 partner.example.net:443 ssl verify required ca-file /etc/haproxy/ca.pem', 'ca path');
  }
  {
    const f = repo.file('infra/edge/haproxy/dataplaneapi.yml', 'haproxy');
    f.l('dataplaneapi:', '  host: 127.0.0.1', '  port: 5555', '  user:', '    - name: admin', '      insecure: true');
    const p = spw();
    f.s(`      password: "${p}"`, 'generic', p);
    f.l('    - name: ci', '      insecure: false');
    f.d(`      password: "${sha512crypt()}"`, 'sha512-crypt hash');
  }

  // ---- Traefik --------------------------------------------------------------------------
  {
    const f = repo.file('infra/edge/traefik/traefik.yml', 'traefik');
    f.l('entryPoints:', '  websecure:', '    address: ":443"', 'certificatesResolvers:', '  letsencrypt:', '    acme:');
    f.l('      email: ops@acme-corp.io');
    f.d('      storage: /letsencrypt/acme.json', 'path to acme storage');
    f.l('      dnsChallenge:', '        provider: cloudflare', 'providers:', '  file:');
    f.d('    directory: /etc/traefik/dynamic', 'path');
  }
  {
    const f = repo.file('infra/edge/traefik/docker-compose.yml', 'traefik');
    f.l('services:', '  traefik:', '    image: traefik:v3.1', '    environment:');
    f.l('      - CF_API_EMAIL=ops@acme-corp.io');
    const cf = t.cloudflare();
    f.s(`      - CF_DNS_API_TOKEN=${cf}`, 'cloudflare', cf);
    const gk = cfGlobalKey();
    f.s(`      - CF_API_KEY=${gk}`, 'cloudflare', gk);
    const dop = t.digitalocean();
    f.s(`      - DO_AUTH_TOKEN=${dop}`, 'digitalocean', dop);
    const ak = t.awsId();
    f.s(`      - AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
    const as = t.awsSecret();
    f.s(`      - AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
    f.d('      - CF_ZONE_API_TOKEN_FILE=/run/secrets/cf_zone_token', 'path to secret file');
    f.l('    labels:', '      - traefik.enable=true');
    f.d(
      `      - "traefik.http.middlewares.dash-auth.basicauth.users=admin:${apr1().replace(/\$/g, '$$$$')}"`,
      'apr1 hash with $$',
    );
    f.d(
      `      - "traefik.http.middlewares.ops-auth.basicauth.users=ops:${bcrypt('2y', 5).replace(/\$/g, '$$$$')}"`,
      'bcrypt with $$',
    );
    f.l('    secrets:', '      - cf_zone_token');
  }
  {
    const f = repo.file('infra/edge/traefik/dynamic/middlewares.yml', 'traefik');
    f.l('http:', '  middlewares:', '    dashboard-auth:', '      basicAuth:', '        users:');
    f.d(`          - "admin:${apr1()}"`, 'apr1 hash');
    f.d(`          - "sre:${bcrypt('2y', 10)}"`, 'bcrypt hash');
    f.l('    file-auth:', '      basicAuth:');
    f.d('        usersFile: /etc/traefik/usersfile', 'path to users file');
    f.l('    partner-headers:', '      headers:', '        customRequestHeaders:');
    const xk = t.mixed(URLSAFE, 40);
    f.s(`          X-Api-Key: "${xk}"`, 'generic', xk);
    const bp = spw();
    f.s(`          Authorization: "Basic ${b64(`traefik:${bp}`)}"`, 'generic', bp);
    f.d('          X-Forwarded-Proto: "https"', 'plain header');
    f.l('    upstream-token:', '      headers:', '        customRequestHeaders:');
    f.d('          Authorization: \'Bearer {{ env "UPSTREAM_TOKEN" }}\'', 'traefik env template');
  }
  {
    const f = repo.file('infra/edge/traefik/letsencrypt/acme.json', 'traefik');
    f.l('{', '  "letsencrypt": {', '    "Account": {', '      "Email": "ops@acme-corp.io",');
    f.d(
      `      "Registration": {"body": {"status": "valid"}, "uri": "https://acme-v02.api.letsencrypt.org/acme/acct/${t.digits(10)}"},`,
      'acme account url',
    );
    const ak = rsaDerB64();
    f.s(`      "PrivateKey": "${ak}",`, 'private-key', ak);
    f.l('      "KeyType": "4096"', '    },', '    "Certificates": [', '      {');
    f.l('        "domain": { "main": "api.acme-corp.io" },');
    f.d(`        "certificate": "${b64(certLines().join('\n') + '\n')}",`, 'base64 certificate chain');
    const ek = b64(t.ecPem().join('\n') + '\n');
    f.s(`        "key": "${ek}",`, 'private-key', ek);
    f.l('        "Store": "default"', '      }', '    ]', '  }', '}');
  }

  // ---- Caddy ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/edge/caddy/Caddyfile', 'caddy');
    f.l('{', '    email ops@acme-corp.io');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.l('    acme_dns route53 {');
    f.s(`        access_key_id ${ak}`, 'aws', ak);
    f.s(`        secret_access_key ${as}`, 'aws', as);
    f.l('    }', '}', '', 'app.acme-corp.io {', '    tls {');
    const cf = t.cloudflareNew();
    f.s(`        dns cloudflare ${cf}`, 'cloudflare', cf);
    f.l('    }', '    basicauth /admin/* {');
    f.d(`        admin ${bcrypt('2a', 14)}`, 'bcrypt hash');
    f.d(`        ops ${bcrypt('2a', 14)}`, 'bcrypt hash');
    f.l('    }', '    header {');
    f.d(`        Content-Security-Policy "script-src 'nonce-${t.mixed(URLSAFE, 22)}'"`, 'csp nonce');
    f.l('    }', '    reverse_proxy /git/* gitlab.internal:443 {');
    const gl = t.gitlab();
    f.s(`        header_up PRIVATE-TOKEN ${gl}`, 'gitlab', gl);
    f.l('    }', '    reverse_proxy /api/* api.internal:8080 {');
    f.d('        header_up Authorization "Bearer {env.UPSTREAM_TOKEN}"', 'caddy env placeholder');
    f.l('    }', '}', '', 'staging.acme-corp.io {', '    tls {');
    f.d('        dns cloudflare {env.CF_API_TOKEN}', 'caddy env placeholder');
    f.l('    }', '}');
  }
  {
    const f = repo.file('infra/edge/caddy/caddy.json', 'caddy');
    f.l('{', '  "apps": {', '    "tls": {', '      "automation": {', '        "policies": [');
    f.l('          {', '            "issuers": [', '              {', '                "module": "acme",');
    f.l('                "challenges": {', '                  "dns": {', '                    "provider": {');
    f.l('                      "name": "digitalocean",');
    const dop = t.digitalocean();
    f.s(`                      "auth_token": "${dop}"`, 'digitalocean', dop);
    f.l(
      '                    }',
      '                  }',
      '                }',
      '              }',
      '            ]',
      '          },',
    );
    f.l('          {', '            "issuers": [{ "module": "acme", "challenges": { "dns": { "provider": {');
    const cf = t.cloudflare();
    f.s(`              "name": "cloudflare", "api_token": "${cf}"`, 'cloudflare', cf);
    f.l('            } } } }]', '          }', '        ]', '      }', '    },');
    f.l('    "http": { "servers": { "srv0": { "routes": [ { "handle": [ {');
    f.l('      "handler": "authentication", "providers": { "http_basic": { "accounts": [');
    f.d(`        { "username": "admin", "password": "${b64(bcrypt('2a', 14))}" }`, 'base64 of a bcrypt hash');
    f.l('      ] } }', '    } ] } ] } } }', '  }', '}');
  }

  // ---- Envoy ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/mesh/envoy/envoy.yaml', 'envoy');
    f.l(
      'static_resources:',
      '  listeners:',
      '    - name: https',
      '      filter_chains:',
      '        - transport_socket:',
    );
    f.l('            name: envoy.transport_sockets.tls', '            typed_config:');
    f.l('              "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext');
    f.l(
      '              common_tls_context:',
      '                tls_certificates:',
      '                  - certificate_chain:',
    );
    f.l('                      inline_string: |');
    f.d(
      certLines().map((l) => `                        ${l}`),
      'inline certificate',
    );
    f.l('                    private_key:', '                      inline_string: |');
    const pk = t.pkcs8Pem();
    f.s(
      pk.map((l) => `                        ${l}`),
      'private-key',
      pk.join('\n'),
    );
    f.l('                validation_context:');
    f.d('                  trusted_ca: { filename: /etc/envoy/certs/ca.pem }', 'ca path');
    f.d(`                  verify_certificate_hash: ["${fingerprint()}"]`, 'certificate hash');
    f.d(`                  verify_certificate_spki: ["${bytes(32).toString('base64')}"]`, 'spki pin');
    f.l('  clusters:', '    - name: partner', '      typed_extension_protocol_options: {}');
    f.l('      request_headers_to_add:', '        - header:', '            key: Authorization');
    const jt = t.jwt();
    f.s(`            value: "Bearer ${jt}"`, 'generic', jt);
    f.l('  secrets:', '    - name: oauth-hmac', '      generic_secret:', '        secret:');
    const hm = bytes(32).toString('base64');
    f.s(`          inline_bytes: ${hm}`, 'generic', hm);
    f.l('    - name: oauth-token', '      generic_secret:', '        secret:');
    const cs = t.mixed(URLSAFE, 40);
    f.s(`          inline_string: "${cs}"`, 'generic', cs);
    f.l('    - name: server-cert-sds', '      tls_certificate:');
    f.d('        certificate_chain: { filename: /etc/envoy/certs/tls.crt }', 'path');
    f.d('        private_key: { filename: /etc/envoy/certs/tls.key }', 'path');
    f.l('  jwt_providers:', '    acme:', '      local_jwks:');
    f.d(
      `        inline_string: '{"keys":[{"kty":"RSA","kid":"${t.hex(16)}","use":"sig","alg":"RS256","e":"AQAB","n":"${t.mixed(URLSAFE, 342)}"}]}'`,
      'public jwks',
    );
  }
  {
    const f = repo.file('infra/mesh/envoy/sds/oauth-secrets.yaml', 'envoy');
    f.l('resources:', '  - "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret');
    f.l('    name: oauth-client', '    generic_secret:', '      secret:');
    const s = t.mixed(ALNUM, 48);
    f.s(`        inline_string: ${s}`, 'generic', s);
    f.l('  - "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret');
    f.l('    name: validation', '    validation_context:');
    f.d('      trusted_ca: { filename: /etc/envoy/certs/ca.pem }', 'path');
    f.d(`      verify_certificate_spki: ["${bytes(32).toString('base64')}"]`, 'spki pin');
  }

  // ---- Kong -----------------------------------------------------------------------------
  {
    const f = repo.file('infra/gateway/kong/kong.yml', 'kong');
    f.l(
      '_format_version: "3.0"',
      '_transform: true',
      '',
      'services:',
      '  - name: orders',
      '    url: http://orders.internal:8080',
    );
    f.l(
      '    plugins:',
      '      - name: request-transformer',
      '        config:',
      '          add:',
      '            headers:',
    );
    const sk = t.stripeLive();
    f.s(`              - "Authorization:Bearer ${sk}"`, 'stripe', sk);
    f.l('consumers:', '  - username: northwind', '    keyauth_credentials:');
    const k1 = kongId();
    f.s(`      - key: ${k1}`, 'generic', k1);
    f.l('    jwt_secrets:', '      - algorithm: HS256');
    f.d(`        key: ${kongId()}`, 'kong jwt key = iss claim identifier');
    const js = kongId();
    f.s(`        secret: ${js}`, 'generic', js);
    f.l('  - username: contoso', '    keyauth_credentials:');
    f.d("      - key: '{vault://env/contoso-api-key}'", 'kong vault reference');
    f.l('    jwt_secrets:', '      - algorithm: RS256');
    f.d(`        key: ${kongId()}`, 'kong jwt key = iss claim identifier');
    f.l('        rsa_public_key: |');
    f.d(
      [
        '          -----BEGIN PUBLIC KEY-----',
        `          MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 20)}`,
        `          ${t.mixed(B64, 64)}`,
        `          ${t.mixed(B64, 64)}`,
        '          -----END PUBLIC KEY-----',
      ],
      'rsa public key',
    );
    f.l('    basicauth_credentials:', '      - username: contoso-batch');
    const bp = spw();
    f.s(`        password: ${JSON.stringify(bp)}`, 'generic', bp);
    f.l('    hmacauth_credentials:', '      - username: contoso-hmac');
    const hs = t.mixed(ALNUM, 32);
    f.s(`        secret: ${hs}`, 'generic', hs);
    f.l('  - username: mobile-app', '    oauth2_credentials:', '      - name: mobile');
    f.d(`        client_id: ${kongId()}`, 'oauth client id');
    const oc = kongId();
    f.s(`        client_secret: ${oc}`, 'generic', oc);
    f.l('        redirect_uris: ["https://app.acme-corp.io/callback"]');
    f.d('  - username: ci\n    keyauth_credentials:\n      - key: "<CHANGE_ME>"', 'placeholder');
  }
  {
    const f = repo.file('infra/gateway/kong/kong.conf', 'kong');
    f.l('database = postgres', 'pg_host = pg-kong.internal', 'pg_user = kong');
    const pp = spw();
    f.s(`pg_password = ${pp}`, 'generic', pp);
    f.d('pg_ro_password = {vault://env/kong-pg-ro-password}', 'kong vault reference');
    f.d('ssl_cert = /etc/kong/ssl/kong.crt', 'path');
    f.d('ssl_cert_key = /etc/kong/ssl/kong.key', 'path');
    const ss = t.mixed(ALNUM, 32);
    f.s(`admin_gui_session_conf = {"secret":"${ss}","storage":"kong","cookie_secure":true}`, 'generic', ss);
  }

  // ---- Tyk ------------------------------------------------------------------------------
  {
    const f = repo.file('infra/gateway/tyk/tyk.conf', 'tyk');
    f.l('{', '  "listen_port": 8080,');
    const s = t.hex(32);
    f.s(`  "secret": "${s}",`, 'generic', s);
    const ns = t.hex(32);
    f.s(`  "node_secret": "${ns}",`, 'generic', ns);
    f.l(
      '  "template_path": "/opt/tyk-gateway/templates",',
      '  "storage": {',
      '    "type": "redis",',
      '    "host": "redis",',
    );
    const rp = spw();
    f.s(`    "password": ${JSON.stringify(rp)},`, 'generic', rp);
    f.l('    "database": 0', '  },', '  "hash_keys": true,');
    f.d(
      `  "policies": { "policy_source": "file", "policy_record_name": "/opt/tyk-gateway/policies/policies.json" },`,
      'path',
    );
    f.l('  "enable_analytics": false', '}');
  }
  {
    const f = repo.file('infra/gateway/tyk/tyk_analytics.conf', 'tyk');
    f.l('{', '  "listen_port": 3000,');
    const mp = spw().replace(/[@:/]/g, '');
    f.s(`  "mongo_url": "mongodb://tyk:${mp}@mongo.internal:27017/tyk_analytics",`, 'mongodb', mp);
    const as = t.hex(32);
    f.s(`  "admin_secret": "${as}",`, 'generic', as);
    f.d('  "shared_node_secret": "",', 'empty');
    f.l('  "tyk_api_config": { "Host": "http://tyk-gateway", "Port": "8080" }', '}');
  }
  {
    const f = repo.file('infra/gateway/tyk/apps/orders.json', 'tyk');
    f.l('{', '  "name": "orders", "api_id": "orders", "use_keyless": false,');
    f.d('  "auth": { "auth_header_name": "Authorization" },', 'header name');
    f.d(`  "org_id": "${t.hex(24)}",`, 'mongo object id');
    f.l('  "proxy": { "listen_path": "/orders/", "target_url": "http://orders.internal:8080" }', '}');
  }

  // ---- Varnish --------------------------------------------------------------------------
  {
    const f = repo.file('infra/cache/varnish/secret', 'varnish');
    const s = bytes(32).toString('base64');
    f.s(s, 'generic', s);
  }
  {
    const f = repo.file('infra/cache/varnish/default.vcl', 'varnish');
    f.l('vcl 4.1;', '', 'backend default { .host = "app.internal"; .port = "8080"; }', '', 'sub vcl_recv {');
    f.l('    if (req.method == "PURGE") {');
    const pt = t.hex(32);
    f.s(`        if (req.http.X-Purge-Token != "${pt}") { return (synth(405)); }`, 'generic', pt);
    f.l('        return (purge);', '    }', '    if (req.url ~ "^/reports/") {');
    const bp = spw();
    f.s(`        set req.http.Authorization = "Basic ${b64(`varnish:${bp}`)}";`, 'generic', bp);
    f.l('    }', '    unset req.http.Cookie;', '}');
  }
  {
    const f = repo.file('infra/cache/varnish/tests/etag.vtc', 'varnish');
    f.l('varnishtest "ETag is passed through"', 'server s1 {', '    rxreq');
    const et = t.hex(32);
    f.d(`    txresp -hdr "ETag: \\"${et}\\"" -body "ok"`, 'etag');
    f.l('} -start', 'varnish v1 -vcl+backend {} -start', 'client c1 {', '    txreq', '    rxresp');
    f.d(`    expect resp.http.ETag == "\\"${et}\\""`, 'etag');
    f.l('} -run');
  }

  // ---- Squid ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/proxy/squid/squid.conf', 'squid');
    f.d('auth_param basic program /usr/lib/squid/basic_ncsa_auth /etc/squid/passwords', 'path to password file');
    f.l('auth_param basic realm proxy', 'acl authenticated proxy_auth REQUIRED', 'http_access allow authenticated');
    const cp = spw().replace(/:/g, '');
    f.s(`cache_peer upstream.proxy.acme-corp.io parent 3128 0 no-query default login=edge:${cp}`, 'generic', cp);
    f.d('cache_peer backup.proxy.acme-corp.io parent 3128 0 no-query login=PASSTHRU', 'passthru keyword');
    const fp = spw().replace(/:/g, '');
    f.s(`cache_peer isp-gw.example.net parent 8080 0 no-query login=*:${fp}`, 'generic', fp);
    const mp = spw();
    f.s(`cachemgr_passwd ${mp} all`, 'generic', mp);
    f.d('cachemgr_passwd disable shutdown', 'disable keyword');
  }
  {
    const f = repo.file('infra/proxy/squid/passwords', 'squid');
    f.d(`alice:${apr1()}`, 'apr1 hash');
    f.d(`bob:${desCrypt()}`, 'des crypt hash');
    f.d(`carol:${bcrypt('2y', 10)}`, 'bcrypt hash');
  }

  // ---- Tomcat ---------------------------------------------------------------------------
  {
    const f = repo.file('apps/legacy-portal/tomcat/conf/tomcat-users.xml', 'tomcat');
    f.l('<?xml version="1.0" encoding="UTF-8"?>', '<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">');
    f.l('  <role rolename="manager-gui"/>', '  <role rolename="manager-script"/>');
    const ap = spw().replace(/["<&]/g, '');
    f.s(`  <user username="admin" password="${ap}" roles="manager-gui,admin-gui"/>`, 'generic', ap);
    f.d(
      `  <user username="deployer" password="${t.hex(32)}$20000$${t.hex(64)}" roles="manager-script"/>`,
      'tomcat pbkdf2 digest',
    );
    f.d(
      '  <user username="monitor" password="${tomcat.monitor.password}" roles="manager-status"/>',
      'property reference',
    );
    f.l('</tomcat-users>');
  }
  {
    const f = repo.file('apps/legacy-portal/tomcat/conf/server.xml', 'tomcat');
    f.l('<Server port="8005" shutdown="SHUTDOWN">', '  <Service name="Catalina">');
    f.l('    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">');
    f.l('      <SSLHostConfig>');
    const kp = spw().replace(/["<&]/g, '');
    f.s(
      `        <Certificate certificateKeystoreFile="conf/keystore.p12" certificateKeystorePassword="${kp}" type="RSA"/>`,
      'generic',
      kp,
    );
    f.l('      </SSLHostConfig>', '    </Connector>');
    const op = spw().replace(/["<&]/g, '');
    f.s(
      `    <Connector port="9443" SSLEnabled="true" scheme="https" secure="true" keystoreFile="conf/legacy.jks" keystorePass="${op}" clientAuth="false" sslProtocol="TLS"/>`,
      'generic',
      op,
    );
    const aj = t.mixed(ALNUM, 32);
    f.s(
      `    <Connector protocol="AJP/1.3" address="127.0.0.1" port="8009" secretRequired="true" secret="${aj}"/>`,
      'generic',
      aj,
    );
    f.d(
      '    <Connector port="8444" truststoreFile="conf/trust.jks" truststorePass="${truststore.password}"/>',
      'property reference',
    );
    f.l('    <Engine name="Catalina" defaultHost="localhost">');
    const lp = spw().replace(/["<&]/g, '');
    f.s(
      `      <Realm className="org.apache.catalina.realm.JNDIRealm" connectionURL="ldaps://ldap.acme-corp.io:636" connectionName="cn=tomcat,ou=services,dc=acme,dc=io" connectionPassword="${lp}" userPattern="uid={0},ou=people,dc=acme,dc=io"/>`,
      'generic',
      lp,
    );
    f.l('    </Engine>', '  </Service>', '</Server>');
  }
  {
    const f = repo.file('apps/legacy-portal/tomcat/conf/context.xml', 'tomcat');
    f.l('<Context>', '  <WatchedResource>WEB-INF/web.xml</WatchedResource>', '  <Resource name="jdbc/portal"');
    f.l(
      '            auth="Container" type="javax.sql.DataSource"',
      '            driverClassName="org.postgresql.Driver"',
    );
    f.l('            url="jdbc:postgresql://pg-portal.internal:5432/portal"', '            username="portal"');
    const dp = spw().replace(/["<&]/g, '');
    f.s(`            password="${dp}"`, 'generic', dp);
    f.l('            maxTotal="20" maxIdle="10"/>');
    f.l('  <Resource name="jdbc/reports" auth="Container" type="javax.sql.DataSource" username="reports"');
    f.d(
      '            password="${db.reports.password}" url="jdbc:postgresql://pg-reports:5432/reports"/>',
      'property reference',
    );
    f.l('</Context>');
  }

  // ---- Jetty ----------------------------------------------------------------------------
  {
    const f = repo.file('apps/search-admin/jetty/etc/realm.properties', 'jetty');
    f.l('# username: password[,rolename ...]');
    const pp = spw().replace(/[,:=\s]/g, '');
    f.s(`admin: ${pp},server-administrator,content-administrator`, 'generic', pp);
    const ob = jettyObfuscate(spw().replace(/[,:=\s]/g, ''));
    f.s(`deployer: ${ob},deployer`, 'generic', ob);
    f.d(`reader: MD5:${t.hex(32)},user`, 'jetty MD5 hash');
    f.d(`guest: CRYPT:${desCrypt()},user`, 'jetty CRYPT hash');
  }
  {
    const f = repo.file('apps/search-admin/jetty/start.d/ssl.ini', 'jetty');
    f.l('--module=ssl', 'jetty.ssl.port=8443');
    f.d('jetty.sslContext.keyStorePath=etc/keystore.p12', 'path');
    const ob = jettyObfuscate(spw().replace(/\s/g, ''));
    f.s(`jetty.sslContext.keyStorePassword=${ob}`, 'generic', ob);
    const km = spw();
    f.s(`jetty.sslContext.keyManagerPassword=${km}`, 'generic', km);
    f.d('jetty.sslContext.trustStorePassword=', 'empty');
  }

  // ---- WildFly / JBoss ------------------------------------------------------------------
  {
    const f = repo.file('apps/claims/wildfly/standalone/configuration/standalone.xml', 'wildfly');
    f.l('<server xmlns="urn:jboss:domain:20.0">', '  <vault>');
    f.d('    <vault-option name="KEYSTORE_URL" value="${jboss.server.config.dir}/vault.keystore"/>', 'path');
    const mask = `MASK-${bytes(24).toString('base64')}`;
    f.s(`    <vault-option name="KEYSTORE_PASSWORD" value="${mask}"/>`, 'generic', mask);
    f.l(
      '    <vault-option name="KEYSTORE_ALIAS" value="vault"/>',
      `    <vault-option name="SALT" value="${t.digits(8)}"/>`,
    );
    f.l('    <vault-option name="ITERATION_COUNT" value="50"/>', '  </vault>', '  <profile>');
    f.l('    <subsystem xmlns="urn:jboss:domain:datasources:7.0">', '      <datasources>');
    f.l('        <datasource jndi-name="java:jboss/datasources/ClaimsDS" pool-name="ClaimsDS">');
    f.l('          <connection-url>jdbc:postgresql://pg-claims.internal:5432/claims</connection-url>');
    f.l('          <security>', '            <user-name>claims</user-name>');
    const dp = spw().replace(/[<&]/g, '');
    f.s(`            <password>${dp}</password>`, 'generic', dp);
    f.l('          </security>', '        </datasource>');
    f.l('        <datasource jndi-name="java:jboss/datasources/AuditDS" pool-name="AuditDS">');
    f.l('          <security>', '            <user-name>audit</user-name>');
    f.d('            <password>${VAULT::ds_AuditDS::password::1}</password>', 'vault reference');
    f.l('          </security>', '        </datasource>');
    f.l('        <datasource jndi-name="java:jboss/datasources/ReportDS" pool-name="ReportDS">');
    f.l('          <security>', '            <user-name>report</user-name>');
    f.d('            <password>${env.REPORT_DB_PASSWORD:}</password>', 'env reference');
    f.l('          </security>', '        </datasource>', '      </datasources>', '    </subsystem>');
    f.l('    <subsystem xmlns="urn:wildfly:elytron:15.0">', '      <tls>', '        <key-stores>');
    f.l('          <key-store name="httpsKS">');
    const cr = spw().replace(/["<&]/g, '');
    f.s(`            <credential-reference clear-text="${cr}"/>`, 'generic', cr);
    f.l(
      '            <implementation type="PKCS12"/>',
      '          </key-store>',
      '          <key-store name="trustKS">',
    );
    f.d('            <credential-reference store="credstore" alias="truststore-pw"/>', 'credential store reference');
    f.l(
      '          </key-store>',
      '        </key-stores>',
      '      </tls>',
      '    </subsystem>',
      '  </profile>',
      '</server>',
    );
  }
  {
    const f = repo.file('apps/claims/wildfly/standalone/configuration/mgmt-users.properties', 'wildfly');
    f.l("# Users for the ManagementRealm: username=HEX( MD5( username ':' realm ':' password))");
    f.d(`admin=${t.hex(32)}`, 'wildfly HEX md5 digest');
    f.d(`#monitor=${t.hex(32)}`, 'disabled digest');
  }

  // ---- IIS / ASP.NET --------------------------------------------------------------------
  {
    const f = repo.file('ops/windows/iis/applicationHost.config', 'iis');
    f.l('<configuration>', '  <system.applicationHost>', '    <applicationPools>');
    f.l('      <add name="PortalPool" managedRuntimeVersion="v4.0">');
    f.d(
      `        <processModel identityType="SpecificUser" userName="ACME\\svc-portal" password="[enc:IISCngProvider:${bytes(180).toString('base64')}:enc]" />`,
      'iis-encrypted password',
    );
    f.l('      </add>', '    </applicationPools>', '    <sites>', '      <site name="Files" id="2">');
    f.l('        <application path="/">');
    const vp = spw().replace(/["<&]/g, '');
    f.s(
      `          <virtualDirectory path="/" physicalPath="\\\\fs01\\public" userName="ACME\\svc-files" password="${vp}" />`,
      'generic',
      vp,
    );
    f.l('        </application>', '      </site>', '    </sites>', '  </system.applicationHost>', '</configuration>');
  }
  {
    const f = repo.file('apps/portal/Web.config', 'iis');
    f.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    const cp = spw().replace(/["<&;]/g, '');
    f.s(
      `    <add name="Portal" connectionString="Server=sql01.acme.local;Database=Portal;User Id=portal_app;Password=${cp};" providerName="System.Data.SqlClient" />`,
      'database',
      cp,
    );
    f.l('  </connectionStrings>', '  <appSettings>');
    const sk = t.stripeLive();
    f.s(`    <add key="StripeSecretKey" value="${sk}" />`, 'stripe', sk);
    f.d('    <add key="SendGridApiKey" value="#{SendGridApiKey}#" />', 'token-replacement placeholder');
    f.l('  </appSettings>', '  <system.web>');
    const vk = t.pick(HEX, 128).toUpperCase();
    const dk = t.pick(HEX, 64).toUpperCase();
    f.s(
      `    <machineKey validationKey="${vk}" decryptionKey="${dk}" validation="HMACSHA256" decryption="AES" />`,
      'aspnet',
      vk,
    );
    f.l('  </system.web>', '</configuration>');
  }
  {
    const f = repo.file('apps/intranet/Web.config', 'iis');
    f.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>');
    f.l('  <connectionStrings configProtectionProvider="RsaProtectedConfigurationProvider">');
    f.l(
      '    <EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element" xmlns="http://www.w3.org/2001/04/xmlenc#">',
    );
    f.l(
      '      <KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><EncryptedKey xmlns="http://www.w3.org/2001/04/xmlenc#">',
    );
    f.d(
      `        <CipherData><CipherValue>${bytes(256).toString('base64')}</CipherValue></CipherData>`,
      'rsa-encrypted key',
    );
    f.l('      </EncryptedKey></KeyInfo>');
    f.d(
      `      <CipherData><CipherValue>${bytes(192).toString('base64')}</CipherValue></CipherData>`,
      'encrypted section',
    );
    f.l('    </EncryptedData>', '  </connectionStrings>', '  <system.web>');
    f.d(
      '    <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" validation="HMACSHA256" />',
      'autogenerate',
    );
    f.l('  </system.web>', '</configuration>');
  }

  // ---- lighttpd -------------------------------------------------------------------------
  {
    const f = repo.file('infra/embedded/lighttpd/lighttpd.conf', 'lighttpd');
    f.l('server.modules += ( "mod_auth", "mod_authn_file", "mod_setenv", "mod_proxy" )');
    f.d('auth.backend.plain.userfile = "/etc/lighttpd/lighttpd.user"', 'path');
    f.d('auth.backend.htdigest.userfile = "/etc/lighttpd/lighttpd.htdigest"', 'path');
    f.l('auth.backend.ldap.hostname = "ldap.acme-corp.io"', 'auth.backend.ldap.bind-dn = "cn=lighttpd,dc=acme,dc=io"');
    const lp = spw().replace(/["\\]/g, '');
    f.s(`auth.backend.ldap.bind-pw = "${lp}"`, 'generic', lp);
    f.l('$HTTP["url"] =~ "^/telemetry" {');
    const bp = spw();
    f.s(`    setenv.add-request-header = ( "Authorization" => "Basic ${b64(`device:${bp}`)}" )`, 'generic', bp);
    f.l('    proxy.server = ( "" => (( "host" => "10.0.0.5", "port" => 9000 )) )', '}');
  }
  {
    const f = repo.file('infra/embedded/lighttpd/lighttpd.user', 'lighttpd');
    const p1 = spw().replace(/:/g, '');
    f.s(`admin:${p1}`, 'generic', p1);
    const p2 = spw().replace(/:/g, '');
    f.s(`installer:${p2}`, 'generic', p2);
  }
  {
    const f = repo.file('infra/embedded/lighttpd/lighttpd.htdigest', 'lighttpd');
    f.d(`admin:device:${t.hex(32)}`, 'htdigest md5');
  }

  // ---- PHP-FPM, uWSGI, Gunicorn ---------------------------------------------------------
  {
    const f = repo.file('apps/shop/docker/php-fpm/www.conf', 'appserver');
    f.l('[www]', 'user = www-data', 'listen = 9000', 'pm = dynamic', 'clear_env = no');
    f.l('env[DB_HOST] = mysql.internal');
    const dp = spw().replace(/[;"]/g, '');
    f.s(`env[DB_PASSWORD] = ${dp}`, 'generic', dp);
    const sk = t.stripeLive();
    f.s(`env[STRIPE_SECRET] = ${sk}`, 'stripe', sk);
    const lk = laravelKey();
    f.s(`env[APP_KEY] = ${lk}`, 'generic', lk);
    f.d('env[REDIS_PASSWORD] = $REDIS_PASSWORD', 'fpm env expansion');
    const rp = t.mixed(ALNUM, 24);
    f.s(`php_value[session.save_path] = "tcp://redis.internal:6379?auth=${rp}"`, 'generic', rp);
    f.d('php_admin_value[error_log] = /var/log/fpm-php.www.log', 'path');
  }
  {
    const f = repo.file('services/catalog/deploy/uwsgi.ini', 'appserver');
    f.l('[uwsgi]', 'module = catalog.wsgi:application', 'master = true', 'processes = 4');
    f.l('env = DJANGO_SETTINGS_MODULE=catalog.settings.prod');
    const dk = `django-insecure-${djangoKey()}`;
    f.s(`env = DJANGO_SECRET_KEY=${dk}`, 'django', dk);
    const pp = spw().replace(/[@:/]/g, '');
    f.s(`env = DATABASE_URL=postgres://catalog:${pp}@pg-catalog.internal:5432/catalog`, 'database', pp);
    f.d('env = SECRET_KEY_FILE=/run/secrets/django_secret_key', 'path');
  }
  {
    const f = repo.file('services/catalog/deploy/gunicorn.conf.py', 'appserver');
    f.l('bind = "0.0.0.0:8000"', 'workers = 4');
    f.d('keyfile = "/etc/ssl/private/catalog.key"', 'path');
    f.d('certfile = "/etc/ssl/certs/catalog.crt"', 'path');
    f.l('raw_env = [', '    "DJANGO_SETTINGS_MODULE=catalog.settings.prod",');
    const dk = djangoKey();
    f.s(`    "DJANGO_SECRET_KEY=${dk}",`, 'django', dk);
    const oa = t.openai();
    f.s(`    "OPENAI_API_KEY=${oa}",`, 'openai', oa);
    f.l(']');
  }
  {
    const f = repo.file('services/catalog/deploy/gunicorn.service', 'appserver');
    f.l('[Unit]', 'Description=catalog gunicorn', '', '[Service]', 'User=catalog');
    f.d('EnvironmentFile=/etc/catalog/env', 'path');
    const ai = t.awsId();
    const as = t.awsSecret();
    f.s(`Environment=AWS_ACCESS_KEY_ID=${ai}`, 'aws', ai);
    f.s(`Environment=AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
    f.l('ExecStart=/srv/catalog/venv/bin/gunicorn -c /srv/catalog/gunicorn.conf.py catalog.wsgi');
  }

  // ---- PM2 ------------------------------------------------------------------------------
  {
    const f = repo.file('apps/notifier/ecosystem.config.js', 'pm2');
    f.l('module.exports = {', '  apps: [', '    {', "      name: 'notifier',", "      script: 'dist/index.js',");
    f.l('      env: {', "        NODE_ENV: 'production',");
    const sb = t.slackBot();
    f.s(`        SLACK_BOT_TOKEN: '${sb}',`, 'slack', sb);
    const dp = spw().replace(/[@:/']/g, '');
    f.s(`        DATABASE_URL: 'postgres://notifier:${dp}@pg.internal:5432/notifier',`, 'database', dp);
    const js = t.hex(64);
    f.s(`        JWT_SECRET: '${js}',`, 'generic', js);
    f.d('        SENDGRID_API_KEY: process.env.SENDGRID_API_KEY,', 'env reference');
    f.l('      },', '    },', '  ],', '  deploy: {', '    production: {', "      user: 'deploy',");
    f.d("      key: '~/.ssh/deploy_ed25519',", 'path to key');
    f.l("      host: ['app1.acme-corp.io'],", "      'post-deploy': 'npm ci && pm2 reload ecosystem.config.js'");
    f.l('    },', '  },', '};');
  }

  // ---- cloudflared ----------------------------------------------------------------------
  {
    const tunnelId = t.uuid();
    const acct = t.hex(32);
    const f = repo.file(`ops/cloudflared/${tunnelId}.json`, 'cloudflared');
    const ts = tunnelSecret();
    f.l('{');
    f.d(`  "AccountTag": "${acct}",`, 'account tag identifier');
    f.s(`  "TunnelSecret": "${ts}",`, 'cloudflare', ts);
    f.d(`  "TunnelID": "${tunnelId}"`, 'tunnel id');
    f.l('}');
    const c = repo.file('ops/cloudflared/config.yml', 'cloudflared');
    c.d(`tunnel: ${tunnelId}`, 'tunnel id');
    c.d(`credentials-file: /etc/cloudflared/${tunnelId}.json`, 'path');
    c.l(
      'ingress:',
      '  - hostname: grafana.acme-corp.io',
      '    service: http://grafana:3000',
      '  - service: http_status:404',
    );
    const d = repo.file('ops/cloudflared/docker-compose.yml', 'cloudflared');
    d.l('services:', '  cloudflared:', '    image: cloudflare/cloudflared:2024.10.0');
    const tok = b64(JSON.stringify({ a: acct, t: t.uuid(), s: tunnelSecret() }));
    d.s(`    command: tunnel --no-autoupdate run --token ${tok}`, 'cloudflare', tok);
    d.l('  cloudflared-staging:', '    image: cloudflare/cloudflared:2024.10.0', '    environment:');
    d.d('      - TUNNEL_TOKEN=${TUNNEL_TOKEN}', 'compose variable');
    const p = repo.file('ops/cloudflared/cert.pem', 'cloudflared');
    const key = t.pkcs8Pem();
    p.s(key, 'private-key', key.join('\n'));
    p.d(certLines(), 'origin certificate');
    const argo = b64(JSON.stringify({ zoneID: t.hex(32), accountID: acct, apiToken: t.cloudflare() })).match(
      /.{1,64}/g,
    );
    p.s(
      ['-----BEGIN ARGO TUNNEL TOKEN-----', ...argo, '-----END ARGO TUNNEL TOKEN-----'],
      'cloudflare',
      argo.join('\n'),
    );
  }

  // ---- ngrok ----------------------------------------------------------------------------
  {
    const f = repo.file('ops/home/.config/ngrok/ngrok.yml', 'ngrok');
    f.l('version: "2"');
    const at = ngrok();
    f.s(`authtoken: ${at}`, 'ngrok', at);
    const ak = ngrok();
    f.s(`api_key: ${ak}`, 'ngrok', ak);
    f.l('tunnels:', '  demo:', '    proto: http', '    addr: 3000', '    basic_auth:');
    const bp = spw().replace(/[:"]/g, '');
    f.s(`      - "demo:${bp}"`, 'generic', bp);
    f.l('  grafana:', '    proto: http', '    addr: 3001', '    oauth:', '      provider: google');
    f.d('      allow_domains: ["acme-corp.io"]', 'plain list');
    const c = repo.file('ops/ci/ngrok.ci.yml', 'ngrok');
    c.l('version: "3"', 'agent:');
    c.d('  authtoken: ${NGROK_AUTHTOKEN}', 'env reference');
    const r = repo.file('docs/dev/webhooks-local.md', 'ngrok');
    r.l('# Testing webhooks locally', '', 'Use the shared team agent (rotate when someone leaves):', '', '```sh');
    const tt = ngrok();
    r.s(`ngrok config add-authtoken ${tt}`, 'ngrok', tt);
    r.l('ngrok http 3000', '```', '');
    r.d('Replace `<YOUR_AUTHTOKEN>` with the token from the dashboard if you use your own.', 'placeholder');
  }

  // ---- Tailscale / Headscale ------------------------------------------------------------
  {
    const f = repo.file('infra/vpn/tailscale/docker-compose.yml', 'tailscale');
    f.l('services:', '  ts-sidecar:', '    image: tailscale/tailscale:v1.76.1', '    environment:');
    const ak = tskey('auth');
    f.s(`      - TS_AUTHKEY=${ak}`, 'tailscale', ak);
    f.l('      - TS_STATE_DIR=/var/lib/tailscale', '      - TS_EXTRA_ARGS=--advertise-tags=tag:edge');
    f.l('  ts-staging:', '    image: tailscale/tailscale:v1.76.1', '    environment:');
    f.d('      - TS_AUTHKEY=${TS_AUTHKEY_STAGING}', 'compose variable');
    const tf = repo.file('infra/vpn/tailscale/provider.tf', 'tailscale');
    tf.l('provider "tailscale" {', '  tailnet = "acme-corp.io"');
    const api = tskey('api');
    tf.s(`  api_key = "${api}"`, 'tailscale', api);
    tf.l('}', '', 'provider "tailscale" {', '  alias = "oauth"');
    tf.d(`  oauth_client_id = "k${t.mixed(ALNUM, 9)}CNTRL"`, 'oauth client id');
    const oc = tskey('client');
    tf.s(`  oauth_client_secret = "${oc}"`, 'tailscale', oc);
    tf.l('}');
  }
  {
    const f = repo.file('infra/vpn/headscale/config.yaml', 'tailscale');
    f.l('server_url: https://hs.acme-corp.io', 'listen_addr: 0.0.0.0:8080');
    f.d('private_key_path: /var/lib/headscale/private.key', 'path');
    f.l('noise:');
    f.d('  private_key_path: /var/lib/headscale/noise_private.key', 'path');
    f.l('database:', '  type: postgres', '  postgres:', '    host: pg-hs.internal', '    user: headscale');
    const dp = spw();
    f.s(`    pass: ${JSON.stringify(dp)}`, 'generic', dp);
    f.l('oidc:', '  issuer: https://login.acme-corp.io');
    f.d(`  client_id: ${t.uuid()}`, 'oidc client id');
    const cs = t.mixed(URLSAFE, 40);
    f.s(`  client_secret: ${cs}`, 'generic', cs);
    f.l('oidc_staging:');
    f.d('  client_secret_path: "${CREDENTIALS_DIRECTORY}/oidc_client_secret"', 'path with systemd variable');
  }
  {
    const f = repo.file('infra/vpn/headscale/private.key', 'tailscale');
    const k = `privkey:${t.hex(64)}`;
    f.s(k, 'generic', k);
  }
  {
    const f = repo.file('docs/vpn/headscale-nodes.txt', 'tailscale');
    f.l('ID | Hostname | Name      | MachineKey      | NodeKey');
    f.d(`1  | edge-1   | edge-1    | mkey:${t.hex(64)} | nodekey:${t.hex(64)}`, 'public machine and node keys');
    f.d(`2  | edge-2   | edge-2    | mkey:${t.hex(64)} | nodekey:${t.hex(64)}`, 'public machine and node keys');
  }
  {
    const f = repo.file('infra/vpn/headscale/join.sh', 'tailscale');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const pk = t.hex(48);
    f.s(
      `tailscale up --login-server https://hs.acme-corp.io --authkey ${pk} --hostname "$(hostname -s)"`,
      'generic',
      pk,
    );
    f.d('tailscale up --login-server https://hs.acme-corp.io --authkey "$HS_PREAUTH_KEY"', 'variable');
  }

  return repo;
}
