/**
 * The sources of the national start targets 2022–2025 as a user reads them on the 十四五 page:
 * 0009 seeded them with the team's working notes (a section of its brief, a verification mark, the
 * addresses of the reprints it was checked against). Now each names the ministry's plan and the
 * report it was published in (docs/sources.md §8.1). A source someone has edited since is left as
 * it is. Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** [year, as 0009 seeded it, as it reads now] */
const SOURCES: [number, string, string][] = [
  [
    2022,
    '全国2022年计划改造5.1万个、840万户（brief §8.1 [VERIFIED] http://shaotong.gqsoso.com/shaotong/20230208/645538.html）',
    '全国2022年计划改造5.1万个、840万户（住房和城乡建设部年度计划，据2023年2月新闻报道）',
  ],
  [
    2023,
    '全国2023年计划改造5.3万个、865万户（brief §8.1 [VERIFIED] http://m.fangchan.com/news/6/2023-08-28/7101731794894262292.html；http://paper.ce.cn/pc/content/202401/31/content_288865.html）',
    '全国2023年计划改造5.3万个、865万户（住房和城乡建设部年度计划，据经济日报2024年1月31日报道）',
  ],
  [
    2024,
    '全国2024年计划改造5.4万个（brief §8.1 [VERIFIED] https://lapidesbages.com/html/202409/03/42897.html；http://jx.people.com.cn/BIG5/n2/2025/0222/c186330-41143315.html）',
    '全国2024年计划改造5.4万个（住房和城乡建设部年度计划，据人民网2025年2月22日报道）',
  ],
  [
    2025,
    '全国2025年计划改造2.5万个（brief §8.1 [VERIFIED] https://epaper.neamco.com/gmrb/html/content/202601/29/content_5089.html；http://bandari.net/item/435101）',
    '全国2025年计划改造2.5万个（住房和城乡建设部年度计划，据光明日报2026年1月29日报道）',
  ],
];

async function rewrite(db: Kysely<unknown>, from: 1 | 2): Promise<void> {
  const to = from === 1 ? 2 : 1;
  for (const row of SOURCES)
    await sql`update start_targets set source = ${row[to]}
      where region_code = '000000' and year = ${row[0]} and source = ${row[from]}`.execute(db);
}

export function up(_dialect: Dialect) {
  return (db: Kysely<unknown>): Promise<void> => rewrite(db, 1);
}

export function down(db: Kysely<unknown>): Promise<void> {
  return rewrite(db, 2);
}
