/**
 * Worker-thread side of bulk.ts: extracts batches of packed worker profiles with a dictionary of its
 * own and posts the encoded features back, then bumps the shared counter the caller may wait on.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { extractBatch, unpackWorkers } from './bulk.ts';
import { TermDictionary } from './features.ts';
import { createSegmenter } from './text.ts';
import { loadThesaurus, thesaurusWords } from './thesaurus.ts';

const { port, signal, thesaurusDir } = workerData as {
  port: MessagePort;
  signal: Int32Array;
  thesaurusDir: string;
};

const th = loadThesaurus(thesaurusDir);
const ctx = { th, seg: createSegmenter(thesaurusWords(th)), dict: new TermDictionary() };

port.on('message', (packed: string) => {
  try {
    const batch = extractBatch(ctx, unpackWorkers(packed));
    port.postMessage(batch, [batch.seg.buffer as ArrayBuffer]);
    Atomics.add(signal, 0, 1);
  } catch {
    Atomics.store(signal, 1, 1);
    Atomics.add(signal, 0, 1);
  }
  Atomics.notify(signal, 0);
});
