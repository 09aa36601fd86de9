/**
 * Bulk loading of worker profiles (start-up builds a million of them): feature extraction — the
 * costly part, text normalisation, segmentation and thesaurus scans — runs on a worker thread and on
 * the calling thread at the same time, each with a dictionary of its own; the calling thread then
 * applies the results strictly in input order, translating local term ids to the engine's dictionary
 * as it goes. Terms are interned in the same order as a one-by-one load, so the index, the term ids
 * and every result are identical to calling upsertWorker for each record in turn.
 *
 * The call is synchronous (the caller sees a loaded index when it returns, as with upsertWorker): the
 * calling thread blocks on a shared counter only when it has nothing else to do, and receives the
 * thread's results with receiveMessageOnPort. The thread lives for one call and is terminated at the
 * end; if it cannot start or fails, the calling thread extracts the outstanding records itself. No I/O
 * beyond what the engine does anyway (the thread reads the same thesaurus files).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ExtractContext, WorkerFeatures } from './features.ts';
import { extractWorker, TermDictionary } from './features.ts';
import type { MatchWorker } from './match.types.ts';
import type { Thesaurus } from './thesaurus.ts';
import { encodedLength } from './worker.store.ts';

/** Batches extracted by the thread and by the caller in the last bulkExtract (diagnostics). */
export const bulkStats = { threadBatches: 0, localBatches: 0, waitedMs: 0 };

/** Records per message to the thread. */
const BATCH = 1024;
/** Batches handed to the thread and not yet applied: it always has the next one queued. */
const THREAD_AHEAD = 3;
/** Batches extracted but not yet applied (waiting for an earlier batch of the thread). */
const MAX_QUEUED = 64;
/** Below this many records a thread costs more to start than it saves. */
export const BULK_MIN_RECORDS = 20_000;
/** Give up on a thread that has not answered for this long (it failed to start or crashed). */
const STALL_MS = 60_000;

// Packing: records cross to the thread as one string (fields separated by \u0001, list items by
// \u0002, null/empty list as \u0003): a fraction of the cost of structured cloning the objects.
const F = '\u0001';
const L = '\u0002';
const NIL = '\u0003';
const FIELDS = 14;

/** True when a string holds one of the separators (then its record is extracted on this thread). */
function hasReserved(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 1 && c <= 3) {
      return true;
    }
  }
  return false;
}

function packString(s: string | null): string | undefined {
  if (s === null) {
    return NIL;
  }
  return hasReserved(s) ? undefined : s;
}

function packList(items: readonly string[]): string | undefined {
  if (items.length === 0) {
    return NIL;
  }
  for (const s of items) {
    if (hasReserved(s)) {
      return undefined;
    }
  }
  return items.join(L);
}

const packNumber = (v: number | null): string => (v === null || v === undefined ? NIL : String(v));

/** One record as FIELDS packed fields, or undefined when a string holds a reserved character. */
export function packWorker(w: MatchWorker): string | undefined {
  const parts = [
    packList(w.desiredTrades),
    packString(w.summary),
    packList(w.skills),
    packList(w.certificates),
    packString(w.education),
    packNumber(w.years),
    packString(w.hometownProvince),
    packString(w.city),
    packNumber(w.lat),
    packNumber(w.lng),
    packNumber(w.maxCommuteKm),
    w.willingToRelocate ? '1' : '0',
    packNumber(w.expectedSalary),
    packList(w.languages),
  ];
  for (const p of parts) {
    if (p === undefined) {
      return undefined;
    }
  }
  return parts.join(F);
}

const unpackString = (s: string): string | null => (s === NIL ? null : s);
const unpackList = (s: string): string[] => (s === NIL ? [] : s.split(L));
const unpackNumber = (s: string): number | null => (s === NIL ? null : Number(s));

