// A local HTTPS server on 127.0.0.1 that answers like a provider: each request is recorded
// (method, Host, path, headers, body) and answered by the test's handler, optionally late.
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { TestPki } from './tls.js';
import type { Transport } from '../../../src/verify/http.js';

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: unknown;
  delayMs?: number;
}

export type Handler = (req: RecordedRequest, index: number) => FakeAnswer;

export interface FakeProvider {
  port: number;
  requests: RecordedRequest[];
  maxInFlight: number;
  /** A transport that sends every host to this server and trusts the test CA. */
  transport: Transport;
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

export async function startFakeProvider(
  pki: TestPki,
  initial: Handler = () => ({ status: 404, body: {} }),
): Promise<FakeProvider> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server: Server = createServer({ key: pki.key, cert: pki.cert }, (req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        host: headers['host'] ?? '',
        path: req.url ?? '',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const answer = handler(recorded, requests.length - 1);
      const send = (): void => {
        inFlight--;
        if (res.destroyed) return;
        const isJson = answer.body !== undefined && typeof answer.body !== 'string';
        const body =
          answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status, {
          ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}),
          ...answer.headers,
        });
        res.end(body);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    transport: { resolveTarget: () => ({ host: '127.0.0.1', port }), ca: pki.ca },
    setHandler(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
