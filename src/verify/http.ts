// The only code that opens a network connection for `--verify`: one HTTPS request with node:https,
// certificate verification on, no redirects followed (a 3xx is returned as is), a deadline
// covering connect and body, and a cap on the body size. Tests inject a target resolver and a
// CA; without them it connects to exactly the host it was given.

import type { RequestPlan } from './guard.js';

/** Test-only injection: where to connect for a host, and which CA to trust. */
export interface Transport {
  resolveTarget?: (host: string, port: number) => { host: string; port: number };
  ca?: string | Buffer;
}

export type HttpResult =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'error'; code: string; message: string };

const MAX_BODY_BYTES = 1024 * 1024;

function flatten(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function sendRequest(
  plan: RequestPlan,
  timeoutMs: number,
  transport: Transport = {},
): Promise<HttpResult> {
  // Loaded here, not at the top: the bundled CLI would otherwise load TLS (~5 ms) on every
  // start-up, a pre-commit scan included, though only --verify ever sends a request.
  const [{ request }, { isIP }] = await Promise.all([import('node:https'), import('node:net')]);
  const target = transport.resolveTarget
    ? transport.resolveTarget(plan.host, plan.port)
    : { host: plan.host, port: plan.port };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HttpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const body = plan.body === undefined ? undefined : Buffer.from(plan.body);
    const req = request({
      host: target.host,
      port: target.port,
      // The certificate is checked against the provider's name even when a test redirects the socket.
      ...(isIP(plan.host) === 0 ? { servername: plan.host } : {}),
      method: plan.method,
      path: plan.path,
      headers: {
        ...plan.headers,
        host: plan.port === 443 ? plan.host : `${plan.host}:${plan.port}`,
        'content-length': String(body?.length ?? 0),
      },
      agent: false,
      rejectUnauthorized: true,
      ...(transport.ca ? { ca: transport.ca } : {}),
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ kind: 'error', code: 'ETIMEDOUT', message: `no answer within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ kind: 'error', code: error.code ?? 'EIO', message: error.code ?? error.name });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          finish({ kind: 'error', code: 'ETOOBIG', message: `answer larger than ${MAX_BODY_BYTES / 1024} KB` });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        finish({
          kind: 'response',
          status: res.statusCode ?? 0,
          headers: flatten(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', (error: NodeJS.ErrnoException) =>
        finish({ kind: 'error', code: error.code ?? 'EIO', message: error.code ?? error.name }),
      );
    });
    req.end(body);
  });
}