/** The records of a packed batch (only the fields extraction reads). */
export function unpackWorkers(text: string): MatchWorker[] {
  const f = text.split(F);
  const out: MatchWorker[] = [];
  for (let i = 0; i + FIELDS <= f.length; i += FIELDS) {
    const v = (k: number): string => f[i + k] as string;
    out.push({
      id: '',
      name: '',
      desiredTrades: unpackList(v(0)),
      summary: unpackString(v(1)) ?? '',
      skills: unpackList(v(2)),
      certificates: unpackList(v(3)),
      education: unpackString(v(4)),
      years: unpackNumber(v(5)),
      hometownProvince: unpackString(v(6)),
      city: unpackString(v(7)),
      lat: unpackNumber(v(8)),
      lng: unpackNumber(v(9)),
      maxCommuteKm: unpackNumber(v(10)),
      willingToRelocate: v(11) === '1',
      expectedSalary: unpackNumber(v(12)),
      languages: unpackList(v(13)),
    });
  }
  return out;
}

/**
 * Lossless flat form of WorkerFeatures for the trip back from the thread (the store's Int32 segments
 * round coordinates and weights; the index must see the same values as a one-by-one load): the same
 * layout as a worker.store.ts segment, every value as a double.
 */
const HEADER = 13;

function encodeExact(f: WorkerFeatures, out: Float64Array, at: number, len: number): void {
  out[at] = len;
  out[at + 1] = (f.willingToRelocate ? 1 : 0) | (f.openAnywhere ? 2 : 0);
  out[at + 2] = f.lat;
  out[at + 3] = f.lng;
  out[at + 4] = f.maxCommuteKm;
  out[at + 5] = f.expectedSalary;
  out[at + 6] = f.salaryFloor;
  out[at + 7] = f.years;
  out[at + 8] = f.education;
  out[at + 9] = f.city;
  out[at + 10] = f.province;
  out[at + 11] = f.homeProvince;
  out[at + 12] = f.needs;
  let p = at + HEADER;
  out[p++] = f.trades.length;
  for (let i = 0; i < f.trades.length; i++) {
    out[p++] = f.trades[i] as number;
    out[p++] = f.tradeWeights[i] as number;
  }
  for (const l of [
    f.rawTrades,
    f.bag,
    f.certFamilies,
    f.certRanks,
    f.languages,
    f.prefCities,
    f.prefProvinces,
    f.prefRegions,
    f.avoidRegions,
    f.avoidProvinces,
    f.limitProvinces,
  ]) {
    out[p++] = l.length;
    for (let i = 0; i < l.length; i++) {
      out[p++] = l[i] as number;
    }
  }
}

function decodeExact(buf: Float64Array, off: number): WorkerFeatures {
  const flags = buf[off + 1] as number;
  let p = off + HEADER;
  const nT = buf[p++] as number;
  const trades: number[] = new Array(nT);
  const tradeWeights: number[] = new Array(nT);
  for (let i = 0; i < nT; i++) {
    trades[i] = buf[p++] as number;
    tradeWeights[i] = buf[p++] as number;
  }
  const next = (): number[] => {
    const n = buf[p++] as number;
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = buf[p++] as number;
    }
    return out;
  };
  const rawTrades = next();
  const bag = next();
  const certFamilies = next();
  const certRanks = next();
  const languages = next();
  const prefCities = next();
  const prefProvinces = next();
  const prefRegions = next();
  const avoidRegions = next();
  const avoidProvinces = next();
  const limitProvinces = next();
  return {
    trades,
    tradeWeights,
    rawTrades,
    bag,
    certFamilies,
    certRanks,
    languages,
    education: buf[off + 8] as number,
    years: buf[off + 7] as number,
    lat: buf[off + 2] as number,
    lng: buf[off + 3] as number,
    city: buf[off + 9] as number,
    province: buf[off + 10] as number,
    homeProvince: buf[off + 11] as number,
    maxCommuteKm: buf[off + 4] as number,
    willingToRelocate: (flags & 1) !== 0,
    expectedSalary: buf[off + 5] as number,
    salaryFloor: buf[off + 6] as number,
    needs: buf[off + 12] as number,
    prefCities,
    prefProvinces,
    prefRegions,
    avoidRegions,
    avoidProvinces,
    limitProvinces,
    openAnywhere: (flags & 2) !== 0,
  };
}

