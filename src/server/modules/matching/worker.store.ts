import type { WorkerFeatures } from './features.ts';

/**
 * Worker features packed into one growable Int32Array (one segment per slot) plus typed-array columns
 * for the attributes the first retrieval stage reads for every candidate. A million profiles take
 * ~250 bytes each here instead of ~1 KB as JavaScript objects; a segment is decoded only for the few
 * hundred candidates that reach the full re-ranker.
 */
export class WorkerStore {
  private pool: Int32Array = new Int32Array(1 << 16);
  private used = 0;
  private garbage = 0;
  private offset: Int32Array = new Int32Array(1024);
  /**
   * First-stage columns, interleaved 8 per slot so one cache line holds a candidate's: [8s..8s+2] home
   * as a unit vector (NaN = unknown), [8s+3] squared chord of the stated commute limit (NaN = not
   * stated), [8s+4] 1 if willing to relocate, [8s+5] expected salary (NaN = unknown).
   */
  cells: Float32Array = new Float32Array(8 * 1024);
  visible: Uint8Array = new Uint8Array(1024);

  private ensure(slot: number): void {
    if (slot < this.offset.length) {
      return;
    }
    let n = this.offset.length;
    while (n <= slot) {
      n *= 2;
    }
    const growI = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const growU = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.offset = growI(this.offset);
    const cells = new Float32Array(8 * n);
    cells.set(this.cells);
    this.cells = cells;
    this.visible = growU(this.visible);
  }

  put(slot: number, f: WorkerFeatures, visible: boolean): void {
    this.ensure(slot);
    const len = encodedLength(f);
    if (this.used + len > this.pool.length) {
      let n = this.pool.length * 2;
      while (n < this.used + len) {
        n *= 2;
      }
      const p = new Int32Array(n);
      p.set(this.pool.subarray(0, this.used));
      this.pool = p;
    }
    // Encoded in place: no intermediate array per profile.
    encodeInto(f, this.pool, this.used, len);
    this.offset[slot] = this.used;
    this.used += len;
    const c = 8 * slot;
    const cells = this.cells;
    if (Number.isFinite(f.lat) && Number.isFinite(f.lng)) {
      const toRad = Math.PI / 180;
      const cl = Math.cos(f.lat * toRad);
      cells[c] = cl * Math.cos(f.lng * toRad);
      cells[c + 1] = cl * Math.sin(f.lng * toRad);
      cells[c + 2] = Math.sin(f.lat * toRad);
    } else {
      cells[c] = Number.NaN;
      cells[c + 1] = Number.NaN;
      cells[c + 2] = Number.NaN;
    }
    this.cells[c + 3] = chord2OfKm(f.maxCommuteKm);
    this.cells[c + 4] = f.willingToRelocate ? 1 : 0;
    this.cells[c + 5] = f.expectedSalary;
    this.visible[slot] = visible ? 1 : 0;
  }

  /** Marks a slot's segment as garbage; the pool is rewritten when garbage exceeds live data. */
  drop(slot: number, liveSlots: Iterable<number>): void {
    const off = this.offset[slot] ?? 0;
    this.garbage += segmentLength(this.pool, off);
    if (this.garbage > 1 << 20 && this.garbage > this.used / 2) {
      const p = new Int32Array(Math.max(1 << 16, (this.used - this.garbage) * 2));
      let w = 0;
      for (const s of liveSlots) {
        if (s === slot) {
          continue;
        }
        const o = this.offset[s] ?? 0;
        const len = segmentLength(this.pool, o);
        p.set(this.pool.subarray(o, o + len), w);
        this.offset[s] = w;
        w += len;
      }
      this.pool = p;
      this.used = w;
      this.garbage = 0;
    }
  }

  get(slot: number): WorkerFeatures {
    return decodeSegment(this.pool, this.offset[slot] ?? 0);
  }

  byteSize(): number {
    return this.pool.byteLength + this.offset.byteLength + this.cells.byteLength + this.visible.byteLength;
  }
}

const EARTH_KM = 6371;

/** Point on the unit sphere; NaN components when the coordinates are unknown. */
export function unitVector(lat: number, lng: number): [number, number, number] {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) {
    return [Number.NaN, Number.NaN, Number.NaN];
  }
  const toRad = Math.PI / 180;
  const cl = Math.cos(lat * toRad);
  return [cl * Math.cos(lng * toRad), cl * Math.sin(lng * toRad), Math.sin(lat * toRad)];
}

/**
 * Squared chord between two unit vectors that are `km` apart on the Earth's surface: the chord grows
 * monotonically with the great-circle distance, so `chord² ≤ chord2OfKm(limit)` ⇔ `distance ≤ limit`.
 */
export function chord2OfKm(km: number): number {
  if (!Number.isFinite(km)) {
    return Number.NaN;
  }
  const c = 2 * Math.sin(Math.min(Math.PI, km / EARTH_KM) / 2);
  return c * c;
}

