/**
 * An inverted index with BM25F-style scoring over integer terms and integer document slots.
 *
 * Each document is indexed as fields with weights; a posting stores the field-weighted term frequency
 * (the "simple BM25F" of Robertson & Zaragoza: weight fields first, then saturate once). Postings are
 * growable typed arrays, so a million profiles cost ~8 bytes per posting. Removal marks the slot dead;
 * dead postings are skipped at query time and dropped by compact().
 */
export interface IndexedField {
  terms: readonly number[];
  weight: number;
}

export interface QueryTerm {
  term: number;
  boost: number;
}

interface PostingList {
  docs: Int32Array;
  tfs: Float32Array;
  n: number;
}

/**
 * Documents added since the last materialisation are kept in the forward index only; their postings
 * are appended in one counting pass (see flush) once this many are pending, or before any query.
 */
const BULK_PENDING = 1 << 16;

/** Score cell of a slot that the current query has not touched, or has rejected (filters). */
const UNTOUCHED = -1;
const REJECTED = -2;

export class SearchIndex {
  private postings: Array<PostingList | undefined> = [];
  /** Live documents holding each term (idf), by term id; kept exact on every add and remove. */
  private dfs = new Int32Array(1024);
  /** Slots added whose postings are not written yet (ascending: slots are added in order). */
  private pending = new Int32Array(1024);
  private nPending = 0;
  /** 1 while a slot is in `pending`. */
  private isPending = new Uint8Array(1024);
  /**
   * Per slot, interleaved: [2s] = accumulator of the running query (UNTOUCHED/REJECTED when not
   * scored), [2s + 1] = field-weighted document length. One cache line serves both in the hot loop.
   */
  private cells = new Float32Array(2048).fill(UNTOUCHED);
  private alive = new Uint8Array(1024);
  private liveDocs = 0;
  private totalLen = 0;
  private deadPostings = 0;
  private livePostings = 0;
  /** Terms of each live doc, needed to keep df exact on removal. Stored as one flat pool. */
  private termPool = new Int32Array(4096);
  /** Field-weighted frequency of each termPool entry: with termPool, a forward index per document. */
  private tfPool = new Float32Array(4096);
  /** Query weight by term id for terms scored through the forward index (0 = not in the query). */
  private queryWeight = new Float32Array(1024);
  private termPoolUsed = 0;
  private termStart = new Int32Array(1024);
  private termCount = new Int32Array(1024);
  /** Slots touched by the running query. */
  private touched = new Int32Array(1024);

  constructor(
    readonly k1 = 1.2,
    readonly b = 0.6,
  ) {}

  get size(): number {
    return this.liveDocs;
  }

