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
  /** Live documents holding the term (idf). */
  df: number;
}

export class SearchIndex {
  private postings: Array<PostingList | undefined> = [];
  private docLen = new Float32Array(1024);
  private alive = new Uint8Array(1024);
  private liveDocs = 0;
  private totalLen = 0;
  private deadPostings = 0;
  private livePostings = 0;
  /** Terms of each live doc, needed to keep df exact on removal. Stored as one flat pool. */
  private termPool = new Int32Array(4096);
  private termPoolUsed = 0;
  private termStart = new Int32Array(1024);
  private termCount = new Int32Array(1024);
  /** Reused accumulator, sized to the slot space. */
  private acc = new Float32Array(1024);
  private touched = new Int32Array(1024);
  private mark = new Uint8Array(1024);

  constructor(
    readonly k1 = 1.2,
    readonly b = 0.6,
  ) {}

  get size(): number {
    return this.liveDocs;
  }

  private ensureSlot(slot: number): void {
    if (slot < this.docLen.length) {
      return;
    }
    let n = this.docLen.length;
    while (n <= slot) {
      n *= 2;
    }
    const grow = <T extends Float32Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.docLen = grow(this.docLen, (k) => new Float32Array(k));
    this.alive = grow(this.alive, (k) => new Uint8Array(k));
    this.termStart = grow(this.termStart, (k) => new Int32Array(k));
    this.termCount = grow(this.termCount, (k) => new Int32Array(k));
    this.acc = new Float32Array(n);
    this.touched = new Int32Array(n);
    this.mark = new Uint8Array(n);
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  add(slot: number, fields: readonly IndexedField[]): void {
    this.ensureSlot(slot);
    if (this.alive[slot] === 1) {
      this.remove(slot);
    }
    const tf = new Map<number, number>();
    let len = 0;
    for (const f of fields) {
      for (const t of f.terms) {
        tf.set(t, (tf.get(t) ?? 0) + f.weight);
        len += f.weight;
      }
    }
    if (this.termPoolUsed + tf.size > this.termPool.length) {
      let n = this.termPool.length * 2;
      while (n < this.termPoolUsed + tf.size) {
        n *= 2;
      }
      const p = new Int32Array(n);
      p.set(this.termPool.subarray(0, this.termPoolUsed));
      this.termPool = p;
    }
    this.termStart[slot] = this.termPoolUsed;
    this.termCount[slot] = tf.size;
    for (const [term, freq] of tf) {
      this.termPool[this.termPoolUsed++] = term;
      let pl = this.postings[term];
      if (!pl) {
        pl = { docs: new Int32Array(4), tfs: new Float32Array(4), n: 0, df: 0 };
        this.postings[term] = pl;
      }
      if (pl.n === pl.docs.length) {
        const docs = new Int32Array(pl.n * 2);
        docs.set(pl.docs);
        const tfs = new Float32Array(pl.n * 2);
        tfs.set(pl.tfs);
        pl.docs = docs;
        pl.tfs = tfs;
      }
      pl.docs[pl.n] = slot;
      pl.tfs[pl.n] = freq;
      pl.n++;
      pl.df++;
      this.livePostings++;
    }
    this.docLen[slot] = len;
    this.totalLen += len;
    this.alive[slot] = 1;
    this.liveDocs++;
  }

  remove(slot: number): void {
    if (slot >= this.alive.length || this.alive[slot] !== 1) {
      return;
    }
    this.alive[slot] = 0;
    this.liveDocs--;
    this.totalLen -= this.docLen[slot] ?? 0;
    const start = this.termStart[slot] ?? 0;
    const count = this.termCount[slot] ?? 0;
    for (let i = start; i < start + count; i++) {
      const pl = this.postings[this.termPool[i] ?? -1];
      if (pl) {
        pl.df--;
      }
    }
    this.deadPostings += count;
    this.livePostings -= count;
    if (this.deadPostings > 1024 && this.deadPostings > this.livePostings * 0.25) {
      this.compact();
    }
  }

  /** Drops postings of removed documents (amortised: runs when a quarter of postings are dead). */
  compact(): void {
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
    return this.postings[term]?.df ?? 0;
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
    const avg = this.liveDocs > 0 ? this.totalLen / this.liveDocs : 1;
    const k1 = this.k1;
    const b = this.b;
    let nTouched = 0;
    const acc = this.acc;
    const mark = this.mark;
    const touched = this.touched;
    const alive = this.alive;
    const docLen = this.docLen;
    for (const q of query) {
      const pl = this.postings[q.term];
      if (!pl || pl.df === 0) {
        continue;
      }
      const w = this.idf(q.term) * q.boost * (k1 + 1);
      const docs = pl.docs;
      const tfs = pl.tfs;
      for (let i = 0; i < pl.n; i++) {
        const d = docs[i] ?? 0;
        if (alive[d] !== 1) {
          continue;
        }
        if (mark[d] === 0) {
          if (allowed && !allowed(d)) {
            mark[d] = 2;
            touched[nTouched++] = d;
            continue;
          }
          mark[d] = 1;
          acc[d] = 0;
          touched[nTouched++] = d;
        } else if (mark[d] === 2) {
          continue;
        }
        const tf = tfs[i] ?? 0;
        const norm = tf / (1 - b + (b * (docLen[d] ?? 0)) / avg);
        acc[d] = (acc[d] ?? 0) + (w * norm) / (norm + k1);
      }
    }
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i] ?? 0;
      if (mark[d] === 1) {
        visit(d, acc[d] ?? 0);
      }
      mark[d] = 0;
    }
  }

  /** Approximate bytes held by the index (postings and per-document arrays). */
  byteSize(): number {
    let bytes = this.docLen.byteLength * 3 + this.termPool.byteLength + this.alive.byteLength * 2;
    for (const pl of this.postings) {
      if (pl) {
        bytes += pl.docs.byteLength + pl.tfs.byteLength + 48;
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