/** First-stage columns of the job side, interleaved 4 per slot: unit vector, maximum salary. */
export class JobColumns {
  cells: Float64Array = new Float64Array(4 * 1024);
  /** 1 = visible and open. */
  visible: Uint8Array = new Uint8Array(1024);

  put(slot: number, lat: number, lng: number, salaryMax: number, visible: boolean): void {
    if (slot >= this.visible.length) {
      let n = this.visible.length;
      while (n <= slot) {
        n *= 2;
      }
      const cells = new Float64Array(4 * n);
      cells.set(this.cells);
      this.cells = cells;
      const v = new Uint8Array(n);
      v.set(this.visible);
      this.visible = v;
    }
    const v = unitVector(lat, lng);
    const c = 4 * slot;
    this.cells[c] = v[0];
    this.cells[c + 1] = v[1];
    this.cells[c + 2] = v[2];
    this.cells[c + 3] = salaryMax;
    this.visible[slot] = visible ? 1 : 0;
  }

  hide(slot: number): void {
    if (slot < this.visible.length) {
      this.visible[slot] = 0;
    }
  }
}

const HEADER = 12;

function enc(v: number, scale: number): number {
  return Number.isFinite(v) ? Math.round(v * scale) : -2147483648;
}

function dec(v: number, scale: number): number {
  return v === -2147483648 ? Number.NaN : v / scale;
}

function listsOf(f: WorkerFeatures): Array<readonly number[]> {
  return [
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
  ];
}

/** Length of a profile's segment: header, trades with weights, then 11 lists, each with its length. */
export function encodedLength(f: WorkerFeatures): number {
  return (
    HEADER +
    2 +
    f.trades.length * 2 +
    11 +
    f.rawTrades.length +
    f.bag.length +
    f.certFamilies.length +
    f.certRanks.length +
    f.languages.length +
    f.prefCities.length +
    f.prefProvinces.length +
    f.prefRegions.length +
    f.avoidRegions.length +
    f.avoidProvinces.length +
    f.limitProvinces.length
  );
}

export function encodeInto(f: WorkerFeatures, out: Int32Array, at: number, len: number): void {
  out[at] = len;
  out[at + 1] = (f.willingToRelocate ? 1 : 0) | (f.openAnywhere ? 2 : 0);
  out[at + 2] = enc(f.lat, 1e5);
  out[at + 3] = enc(f.lng, 1e5);
  out[at + 4] = enc(f.maxCommuteKm, 10);
  out[at + 5] = enc(f.expectedSalary, 1);
  out[at + 6] = f.salaryFloor;
  out[at + 7] = enc(f.years, 10);
  out[at + 8] = f.education;
  out[at + 9] = f.city;
  out[at + 10] = f.province;
  out[at + 11] = f.homeProvince;
  out[at + 12] = f.needs;
  let p = at + HEADER + 1;
  out[p++] = f.trades.length;
  for (let i = 0; i < f.trades.length; i++) {
    out[p++] = f.trades[i] ?? 0;
    out[p++] = Math.round((f.tradeWeights[i] ?? 0) * 1000);
  }
  for (const l of listsOf(f)) {
    out[p++] = l.length;
    for (let i = 0; i < l.length; i++) {
      out[p++] = l[i] as number;
    }
  }
}

function segmentLength(pool: Int32Array, off: number): number {
  return pool[off] ?? 0;
}

/** Decodes the segment at `off` (its first cell is its length). */
export function decodeSegment(pool: Int32Array, off: number): WorkerFeatures {
  const flags = pool[off + 1] ?? 0;
  let p = off + HEADER + 1;
  const nT = pool[p++] ?? 0;
  const trades: number[] = [];
  const tradeWeights: number[] = [];
  for (let i = 0; i < nT; i++) {
    trades.push(pool[p++] ?? 0);
    tradeWeights.push((pool[p++] ?? 0) / 1000);
  }
  const next = (): number[] => {
    const n = pool[p++] ?? 0;
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = pool[p++] ?? 0;
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
    education: pool[off + 8] ?? 0,
    years: dec(pool[off + 7] ?? 0, 10),
    lat: dec(pool[off + 2] ?? 0, 1e5),
    lng: dec(pool[off + 3] ?? 0, 1e5),
    city: pool[off + 9] ?? -1,
    province: pool[off + 10] ?? -1,
    homeProvince: pool[off + 11] ?? -1,
    maxCommuteKm: dec(pool[off + 4] ?? 0, 10),
    willingToRelocate: (flags & 1) !== 0,
    expectedSalary: dec(pool[off + 5] ?? 0, 1),
    salaryFloor: pool[off + 6] ?? 0,
    needs: pool[off + 12] ?? 0,
    prefCities,
    prefProvinces,
    prefRegions,
    avoidRegions,
    avoidProvinces,
    limitProvinces,
    openAnywhere: (flags & 2) !== 0,
  };
}