/**
 * A hash of what extraction depends on in a thesaurus (every surface with what it names, the trade
 * tree): the thread re-reads the files, which union staff may have edited since the engine loaded
 * them; its results are used only if it sees the same thesaurus.
 */
export function thesaurusFingerprint(th: Thesaurus): number {
  const known = fingerprints.get(th);
  if (known !== undefined) {
    return known;
  }
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    h = Math.imul(h ^ v, 0x01000193);
  };
  for (const [surface, entries] of th.lexicon) {
    for (let i = 0; i < surface.length; i++) {
      mix(surface.charCodeAt(i));
    }
    for (const e of entries) {
      mix(e.id);
      mix(e.kind.length);
      mix(e.canonical ? 1 : 0);
    }
  }
  for (const t of th.trades) {
    mix(t.parents.length);
    for (const p of t.parents) {
      mix(p);
    }
  }
  for (const sk of th.skills) {
    for (const t of sk.trades) {
      mix(t);
    }
  }
  for (const c of th.certs) {
    mix(c.rank ?? -1);
    for (let i = 0; i < c.family.length; i++) {
      mix(c.family.charCodeAt(i));
    }
  }
  fingerprints.set(th, h >>> 0);
  return h >>> 0;
}

const fingerprints = new WeakMap<Thesaurus, number>();

/** Extraction results of a batch, with term ids of a local dictionary. */
export interface ExtractedBatch {
  /** thesaurusFingerprint of the thesaurus used. */
  thesaurus: number;
  /** Features in the lossless flat form, back to back (each starts with its length). */
  seg: Float64Array;
  /** Local dictionary size after each record: the terms it added are [marks[i-1], marks[i]). */
  marks: Int32Array;
  /** Terms the local dictionary added during this batch, in order. */
  terms: string[];
}

/** Extracts a batch with a local dictionary (used on both sides). */
export function extractBatch(ctx: ExtractContext, records: readonly MatchWorker[]): ExtractedBatch {
  const dict = ctx.dict;
  const before = dict.size;
  const feats: WorkerFeatures[] = [];
  const marks = new Int32Array(records.length);
  let total = 0;
  for (let i = 0; i < records.length; i++) {
    const f = extractWorker(ctx, records[i] as MatchWorker);
    feats.push(f);
    total += encodedLength(f);
    marks[i] = dict.size;
  }
  const seg = new Float64Array(total);
  let at = 0;
  for (const f of feats) {
    const len = encodedLength(f);
    encodeExact(f, seg, at, len);
    at += len;
  }
  return { thesaurus: thesaurusFingerprint(ctx.th), seg, marks, terms: dict.terms.slice(before) };
}

interface Pending {
  records: MatchWorker[];
  /** Packed records sent to the thread (kept to re-extract locally if the thread fails). */
  viaThread: boolean;
  result?: ExtractedBatch;
  /** For batches extracted on this thread: features with local ids, no encoding round trip. */
  local?: WorkerFeatures[];
  localMarks?: Int32Array;
}