  private ensureSlot(slot: number): void {
    if (slot < this.alive.length) {
      return;
    }
    let n = this.alive.length;
    while (n <= slot) {
      n *= 2;
    }
    const grow = <T extends Float32Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    const cells = new Float32Array(2 * n).fill(UNTOUCHED);
    cells.set(this.cells);
    this.cells = cells;
    this.alive = grow(this.alive, (k) => new Uint8Array(k));
    this.isPending = grow(this.isPending, (k) => new Uint8Array(k));
    this.termStart = grow(this.termStart, (k) => new Int32Array(k));
    this.termCount = grow(this.termCount, (k) => new Int32Array(k));
    this.touched = new Int32Array(n);
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** Scratch for add(): field-weighted frequency per term id, and the distinct terms of the doc. */
  private tfScratch = new Float64Array(1024);
  private docTerms: number[] = [];

  add(slot: number, fields: readonly IndexedField[]): void {
    this.ensureSlot(slot);
    if (this.alive[slot] === 1) {
      this.remove(slot);
    }
    // Field-weighted term frequencies without a Map per document (this runs a million times at build).
    let scratch = this.tfScratch;
    const distinct = this.docTerms;
    distinct.length = 0;
    let len = 0;
    for (const f of fields) {
      const fw = f.weight;
      const terms = f.terms;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i] as number;
        if (t >= scratch.length) {
          scratch = this.growScratch(t);
        }
        if (scratch[t] === 0) {
          distinct.push(t);
        }
        scratch[t] = (scratch[t] as number) + fw;
        len += fw;
      }
    }
    const nTerms = distinct.length;
    this.reservePool(nTerms);
    let dfs = this.dfs;
    const pool = this.termPool;
    const tfPool = this.tfPool;
    let at = this.termPoolUsed;
    this.termStart[slot] = at;
    this.termCount[slot] = nTerms;
    for (let k = 0; k < nTerms; k++) {
      const term = distinct[k] as number;
      tfPool[at] = scratch[term] as number;
      scratch[term] = 0;
      pool[at++] = term;
      if (term >= dfs.length) {
        dfs = this.growDfs(term);
      }
      dfs[term] = (dfs[term] as number) + 1;
    }
    this.termPoolUsed = at;
    this.livePostings += nTerms;
    this.cells[2 * slot + 1] = len;
    this.totalLen += len;
    this.alive[slot] = 1;
    this.liveDocs++;
    // Postings are written later, many documents at a time (flush).
    if (this.isPending[slot] !== 1) {
      if (this.nPending === this.pending.length) {
        const p = new Int32Array(this.pending.length * 2);
        p.set(this.pending);
        this.pending = p;
      }
      this.pending[this.nPending++] = slot;
      this.isPending[slot] = 1;
    }
    if (this.nPending >= BULK_PENDING) {
      this.flush();
    }
  }

  private growScratch(t: number): Float64Array<ArrayBuffer> {
    let n = this.tfScratch.length * 2;
    while (n <= t) {
      n *= 2;
    }
    const grown = new Float64Array(n);
    grown.set(this.tfScratch);
    this.tfScratch = grown;
    return grown;
  }

  private growDfs(t: number): Int32Array<ArrayBuffer> {
    let n = this.dfs.length * 2;
    while (n <= t) {
      n *= 2;
    }
    const grown = new Int32Array(n);
    grown.set(this.dfs);
    this.dfs = grown;
    return grown;
  }

  private reservePool(extra: number): void {
    if (this.termPoolUsed + extra <= this.termPool.length) {
      return;
    }
    let n = this.termPool.length * 2;
    while (n < this.termPoolUsed + extra) {
      n *= 2;
    }
    const p = new Int32Array(n);
    p.set(this.termPool.subarray(0, this.termPoolUsed));
    this.termPool = p;
    const f = new Float32Array(n);
    f.set(this.tfPool.subarray(0, this.termPoolUsed));
    this.tfPool = f;
  }

  /**
   * Writes the postings of every pending document: one counting pass over their forward entries,
   * each posting list grown once, then filled in slot order (so lists stay sorted by slot). Queries
   * call it first; a bulk load calls it every BULK_PENDING documents.
   */
  flush(): void {
    const nPending = this.nPending;
    if (nPending === 0) {
      return;
    }
    const pending = this.pending;
    const pool = this.termPool;
    const tfPool = this.tfPool;
    const start = this.termStart;
    const count = this.termCount;
    const alive = this.alive;
    let add = this.flushCounts;
    if (add.length < this.dfs.length) {
      add = new Int32Array(this.dfs.length);
      this.flushCounts = add;
    }
    for (let i = 0; i < nPending; i++) {
      const d = pending[i] as number;
      if (alive[d] !== 1) {
        continue;
      }
      const s = start[d] as number;
      const e = s + (count[d] as number);
      for (let p = s; p < e; p++) {
        const t = pool[p] as number;
        add[t] = (add[t] as number) + 1;
      }
    }
    const postings = this.postings;
    for (let i = 0; i < nPending; i++) {
      const d = pending[i] as number;
      this.isPending[d] = 0;
      if (alive[d] !== 1) {
        continue;
      }
      const s = start[d] as number;
      const e = s + (count[d] as number);
      for (let p = s; p < e; p++) {
        const t = pool[p] as number;
        let pl = postings[t];
        const more = add[t] as number;
        if (more > 0) {
          // First posting of this term in the batch: make room for all of them at once.
          add[t] = 0;
          if (!pl) {
            pl = { docs: new Int32Array(more), tfs: new Float32Array(more), n: 0 };
            postings[t] = pl;
          } else if (pl.n + more > pl.docs.length) {
            const cap = Math.max(pl.n + more, Math.ceil(pl.docs.length * 1.5));
            const docs = new Int32Array(cap);
            docs.set(pl.docs.subarray(0, pl.n));
            const tfs = new Float32Array(cap);
            tfs.set(pl.tfs.subarray(0, pl.n));
            pl.docs = docs;
            pl.tfs = tfs;
          }
        }
        const list = pl as PostingList;
        list.docs[list.n] = d;
        list.tfs[list.n] = tfPool[p] as number;
        list.n++;
      }
    }
    this.nPending = 0;
  }

  private flushCounts = new Int32Array(1024);

  remove(slot: number): void {
    if (slot >= this.alive.length || this.alive[slot] !== 1) {
      return;
    }
    this.alive[slot] = 0;
    this.liveDocs--;
    this.totalLen -= this.cells[2 * slot + 1] ?? 0;
    const start = this.termStart[slot] ?? 0;
    const count = this.termCount[slot] ?? 0;
    const dfs = this.dfs;
    for (let i = start; i < start + count; i++) {
      const t = this.termPool[i] as number;
      dfs[t] = (dfs[t] as number) - 1;
    }
    // A pending document has no postings yet: flush skips it as dead.
    if (this.isPending[slot] !== 1) {
      this.deadPostings += count;
    }
    this.livePostings -= count;
    if (this.deadPostings > 1024 && this.deadPostings > this.livePostings * 0.25) {
      this.compact();
    }
  }

  /** Drops postings of removed documents (amortised: runs when a quarter of postings are dead). */
  compact(): void {
    this.flush();
    for (const pl of this.postings) {
      if (!pl) {
        continue;
      }
      let w = 0;
      for (let r = 0; r < pl.n; r++) {
        const d = pl.docs[r] ?? 0;
        // A slot may have been re-added; keep only the posting of its current incarnation once.
        if (this.alive[d] === 1) {
          pl.docs[w] = d;
          pl.tfs[w] = pl.tfs[r] ?? 0;
          w++;
        }
      }
      pl.n = w;
    }
    this.deadPostings = 0;
  }

  df(term: number): number {
    return term < this.dfs.length ? (this.dfs[term] as number) : 0;
  }

  idf(term: number): number {
    const df = this.df(term);
    const n = Math.max(1, this.liveDocs);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Accumulates BM25F scores of the query into a reused buffer and calls `visit` for each touched live
   * document. `allowed` can restrict documents (filters) before any scoring work.
   */
  search(
    query: readonly QueryTerm[],
    visit: (slot: number, score: number) => void,
    allowed?: (slot: number) => boolean,
  ): void {
    const n = this.collect(query, undefined, allowed);
    const cells = this.cells;
    const touched = this.touched;
    for (let i = 0; i < n; i++) {
      const d = touched[i] ?? 0;
      visit(d, cells[2 * d] ?? 0);
    }
    this.release(n);
  }

  /**
   * The allocation-free form of search(): accumulates BM25F scores and lists the touched, allowed,
   * live slots in `hits[0..n)`; returns n. The score of slot s is `scores[2 * s]`. `mask` (1 =
   * allowed, by slot) and `allowed` restrict documents before any scoring work.
   *
   * Recruiting: a term brings in new documents only while fewer than `budget` documents have been
   * touched (terms from index `refineFrom` on: fewer than `refineBudget`); a term that starts after
   * its budget is spent only refines: it adds its exact BM25F contribution to the documents already
   * touched, by scanning its postings or, when that is cheaper, through the forward index of each
   * touched document. Callers order terms strongest first. With no budget every term recruits (plain
   * BM25F over the union of the postings).
   * The caller reads the results and must call release(n) before the next query.
   */
  collect(
    query: readonly QueryTerm[],
    mask?: Uint8Array,
    allowed?: (slot: number) => boolean,
    refineFrom = query.length,
    refineBudget = 0,
    budget = Number.POSITIVE_INFINITY,
  ): number {
    this.flush();
    const avg = this.liveDocs > 0 ? this.totalLen / this.liveDocs : 1;
    const k1 = this.k1;
    const b = this.b;
    // w·norm/(norm + k1) with norm = tf/(1 − b + b·len/avg) equals w·tf/(tf + k1·(1 − b) + k1·b·len/avg).
    const lenA = k1 * (1 - b);
    const lenB = (k1 * b) / avg;
    let nTouched = 0;
    const cells = this.cells;
    const touched = this.touched;
    const alive = this.alive;
    // Dead postings exist only between a removal and the next compaction.
    const checkAlive = this.deadPostings > 0;
    let deferred: QueryTerm[] | undefined;
    let deferredPostings = 0;
    for (let qi = 0; qi < query.length; qi++) {
      const q = query[qi] as QueryTerm;
      const pl = this.postings[q.term];
      if (!pl || this.df(q.term) === 0) {
        continue;
      }
      const recruit = nTouched < (qi < refineFrom ? budget : Math.min(budget, refineBudget));
      if (!recruit) {
        // Refiners are scored after recruiting, when the cheaper way to reach them is known.
        deferred ??= [];
        deferred.push(q);
        deferredPostings += pl.n;
        continue;
      }
      const w = this.idf(q.term) * q.boost * (k1 + 1);
      const docs = pl.docs;
      const tfs = pl.tfs;
      const n = pl.n;
      for (let i = 0; i < n; i++) {
        const d = docs[i] as number;
        const c = d << 1;
        const a = cells[c] as number;
        const tf = tfs[i] as number;
        if (a >= 0) {
          cells[c] = a + (w * tf) / (tf + lenA + lenB * (cells[c + 1] as number));
          continue;
        }
        if (a === REJECTED || !recruit || (checkAlive && alive[d] !== 1)) {
          continue;
        }
        touched[nTouched++] = d;
        if ((mask !== undefined && mask[d] !== 1) || (allowed !== undefined && !allowed(d))) {
          cells[c] = REJECTED;
          continue;
        }
        cells[c] = (w * tf) / (tf + lenA + lenB * (cells[c + 1] as number));
      }
    }
    // Compact the touched list to the accepted documents.
    let k = 0;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i] as number;
      if ((cells[d << 1] as number) >= 0) {
        touched[k++] = d;
      } else {
        cells[d << 1] = UNTOUCHED;
      }
    }
    if (deferred) {
      this.refine(deferred, k, deferredPostings, lenA, lenB);
    }
    return k;
  }

  /** Adds the contributions of non-recruiting terms to the n touched documents (see collect). */
  private refine(terms: readonly QueryTerm[], n: number, postings: number, lenA: number, lenB: number): void {
    const cells = this.cells;
    const touched = this.touched;
    const k1 = this.k1;
    const forwardCost = n * (this.livePostings / Math.max(1, this.liveDocs));
    if (postings <= forwardCost) {
      for (const q of terms) {
        const pl = this.postings[q.term] as PostingList;
        const w = this.idf(q.term) * q.boost * (k1 + 1);
        const docs = pl.docs;
        const tfs = pl.tfs;
        for (let i = 0; i < pl.n; i++) {
          const c = (docs[i] as number) << 1;
          const a = cells[c] as number;
          if (a >= 0) {
            const tf = tfs[i] as number;
            cells[c] = a + (w * tf) / (tf + lenA + lenB * (cells[c + 1] as number));
          }
        }
      }
      return;
    }
    let qw = this.queryWeight;
    if (qw.length < this.postings.length) {
      qw = new Float32Array(Math.max(this.postings.length, qw.length * 2));
      this.queryWeight = qw;
    }
    for (const q of terms) {
      qw[q.term] = this.idf(q.term) * q.boost * (k1 + 1);
    }
    const pool = this.termPool;
    const tfPool = this.tfPool;
    const start = this.termStart;
    const count = this.termCount;
    for (let i = 0; i < n; i++) {
      const d = touched[i] as number;
      const c = d << 1;
      const lenNorm = lenA + lenB * (cells[c + 1] as number);
      let add = 0;
      const s = start[d] as number;
      const e = s + (count[d] as number);
      for (let p = s; p < e; p++) {
        const w = qw[pool[p] as number] as number;
        if (w !== 0) {
          const tf = tfPool[p] as number;
          add += (w * tf) / (tf + lenNorm);
        }
      }
      cells[c] = (cells[c] as number) + add;
    }
    for (const q of terms) {
      qw[q.term] = 0;
    }
  }

  /** Scores of the last collect(): the score of slot s is at [2 * s]. */
  get scores(): Float32Array {
    return this.cells;
  }

  /** Slots touched by the last collect(), in [0, n). */
  get hits(): Int32Array {
    return this.touched;
  }

  /** Clears the scores of the last collect(). */
  release(n: number): void {
    const cells = this.cells;
    const touched = this.touched;
    for (let i = 0; i < n; i++) {
      cells[(touched[i] as number) << 1] = UNTOUCHED;
    }
  }

  /** Approximate bytes held by the index (postings and per-document arrays). */
  byteSize(): number {
    let bytes =
      this.cells.byteLength +
      this.touched.byteLength +
      this.termPool.byteLength +
      this.tfPool.byteLength +
      this.alive.byteLength * 10 +
      this.dfs.byteLength +
      this.pending.byteLength;
    for (const pl of this.postings) {
      if (pl) {
        bytes += pl.docs.byteLength + pl.tfs.byteLength + 40;
      }
    }
    return bytes;
  }
}

