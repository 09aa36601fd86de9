import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorCatalog } from './errors.ts';
import { LOCALES } from './i18n/locale.ts';

const serverRoot = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('error catalogue', () => {
  it('has a message in every language for every code the code throws', async () => {
    // Every module keeps its codes in `*.errors.ts`; the platform's own are in platform.errors.ts.
    const catalogue: ErrorCatalog = {};
    for (const file of sourceFiles(serverRoot).filter((f) => f.endsWith('.errors.ts'))) {
      const exported: Record<string, unknown> = await import(file);
      for (const value of Object.values(exported)) {
        Object.assign(catalogue, value as ErrorCatalog);
      }
    }
    const thrown = new Set<string>();
    for (const file of sourceFiles(serverRoot)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([a-z-]+\/[a-z0-9-]+)'/g)) {
        thrown.add(match[1]!);
      }
    }
    expect(thrown.size).toBeGreaterThan(10);
    for (const code of thrown) {
      const def = catalogue[code];
      expect(def, `no catalogue entry for ${code}`).toBeDefined();
      for (const locale of LOCALES) {
        expect(def?.message[locale]?.trim(), `${code} in ${locale}`).toBeTruthy();
      }
    }
  });
});

describe('field messages', () => {
  it('names the expected type in the reader’s language, not zod’s word for it', async () => {
    const { fieldProblems } = await import('./http/problem.ts');
    const issue = {
      keyword: 'invalid_type',
      instancePath: '/headcount',
      params: { expected: 'number', input: 'x' },
    };
    expect(fieldProblems([issue], 'body', 'zh-CN')[0]).toMatchObject({
      field: 'body.headcount',
      message: '类型不正确，应为数字',
    });
    expect(fieldProblems([issue], 'body', 'en')[0]?.message).toBe('has the wrong type, expected a number');
    expect(fieldProblems([issue], 'body', 'lo')[0]?.message).toContain('ຕົວເລກ');
  });
});
