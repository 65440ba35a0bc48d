/**
 * The five-year view (十四五, 2021–2025): start targets per region and year, the five-year
 * completion target per region, and green-community creation figures per city and year, with the
 * national targets of the seed notice and the national annual plans of brief §8.1. Frozen: imports
 * no app code.
 *
 * No foreign key to regions: the national rows are seeded here, before the region tree is loaded
 * (bootstrap.ts loads it after migrating); the services check every region code they write.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const NOTICE = '建办城〔2021〕28号 一、总体要求';
const SEEDED_AT = '2021-04-25T00:00:00.000Z';

/** [year, communities, households | null, source]: only [SEED] and [VERIFIED] figures. */
const NATIONAL_START_TARGETS: [number, number, number | null, string][] = [
  [2021, 53_000, null, `${NOTICE}：2021年新开工改造城镇老旧小区5.3万个`],
  [
    2022,
    51_000,
    8_400_000,
    '全国2022年计划改造5.1万个、840万户（brief §8.1 [VERIFIED] http://shaotong.gqsoso.com/shaotong/20230208/645538.html）',
  ],
  [
    2023,
    53_000,
    8_650_000,
    '全国2023年计划改造5.3万个、865万户（brief §8.1 [VERIFIED] http://m.fangchan.com/news/6/2023-08-28/7101731794894262292.html；http://paper.ce.cn/pc/content/202401/31/content_288865.html）',
  ],
  [
    2024,
    54_000,
    null,
    '全国2024年计划改造5.4万个（brief §8.1 [VERIFIED] https://lapidesbages.com/html/202409/03/42897.html；http://jx.people.com.cn/BIG5/n2/2025/0222/c186330-41143315.html）',
  ],
  [
    2025,
    25_000,
    null,
    '全国2025年计划改造2.5万个（brief §8.1 [VERIFIED] https://epaper.neamco.com/gmrb/html/content/202601/29/content_5089.html；http://bandari.net/item/435101）',
  ],
];

/** Where a figure comes from, its version (edits answer 409 on a stale one) and its last editor. */
const audit = <C extends string>(t: CreateTableBuilder<string, C>) =>
  t
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)');

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    // 新开工改造: communities (and optionally households) to start in a year.
    await audit(
      db.schema
        .createTable('start_targets')
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('communities', 'integer', (c) => c.notNull().check(sql`communities >= 0`))
        .addColumn('households', 'integer', (c) =>
          c.check(sql`households is null or households >= communities`),
        ),
    )
      .addPrimaryKeyConstraint('start_targets_pk', ['region_code', 'year'])
      .execute();

    // 基本完成2000年底前建成的城镇老旧小区改造: communities completed by the end of last_year.
    await audit(
      db.schema
        .createTable('completion_targets')
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('last_year', 'integer', (c) => c.notNull())
        .addColumn('communities', 'integer', (c) => c.notNull().check(sql`communities >= 0`)),
    )
      .addPrimaryKeyConstraint('completion_targets_pk', ['region_code', 'last_year'])
      .execute();

    // 绿色社区创建 (28号 二(二)): counted by urban 社区 (neighbourhood committees), per city and year.
    await audit(
      db.schema
        .createTable('green_communities')
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('urban_communities', 'integer', (c) =>
          c.notNull().check(sql`urban_communities >= 0`),
        )
        .addColumn('participating', 'integer', (c) =>
          c.notNull().check(sql`participating >= 0 and participating <= urban_communities`),
        )
        .addColumn('meeting', 'integer', (c) =>
          c.notNull().check(sql`meeting >= 0 and meeting <= participating`),
        ),
    )
      .addPrimaryKeyConstraint('green_communities_pk', ['region_code', 'year'])
      .execute();

    for (const [year, communities, households, source] of NATIONAL_START_TARGETS)
      await sql`insert into start_targets (region_code, year, communities, households, source, version, updated_at)
        values ('000000', ${year}, ${communities}, ${households}, ${source}, 1, ${SEEDED_AT})`.execute(
        db,
      );
    await sql`insert into completion_targets (region_code, last_year, communities, source, version, updated_at)
      values ('000000', 2025, 219000, ${`${NOTICE}：到“十四五”期末，基本完成2000年底前建成的、约21.9万个城镇老旧小区改造`}, 1, ${SEEDED_AT})`.execute(
      db,
    );
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('green_communities').execute();
  await db.schema.dropTable('completion_targets').execute();
  await db.schema.dropTable('start_targets').execute();
}
