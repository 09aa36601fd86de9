import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The load generator of `gongyou bench live`, run in a child process of its own so that the
 * bench process (which holds thousands of SSE viewers) does not measure its own event loop.
 * It writes raw HTTP/1.1 requests on a few keep-alive connections per API process, pipelining
 * many per connection, and only reads status lines and content lengths back: per request it
 * costs a buffer write and a header scan, far less than node's http client.
 */
export interface LoadSpec {
  ports: number[];
  /** Raw requests without the Host line: request i goes to port i % ports.length, text i % texts.length. */
  texts: string[];
  /** Requests per second to send. */
  rate: number;
  /** Stop sending after this many seconds… */
  seconds: number;
  /** …or after this many requests, whichever comes first. */
  total?: number;
  connectionsPerPort: number;
  /** Requests waiting for an answer on one connection before it counts as full. */
  maxInFlight: number;
}

export interface LoadResult {
  sent: number;
  answered: number;
  statuses: Record<string, number>;
  /** Requests lost to a socket error or close before an answer. */
  errors: number;
  /** Seconds from the first request to the last answer. */
  seconds: number;
  /** Seconds spent sending (to the last request written). */
  sendSeconds: number;
  /** The longest time the sender was behind its schedule by more than 50 ms. */
  maxLagMs: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

interface Conn {
  port: number;
  socket: net.Socket;
  sentAt: number[];
  head: number;
  buffer: Buffer;
  open: boolean;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Runs a load in this process. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let answered = 0;
  let errors = 0;
  let sent = 0;
  let lastAnswer = 0;
  const texts = spec.ports.map((port) =>
    spec.texts.map((t) => t.replace('\r\n', `\r\nhost: 127.0.0.1:${port}\r\n`)),
  );
  const total = spec.total ?? Number.POSITIVE_INFINITY;
  let finished: () => void = () => undefined;
  const allAnswered = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const settle = () => {
    if (doneSending && answered + errors >= sent) {
      finished();
    }
  };
  let doneSending = false;

  function parse(conn: Conn, chunk: Buffer): void {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    let pos = 0;
    const buf = conn.buffer;
    for (;;) {
      const end = buf.indexOf(HEADER_END, pos);
      if (end < 0) {
        break;
      }
      const head = buf.toString('latin1', pos, end);
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      const length = m ? Number(m[1]) : 0;
      if (buf.length < end + 4 + length) {
        break;
      }
      const status = head.slice(9, 12);
      statuses[status] = (statuses[status] ?? 0) + 1;
      const now = performance.now();
      latencies.push(now - conn.sentAt[conn.head]!);
      conn.head += 1;
      answered += 1;
      lastAnswer = now;
      pos = end + 4 + length;
    }
    conn.buffer = pos >= buf.length ? Buffer.alloc(0) : buf.subarray(pos);
    if (conn.head > 4096 && conn.head === conn.sentAt.length) {
      conn.sentAt = [];
      conn.head = 0;
    }
    settle();
  }

  function open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
      const conn: Conn = { port, socket, sentAt: [], head: 0, buffer: Buffer.alloc(0), open: false };
      socket.once('connect', () => {
        conn.open = true;
        resolve(conn);
      });
      socket.on('data', (chunk: Buffer) => parse(conn, chunk));
      socket.on('error', (error) => {
        if (!conn.open) {
          reject(error);
        }
      });
      socket.on('close', () => {
        conn.open = false;
        errors += conn.sentAt.length - conn.head;
        conn.head = conn.sentAt.length;
        settle();
      });
    });
  }

  const conns = new Map<number, Conn[]>();
  for (const port of spec.ports) {
    conns.set(port, await Promise.all(Array.from({ length: spec.connectionsPerPort }, () => open(port))));
  }
  const cursor = new Map<number, number>(spec.ports.map((p) => [p, 0]));

  const start = performance.now();
  let maxLagMs = 0;
  let lagSince: number | null = null;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const elapsed = (now - start) / 1000;
      if (elapsed >= spec.seconds || sent >= total) {
        resolve();
        return;
      }
      const due = Math.min(total, Math.floor(elapsed * spec.rate));
      // Requests of this tick, grouped per connection so each gets one write.
      const batches = new Map<Conn, string[]>();
      while (sent < due) {
        const port = spec.ports[sent % spec.ports.length]!;
        const list = conns.get(port)!;
        let picked: Conn | null = null;
        for (let k = 0; k < list.length; k++) {
          const index = (cursor.get(port)! + k) % list.length;
          const c = list[index]!;
          if (c.open && c.sentAt.length - c.head < spec.maxInFlight) {
            picked = c;
            cursor.set(port, (index + 1) % list.length);
            break;
          }
        }
        if (!picked) {
          break;
        }
        const text = texts[spec.ports.indexOf(port)]![sent % spec.texts.length]!;
        let batch = batches.get(picked);
        if (!batch) {
          batch = [];
          batches.set(picked, batch);
        }
        batch.push(text);
        picked.sentAt.push(now);
        sent += 1;
      }
      for (const [conn, batch] of batches) {
        conn.socket.write(batch.join(''));
      }
      const behindMs = ((due - sent) / spec.rate) * 1000;
      if (behindMs > 50) {
        lagSince ??= now;
        maxLagMs = Math.max(maxLagMs, now - lagSince);
      } else {
        lagSince = null;
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  const sendSeconds = (performance.now() - start) / 1000;
  doneSending = true;
  settle();
  await allAnswered;
  for (const list of conns.values()) {
    for (const c of list) {
      c.socket.destroy();
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    sent,
    answered,
    statuses,
    errors,
    seconds: Math.round(((Math.max(lastAnswer, start) - start) / 1000) * 100) / 100,
    sendSeconds: Math.round(sendSeconds * 100) / 100,
    maxLagMs: Math.round(maxLagMs),
    latencyMs: {
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
    },
  };
}

/** A raw HTTP/1.1 request (the Host line is added per port). */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): string {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const lines = [`${method} ${path} HTTP/1.1`];
  for (const [k, v] of Object.entries(headers)) {
    lines.push(`${k}: ${v}`);
  }
  if (payload) {
    lines.push('content-type: application/json');
  }
  lines.push(`content-length: ${Buffer.byteLength(payload)}`);
  return `${lines.join('\r\n')}\r\n\r\n${payload}`;
}

/** Runs a load in a child process of its own (node with tsx), so the caller's event loop stays free. */
export function runLoadInChild(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load-child'], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: LoadResult | null = null;
    child.on('message', (message) => {
      result = message as LoadResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) {
        resolve(result);
      } else {
        reject(new Error(`load generator exited with ${code}`));
      }
    });
    child.send(spec);
  });
}

if (process.argv.includes('--load-child') && process.send) {
  process.once('message', (spec: LoadSpec) => {
    runLoad(spec).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`load generator: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
