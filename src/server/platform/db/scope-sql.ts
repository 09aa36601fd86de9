import { like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../auth/scope.ts';

/** Every scoped query goes through here: rows whose organisation path lies under one of the roots. */
export function inScope(pathColumn: AnyPgColumn | SQL, scope: Scope): SQL {
  if (scope.roots.length === 0) {
    return sql`false`;
  }
  const conditions = scope.roots.map((root) => like(pathColumn, `${escapeLike(root)}%`));
  return conditions.length === 1 ? conditions[0]! : or(...conditions)!;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A column written with its table name. Drizzle leaves the table out in single-table
 * selects, so a correlated subquery that refers to the outer row must qualify it by hand.
 */
export function qualified(table: string, column: string): SQL {
  return sql`${sql.identifier(table)}.${sql.identifier(column)}`;
}
