/**
 * The English catalogs against the code that uses them: every Chinese text a page passes to t()
 * as a literal has its English; every English keeps its key's placeholders and holds no Chinese;
 * a key two areas share means the same in both.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOGS } from './catalogs/index.ts';

const WEB = join(import.meta.dirname, '..');
const CJK = /[\u4e00-\u9fff]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The literal first arguments of t(…) calls: '…', "…" or `…` without ${}. */
function literalKeys(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const keys: string[] = [];
  const call = /\bt\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`)/g;
  for (const m of code.matchAll(call)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    keys.push(raw.replace(/\\(.)/g, '$1'));
  }
  return keys.filter((k) => CJK.test(k));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('English catalogs', () => {
  it('translate every Chinese text the pages pass to t()', () => {
    const lacking: string[] = [];
    for (const file of sources(WEB))
      for (const key of literalKeys(readFileSync(file, 'utf8')))
        if (CATALOG[key] === undefined) lacking.push(`${relative(WEB, file)}: ${key}`);
    expect(lacking).toEqual([]);
  });

  it('keep the placeholders of their keys and hold no Chinese', () => {
    const wrong: string[] = [];
    for (const [area, catalog] of Object.entries(CATALOGS))
      for (const [zh, en] of Object.entries(catalog)) {
        if (CJK.test(en)) wrong.push(`${area}: ${zh} → ${en} (Chinese in the English)`);
        if (placeholders(zh).join() !== placeholders(en).join())
          wrong.push(`${area}: ${zh} → ${en} (placeholders differ)`);
      }
    expect(wrong).toEqual([]);
  });

  it('mean the same wherever two areas share a key', () => {
    const seen = new Map<string, [string, string]>();
    const clashes: string[] = [];
    for (const [area, catalog] of Object.entries(CATALOGS))
      for (const [zh, en] of Object.entries(catalog)) {
        const before = seen.get(zh);
        if (before && before[1] !== en)
          clashes.push(`${zh}: ${before[0]} "${before[1]}", ${area} "${en}"`);
        else seen.set(zh, [area, en]);
      }
    expect(clashes).toEqual([]);
  });
});