/** Ascending insertion sort: a profile's bag holds a few dozen ids. */
function sortSmall(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Translation of one source's local term ids to the engine's. */
class Remap {
  map = new Int32Array(1024);
  done = 0;

  /** `terms[k]` is local term k (the source's dictionary, or the terms received so far). */
  constructor(readonly terms: string[]) {}

  /** Interns local terms up to `mark` (exclusive), in order. */
  advance(mark: number, dict: TermDictionary): void {
    if (mark > this.map.length) {
      let n = this.map.length * 2;
      while (n < mark) {
        n *= 2;
      }
      const m = new Int32Array(n);
      m.set(this.map);
      this.map = m;
    }
    for (let k = this.done; k < mark; k++) {
      this.map[k] = dict.intern(this.terms[k] as string);
    }
    if (mark > this.done) {
      this.done = mark;
    }
  }

  ids(list: number[]): void {
    const map = this.map;
    for (let i = 0; i < list.length; i++) {
      list[i] = map[list[i] as number] as number;
    }
  }

  features(f: WorkerFeatures): WorkerFeatures {
    this.ids(f.rawTrades);
    this.ids(f.bag);
    sortSmall(f.bag);
    this.ids(f.certFamilies);
    return f;
  }
}

/** The ESM entry of tsx's register API (import.meta.resolve is missing under some test runners). */
function tsxApiUrl(): string {
  const meta = import.meta as ImportMeta & { resolve?: (specifier: string) => string };
  if (typeof meta.resolve === 'function') {
    return meta.resolve('tsx/esm/api');
  }
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

interface ThreadLink {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

function startThread(thesaurusDir: string): ThreadLink | undefined {
  try {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const entry = new URL('./extract.worker.ts', import.meta.url).href;
    const tsx = tsxApiUrl();
    // The thread starts without the parent's loader flags and registers tsx itself, so it loads the
    // TypeScript sources whether the parent runs under tsx, the CLI's register() or vitest.
    const boot = `
const { workerData } = require('node:worker_threads');
import(${JSON.stringify(tsx)})
  .then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}); })
  .catch((err) => {
    const s = workerData.signal;
    Atomics.store(s, 1, 1);
    Atomics.add(s, 0, 1);
    Atomics.notify(s, 0);
    throw err;
  });`;
    const worker = new Worker(boot, {
      eval: true,
      execArgv: [],
      workerData: { port: port2, signal, thesaurusDir },
      transferList: [port2],
    });
    worker.unref();
    // Errors surface through the shared signal; the event only keeps them from being unhandled.
    worker.on('error', () => undefined);
    return { worker, port: port1, signal };
  } catch {
    return undefined;
  }
}

/**
 * Extracts `records` in parallel and calls `apply(record, features)` for each, in input order, with
 * features whose term ids belong to `ctx.dict`.
 */
export function bulkExtract(
  ctx: ExtractContext,
  records: Iterable<MatchWorker>,
  apply: (w: MatchWorker, f: WorkerFeatures) => void,
  prelude?: (tick: () => void) => void,
): void {
  bulkStats.threadBatches = 0;
  bulkStats.localBatches = 0;
  bulkStats.waitedMs = 0;
  let link = startThread(ctx.th.dir);
  const fingerprint = thesaurusFingerprint(ctx.th);
  const mainCtx: ExtractContext = { th: ctx.th, seg: ctx.seg, dict: new TermDictionary() };
  const mainRemap = new Remap(mainCtx.dict.terms);
  const threadRemap = new Remap([]);
  const queue: Pending[] = [];
  let head = 0;
  let inThread = 0;

  const extractHere = (p: Pending): void => {
    const dict = mainCtx.dict;
    const marks = new Int32Array(p.records.length);
    const feats: WorkerFeatures[] = [];
    for (let i = 0; i < p.records.length; i++) {
      feats.push(extractWorker(mainCtx, p.records[i] as MatchWorker));
      marks[i] = dict.size;
    }
    p.local = feats;
    p.localMarks = marks;
    bulkStats.localBatches++;
  };

  const fail = (): void => {
    // The thread is gone: everything it still owed is extracted here.
    if (link) {
      void link.worker.terminate();
      link = undefined;
    }
    for (let i = head; i < queue.length; i++) {
      const p = queue[i] as Pending;
      if (p.viaThread && !p.result) {
        p.viaThread = false;
        extractHere(p);
      }
    }
    inThread = 0;
  };

  /** Takes the thread's finished batches (in order); blocks until one arrives when `wait`. */
  const receive = (wait: boolean): void => {
    if (!link) {
      return;
    }
    const started = Date.now();
    for (;;) {
      const seen = Atomics.load(link.signal, 0);
      const msg = receiveMessageOnPort(link.port);
      if (msg) {
        const result = msg.message as ExtractedBatch;
        if (result.thesaurus !== fingerprint) {
          // The files changed since the engine loaded them: only this thread's thesaurus counts.
          fail();
          return;
        }
        // Results come back in the order the batches were sent.
        const p = queue.find((q, i) => i >= head && q.viaThread && !q.result);
        if (p) {
          p.result = result;
          inThread--;
          bulkStats.threadBatches++;
        }
        if (!wait) {
          continue;
        }
        return;
      }
      if (Atomics.load(link.signal, 1) !== 0) {
        fail();
        return;
      }
      if (!wait) {
        return;
      }
      if (Date.now() - started > STALL_MS) {
        fail();
        return;
      }
      const t0 = performance.now();
      Atomics.wait(link.signal, 0, seen, 100);
      bulkStats.waitedMs += performance.now() - t0;
    }
  };

  const applyReady = (): void => {
    while (head < queue.length) {
      const p = queue[head] as Pending;
      if (p.local && p.localMarks) {
        for (let i = 0; i < p.records.length; i++) {
          mainRemap.advance(p.localMarks[i] as number, ctx.dict);
          apply(p.records[i] as MatchWorker, mainRemap.features(p.local[i] as WorkerFeatures));
        }
      } else if (p.result) {
        const r = p.result;
        for (const t of r.terms) {
          threadRemap.terms.push(t);
        }
        let at = 0;
        for (let i = 0; i < p.records.length; i++) {
          threadRemap.advance(r.marks[i] as number, ctx.dict);
          const f = decodeExact(r.seg, at);
          at += r.seg[at] as number;
          apply(p.records[i] as MatchWorker, threadRemap.features(f));
        }
      } else {
        return;
      }
      queue[head] = undefined as unknown as Pending;
      head++;
    }
  };

  let batch: MatchWorker[] = [];
  const dispatch = (records: MatchWorker[], ahead = false): void => {
    const p: Pending = { records, viaThread: false };
    queue.push(p);
    if (link && (ahead || inThread < THREAD_AHEAD)) {
      let packed = '';
      let ok = true;
      for (let i = 0; i < records.length && ok; i++) {
        const s = packWorker(records[i] as MatchWorker);
        if (s === undefined) {
          ok = false;
        } else {
          packed = i === 0 ? s : `${packed}${F}${s}`;
        }
      }
      if (ok) {
        p.viaThread = true;
        inThread++;
        link.port.postMessage(packed);
        return;
      }
    }
    // The thread has enough queued: this thread extracts the batch meanwhile.
    extractHere(p);
  };

  const it = records[Symbol.iterator]();
  try {
    if (prelude) {
      // Work that must be applied first (the postings) runs here while the thread starts on the first
      // profiles; `tick` (called by the prelude every few hundred records) keeps the thread fed. Its
      // results wait in the queue and are applied afterwards, in order.
      let exhausted = false;
      const tick = (): void => {
        if (!link || exhausted) {
          return;
        }
        receive(false);
        while (link && inThread < THREAD_AHEAD && !exhausted) {
          const next: MatchWorker[] = [];
          while (next.length < BATCH) {
            const r = it.next();
            if (r.done) {
              exhausted = true;
              break;
            }
            next.push(r.value);
          }
          if (next.length > 0) {
            dispatch(next, true);
          }
        }
      };
      tick();
      prelude(tick);
    }
    for (let r = it.next(); !r.done; r = it.next()) {
      batch.push(r.value);
      if (batch.length === BATCH) {
        dispatch(batch);
        batch = [];
        receive(false);
        applyReady();
        // Backpressure: do not run far ahead of a slow (or still starting) thread.
        while (queue.length - head > MAX_QUEUED) {
          receive(true);
          applyReady();
        }
      }
    }
    if (batch.length > 0) {
      dispatch(batch);
    }
    while (head < queue.length) {
      applyReady();
      if (head < queue.length) {
        receive(true);
      }
    }
  } finally {
    if (link) {
      void link.worker.terminate();
      link.port.close();
    }
  }
}
