// Preloaded into the CLI under test (node --import): records every outbound TCP/TLS connect
// attempt (host and port, before any DNS lookup) to the file named by TOKENSCOPE_TEST_CONNECT_LOG.
// TOKENSCOPE_TEST_CONNECT_MODE: `offline` fails every attempt as if there were no network;
// `redirect` sends every attempt to 127.0.0.1:TOKENSCOPE_TEST_REDIRECT_PORT (a fake provider),
// keeping the original name for TLS. Test-only: the product has no such hook.
import net from 'node:net';
import { appendFileSync } from 'node:fs';

const log = process.env.TOKENSCOPE_TEST_CONNECT_LOG;
const mode = process.env.TOKENSCOPE_TEST_CONNECT_MODE ?? 'offline';
const redirectPort = Number(process.env.TOKENSCOPE_TEST_REDIRECT_PORT ?? 0);
const original = net.Socket.prototype.connect;

function target(args) {
  const first = args[0];
  if (Array.isArray(first)) return target(first);
  if (first !== null && typeof first === 'object') {
    // An HTTP request's options also carry `path` (the URL path): only a port-less one is IPC.
    if (first.port === undefined && typeof first.path === 'string') return { path: first.path };
    return { host: first.host ?? 'localhost', port: Number(first.port), options: first };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
}

net.Socket.prototype.connect = function connect(...args) {
  const t = target(args);
  if (t.path !== undefined) return original.apply(this, args); // local IPC (worker pipes), not the network
  if (log) appendFileSync(log, `${JSON.stringify({ host: t.host, port: t.port })}\n`);
  if (mode === 'redirect' && t.options) {
    const options = { ...t.options, host: '127.0.0.1', port: redirectPort };
    const rest = Array.isArray(args[0]) ? args[0].slice(1) : args.slice(1);
    return original.call(this, options, ...rest);
  }
  process.nextTick(() =>
    this.destroy(Object.assign(new Error(`connect ENETUNREACH ${t.host}:${t.port}`), { code: 'ENETUNREACH' })),
  );
  return this;
};
