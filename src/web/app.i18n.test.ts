import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appBundles } from './app.i18n.ts';
import { LANGUAGES } from './shared/i18n.ts';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) {
      out.set(k, v);
    }
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('web catalogues', () => {
  for (const [ns, bundle] of Object.entries(appBundles)) {
    const source = flatten(bundle['zh-CN']);
    for (const language of LANGUAGES) {
      it(`${ns}: ${language} has the same keys and variables as zh-CN, none empty`, () => {
        const messages = flatten(bundle[language]);
        expect([...messages.keys()].sort()).toEqual([...source.keys()].sort());
        for (const [key, text] of messages) {
          expect(text.trim(), `${ns}:${key}`).not.toBe('');
          expect(variables(text), `${ns}:${key}`).toEqual(variables(source.get(key) ?? ''));
        }
      });
    }
  }

  it('every key the code asks for exists', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          walk(path);
        } else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.i18n.ts')) {
          files.push(path);
        }
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-z]+):([\w.]+)'/g)) {
        const [, ns, key] = match;
        const bundle = appBundles[ns as keyof typeof appBundles];
        if (!bundle || !flatten(bundle['zh-CN']).has(key ?? '')) {
          missing.push(`${ns}:${key} (${file.slice(root.length)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
