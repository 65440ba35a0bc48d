/**
 * Consultation records verified like every frozen record (issue 10, cli.md `verify`): each row
 * carries the hash of its own fields, computed when it is written (integrity.ts
 * `consultationHash`); rows written before this migration get theirs here. And a declaration's
 * versions are unique per unit, year and kind, as the backstop of the row lock that numbers them.
 * Frozen: imports no app code (the hash is spelled out again below, exactly as integrity.ts does).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const HASHED = [
  'community_id',
  'held_on',
  'method',
  'households_consulted',
  'households_agreeing',
  'agreed_scheme',
  'agreed_contribution',
  'agreed_aftercare',
  'notes',
  'username',
  'created_at',
  'source',
  'import_id',
] as const;

export function hashOf(row: Record<string, unknown>): string {
  const keys = [...HASHED].sort();
  const json = `{${keys
    .map((k) => {
      return `${JSON.stringify(k)}:${JSON.stringify(row[k] ?? null)}`;
    })
    .join(',')}}`;
  return createHash('sha256').update(json).digest('hex');
}

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .alterTable('consultations')
      .addColumn('hash', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .execute();
    for (let after = 0; ;) {
      const { rows } = await sql<Record<string, unknown> & { id: number }>`
        select * from consultations where id > ${after} order by id limit 500`.execute(db);
      for (const r of rows)
        await sql`update consultations set hash = ${hashOf(r)} where id = ${r.id}`.execute(db);
      if (rows.length < 500) break;
      after = Number(rows[rows.length - 1]!.id);
    }
    const dup = await sql<{ unit_code: string; plan_year: number; kind: string; version: number }>`
      select unit_code, plan_year, kind, version from declaration_snapshots
      group by unit_code, plan_year, kind, version having count(*) > 1`.execute(db);
    if (dup.rows.length)
      throw new Error(
        `年度计划版本有重复编号，须先人工核查：${dup.rows
          .map((d) => `${d.unit_code} ${d.plan_year}年 ${d.kind} 第 ${d.version} 版`)
          .join('；')}`,
      );
    await db.schema.dropIndex('declaration_snapshots_unit').execute();
    await db.schema
      .createIndex('declaration_snapshots_unit')
      .on('declaration_snapshots')
      .columns(['unit_code', 'plan_year', 'kind', 'version'])
      .unique()
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('declaration_snapshots_unit').execute();
  await db.schema
    .createIndex('declaration_snapshots_unit')
    .on('declaration_snapshots')
    .columns(['unit_code', 'plan_year', 'kind', 'version'])
    .execute();
  await db.schema.alterTable('consultations').dropColumn('hash').execute();
}
