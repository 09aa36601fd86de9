import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Cursor pagination: an opaque token of the last row's sort key and id. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Rows per page (1–200)'),
  cursor: z.string().max(500).optional().describe('The `nextCursor` of the previous page'),
});

export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(token: string | undefined): Cursor | null {
  if (!token) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('platform/validation', { field: 'query.cursor' });
}

export function pageOf<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => Cursor,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}
