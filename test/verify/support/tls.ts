// A throwaway certificate authority and one server certificate for every provider host, made
// with the openssl CLI at test time (nothing committed). Tests that need it skip with a clear
// message when openssl is missing.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifiers } from '../../../src/providers/verifiers.js';
import { tempDir } from '../../helpers/tmp.js';

export interface TestPki {
  dir: string;
  caFile: string;
  ca: string;
  cert: string;
  key: string;
}

/** Host names the test certificate covers: every allowlisted host plus test-only self-managed hosts. */
export function certificateHosts(): string[] {
  const hosts = new Set<string>([
    'localhost',
    'gitlab.acme.test',
    'github.acme.test',
    'api.acme.ghe.test',
    'acme.myshopify.com',
    'unlisted.example.test',
  ]);
  for (const v of Object.values(verifiers)) for (const h of v.hosts) if (typeof h === 'string') hosts.add(h);
  return [...hosts];
}

export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let cached: TestPki | undefined;

export function makeTestPki(): TestPki {
  if (cached) return cached;
  const dir = tempDir('tokenscope-pki-');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=tokenscope throwaway test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=tokenscope test provider');
  const san = certificateHosts()
    .map((h) => `DNS:${h}`)
    .concat('IP:127.0.0.1')
    .join(',');
  writeFileSync(
    join(dir, 'ext.cnf'),
    `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`,
  );
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  cached = {
    dir,
    caFile: join(dir, 'ca.pem'),
    ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
    key: readFileSync(join(dir, 'server.key'), 'utf8'),
  };
  return cached;
}