/** Keeps the k best (slot, score) pairs seen; a binary min-heap on score. */
export class TopK {
  readonly slots: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(readonly k: number) {
    this.slots = new Int32Array(Math.max(1, k));
    this.scores = new Float64Array(Math.max(1, k));
  }

  push(slot: number, score: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      this.slots[i] = slot;
      this.scores[i] = score;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if ((this.scores[p] ?? 0) <= (this.scores[i] ?? 0)) {
          break;
        }
        this.swap(i, p);
        i = p;
      }
    } else if (this.k > 0 && score > (this.scores[0] ?? 0)) {
      this.slots[0] = slot;
      this.scores[0] = score;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && (this.scores[l] ?? 0) < (this.scores[m] ?? 0)) {
          m = l;
        }
        if (r < this.size && (this.scores[r] ?? 0) < (this.scores[m] ?? 0)) {
          m = r;
        }
        if (m === i) {
          break;
        }
        this.swap(i, m);
        i = m;
      }
    }
  }

  private swap(a: number, b: number): void {
    const s = this.slots[a] ?? 0;
    this.slots[a] = this.slots[b] ?? 0;
    this.slots[b] = s;
    const v = this.scores[a] ?? 0;
    this.scores[a] = this.scores[b] ?? 0;
    this.scores[b] = v;
  }

  /** Entries best first. */
  sorted(): Array<{ slot: number; score: number }> {
    const out: Array<{ slot: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) {
      out.push({ slot: this.slots[i] ?? 0, score: this.scores[i] ?? 0 });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
