/**
 * Demo figures for the five-year view: 海口市's green-community creation, year by year. Invented
 * for the demo (labelled so in their source), not official statistics; only `serve --demo` seeds.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { findGreen, saveVersioned } from '../modules/five-year/five-year.repository.ts';

const HAIKOU = '460100';
/** [year, urban communities, participating, meeting the requirements] */
const HAIKOU_GREEN: [number, number, number, number][] = [
  [2021, 220, 68, 51], // 23.2 %: short of the notice's 25 % by end-2021
  [2022, 224, 120, 92],
  [2023, 226, 158, 131],
];

export async function seedDemoFiveYear(db: Kysely<Database>, now = new Date()): Promise<void> {
  for (const [year, urban, participating, meeting] of HAIKOU_GREEN) {
    if (await findGreen(db, HAIKOU, year)) continue;
    await saveVersioned(db, 'green_communities', undefined, undefined, {
      region_code: HAIKOU,
      year,
      urban_communities: urban,
      participating,
      meeting,
      source: '演示数据（虚构，非官方统计）',
      updated_at: now.toISOString(),
      updated_by: 'demo',
    });
  }
}
