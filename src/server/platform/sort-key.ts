import { pinyin } from 'pinyin-pro';

/**
 * A sort key for Chinese names that both PGlite (C collation) and PostgreSQL order the
 * same way: toneless pinyin syllables, then the original text to break ties.
 */
export function sortKey(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return `${syllables.join(' ').toLowerCase()}\u0001${text}`;
}
