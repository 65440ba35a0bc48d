/**
 * The array literals an import sends PostgreSQL its columns as (import.repository.ts arrayLiteral):
 * what node-postgres itself would write for the same text, and read back by the server as the
 * values given, whatever a cell holds.
 */
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { arrayLiteral } from './import.repository.ts';

const pgUtils = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (v: unknown) => string;
};

const AWKWARD = [
  '幸福里小区',
  '',
  'NULL',
  'null',
  '"引号"小区',
  'C:\\路径\\',
  '\\"',
  '逗号,分号;',
  '{花括号}',
  '  前后空格  ',
  '换\n行\t制表',
  '𠮷野家（扩展B区）',
];

describe('arrayLiteral', () => {
  it('writes text and NULL as node-postgres writes an array parameter', () => {
    const values = [...AWKWARD, null];
    expect(arrayLiteral(values)).toBe(pgUtils.prepareValue(values));
  });

  it('writes numbers bare, an empty column as {}', () => {
    expect(arrayLiteral([1990, 0, -5, null, 12345678901])).toBe('{1990,0,-5,NULL,12345678901}');
    expect(arrayLiteral([])).toBe('{}');
  });
});

describeEachEngine('arrayLiteral, read back', (ctx) => {
  it.skipIf(ctx.engine !== 'postgres')('gives PostgreSQL the values themselves', async () => {
    const text = [...AWKWARD, null];
    const numbers = [1990, null, 12345678901];
    const read = await sql<{ t: (string | null)[]; n: (string | null)[] }>`
      select ${arrayLiteral(text)}::text[] as t, ${arrayLiteral(numbers)}::int8[] as n`.execute(
      ctx.db.db,
    );
    expect(read.rows[0]!.t).toEqual(text);
    expect(read.rows[0]!.n?.map((v) => (v === null ? null : Number(v)))).toEqual(numbers);
  });
});
