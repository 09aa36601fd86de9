/**
 * A minimal Server-Sent Events client over fetch, for tests and the bench: it parses frames,
 * lets a caller wait for the next event of a type, and records when each event arrived.
 */
export interface SseEvent {
  id: string | null;
  type: string;
  data: unknown;
  at: number;
}

export interface SseClient {
  events: SseEvent[];
  next(type: string, timeoutMs?: number, after?: number): Promise<SseEvent>;
  on(listener: (event: SseEvent) => void): void;
  close(): void;
  /** Resolves when the stream has answered (headers received). */
  ready: Promise<Response>;
}

export function openSse(url: string, headers: Record<string, string> = {}): SseClient {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const listeners: ((event: SseEvent) => void)[] = [];
  const ready = fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });

  void ready
    .then(async (res) => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          let type = 'message';
          let id: string | null = null;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) {
              type = line.slice(7);
            } else if (line.startsWith('data: ')) {
              data.push(line.slice(6));
            } else if (line.startsWith('id: ')) {
              id = line.slice(4);
            }
          }
          if (data.length === 0) {
            continue;
          }
          let parsed: unknown = data.join('\n');
          try {
            parsed = JSON.parse(parsed as string);
          } catch {
            // not JSON: keep the text
          }
          const event = { id, type, data: parsed, at: performance.now() };
          events.push(event);
          for (const l of listeners) {
            l(event);
          }
        }
      }
    })
    .catch(() => undefined);

  return {
    events,
    ready,
    on(listener) {
      listeners.push(listener);
    },
    next(type, timeoutMs = 2000, after = 0) {
      const seen = events.find((e) => e.type === type && e.at >= after);
      if (seen) {
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        listeners.push((event) => {
          if (event.type === type && event.at >= after) {
            clearTimeout(timer);
            resolve(event);
          }
        });
      });
    },
    close() {
      controller.abort();
    },
  };
}
