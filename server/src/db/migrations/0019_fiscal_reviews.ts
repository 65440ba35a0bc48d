/**
 * Fiscal-capacity assessments as the notice asks for them (建办城〔2021〕28号 三(二)): what a city or
 * county assessed (its debt indicators, its conclusion, the assessment document's file) and the
 * province's review of it (通过 / 退回, reviewer, date, remark). Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const COLUMNS = [
  'debt_indicators',
  'debt_ratio',
  'debt_balance_yuan',
  'conclusion',
  'conclusion_note',
  'file_name',
  'file_path',
  'content_type',
  'size_bytes',
  'review_status',
  'reviewer',
  'reviewed_on',
  'review_remark',
  'reviewed_by',
  'reviewed_at',
] as const;

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    const t = () => db.schema.alterTable('fiscal_assessments');
    // One column a statement: SQLite adds one column per ALTER TABLE.
    await t()
      .addColumn('debt_indicators', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
      .execute();
    // 债务率 in percent, as the bureau wrote it (a decimal string), and 债务余额 in 元.
    await t().addColumn('debt_ratio', 'varchar(12)').execute();
    await t()
      .addColumn('debt_balance_yuan', big, (c) => c.check(sql`debt_balance_yuan >= 0`))
      .execute();
    await t()
      .addColumn('conclusion', 'varchar(12)', (c) =>
        c
          .notNull()
          .defaultTo('within')
          .check(sql`conclusion in ('within', 'exceeds')`),
      )
      .execute();
    await t()
      .addColumn('conclusion_note', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
      .execute();
    await t().addColumn('file_name', 'varchar(255)').execute();
    await t().addColumn('file_path', 'varchar(500)').execute();
    await t().addColumn('content_type', 'varchar(40)').execute();
    await t().addColumn('size_bytes', 'integer').execute();
    await t()
      .addColumn('review_status', 'varchar(12)', (c) =>
        c
          .notNull()
          .defaultTo('pending')
          .check(sql`review_status in ('pending', 'passed', 'returned')`),
      )
      .execute();
    await t().addColumn('reviewer', 'varchar(64)').execute();
    await t().addColumn('reviewed_on', 'varchar(10)').execute();
    await t()
      .addColumn('review_remark', 'varchar(500)', (c) => c.notNull().defaultTo(''))
      .execute();
    await t().addColumn('reviewed_by', 'varchar(64)').execute();
    await t().addColumn('reviewed_at', 'varchar(32)').execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [...COLUMNS].reverse())
    await db.schema.alterTable('fiscal_assessments').dropColumn(column).execute();
}
