import type { MatchJob, MatchWorker } from './match.types.ts';
import { SearchIndex, TopK } from './search.index.ts';
import type { Segmenter } from './text.ts';
import { createSegmenter, normalizeText } from './text.ts';

/**
 * The yardstick: plain BM25 over each record's concatenated text, segmented by jieba's stock dictionary,
 * with no thesaurus, no fields and no structured factors.
 */
export function jobText(j: MatchJob): string {
  return [
    j.title,
    j.trade,
    j.employer,
    j.description,
    j.skills.join(' '),
    j.certificates.join(' '),
    j.city,
    j.district ?? '',
    j.tags.join(' '),
  ].join(' ');
}

export function workerText(w: MatchWorker): string {
  return [
    w.desiredTrades.join(' '),
    w.summary,
    w.skills.join(' '),
    w.certificates.join(' '),
    w.city ?? '',
    w.languages.join(' '),
  ].join(' ');
}

export class Bm25Baseline {
  private readonly seg: Segmenter = createSegmenter([]);
  private readonly vocab = new Map<string, number>();
  private readonly index = new SearchIndex(1.2, 0.75);
  private readonly ids: string[] = [];

  private termIds(text: string, create: boolean): number[] {
    const out: number[] = [];
    for (const t of this.seg.terms(normalizeText(text))) {
      let id = this.vocab.get(t);
      if (id === undefined && create) {
        id = this.vocab.size;
        this.vocab.set(t, id);
      }
      if (id !== undefined) {
        out.push(id);
      }
    }
    return out;
  }

  add(id: string, text: string): void {
    const slot = this.ids.length;
    this.ids.push(id);
    this.index.add(slot, [{ terms: this.termIds(text, true), weight: 1 }]);
  }

  search(text: string, limit: number): Array<{ id: string; score: number }> {
    const counts = new Map<number, number>();
    for (const t of this.termIds(text, false)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const top = new TopK(limit);
    this.index.search(
      [...counts].map(([term, boost]) => ({ term, boost })),
      (slot, score) => top.push(slot, score),
    );
    return top.sorted().map((s) => ({ id: this.ids[s.slot] ?? '', score: s.score }));
  }
}
