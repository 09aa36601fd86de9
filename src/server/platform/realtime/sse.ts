import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BusEvent, RealtimeBus } from './bus.ts';

export interface SseOptions {
  topic: string;
  bus: RealtimeBus;
  /** Events to send first (e.g. the current state), after any replay. */
  initial?: () => Promise<{ type: string; data: unknown }[]>;
  heartbeatMs?: number;
}

function frame(event: { id?: number; type: string; data: unknown }): string {
  const id = event.id ? `id: ${event.id}\n` : '';
  return `${id}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

// One bus event goes to every stream of its topic in this process (thousands for a live
// session): it is serialised once, not once per stream.
const frames = new WeakMap<BusEvent, string>();

function frameOf(event: BusEvent): string {
  let text = frames.get(event);
  if (text === undefined) {
    text = frame(event);
    frames.set(event, text);
  }
  return text;
}

function isInjected(request: FastifyRequest): boolean {
  return request.headers['user-agent'] === 'lightMyRequest';
}

/**
 * Streams a topic as Server-Sent Events: replays what a reconnecting client missed
 * (Last-Event-ID), sends the current state, then live events, with heartbeats so proxies
 * keep the connection open. The reply is hijacked; the function returns when the client leaves.
 */
export async function streamTopic(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SseOptions,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  res.write('retry: 2000\n\n');

  const buffered: BusEvent[] = [];
  let ready = false;
  let lastSent = 0;
  const send = (event: BusEvent) => {
    if (event.id && event.id <= lastSent) {
      return;
    }
    if (event.id) {
      lastSent = event.id;
    }
    res.write(frameOf(event));
  };
  const unsubscribe = options.bus.subscribe(options.topic, (event) => {
    if (ready) {
      send(event);
    } else {
      buffered.push(event);
    }
  });

  const header = request.headers['last-event-id'];
  const lastEventId = Number.parseInt(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''), 10);
  if (Number.isFinite(lastEventId) && lastEventId > 0) {
    for (const event of await options.bus.since(options.topic, lastEventId)) {
      send(event);
    }
  }
  for (const event of (await options.initial?.()) ?? []) {
    res.write(frame(event));
  }
  ready = true;
  for (const event of buffered.splice(0)) {
    send(event);
  }
  if (isInjected(request)) {
    // `app.inject` (tests, the access matrix) cannot hold a stream open: answer with what is there.
    unsubscribe();
    res.end();
    return;
  }

  const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? 15_000);
  await new Promise<void>((resolve) => {
    request.raw.on('close', () => resolve());
  });
  clearInterval(heartbeat);
  unsubscribe();
}
