/**
 * Demo figures for the five-year view: green-community creation (绿色社区创建) year by year in every
 * prefecture-level unit of the demo province, so that the ranking has every unit; 海口市's (to
 * 2023) are set by hand, the others' (to 2025) drawn from a seeded random. Invented for the demo (labelled so in their
 * source), not official statistics; only `serve --demo` seeds.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { FIVE_YEARS } from '../domain/five-year.ts';
import {
  findGreen,
  prefecturesInScope,
  saveVersioned,
} from '../modules/five-year/five-year.repository.ts';
import { prng } from './synthetic.ts';

const HAIKOU = '460100';
/** [year, urban communities, participating, meeting the requirements] */
const HAIKOU_GREEN: [number, number, number, number][] = [
  [2021, 220, 68, 51], // 23.2 %: short of the notice's 25 % by end-2021
  [2022, 224, 120, 92],
  [2023, 226, 158, 131],
  // 2024 and 2025 are left for 海口市's own staff to enter (the five-year journey does).
];

/** Another unit's years: its urban communities, and shares rising from about 15 % to 50–75 %. */
function drawn(rnd: () => number): [number, number, number, number][] {
  const urban = 20 + Math.floor(rnd() * 120);
  let share = 0.1 + rnd() * 0.15;
  return FIVE_YEARS.map((year) => {
    share = Math.min(0.8, share + 0.08 + rnd() * 0.1);
    const meeting = Math.round(urban * share);
    return [year, urban, Math.min(urban, meeting + Math.round(urban * 0.1)), meeting];
  });
}

export async function seedDemoFiveYear(
  db: Kysely<Database>,
  provinceCode: string,
  now = new Date(),
): Promise<void> {
  const rnd = prng(2025);
  for (const unit of await prefecturesInScope(db, `/000000/${provinceCode}/`)) {
    if (unit.code.startsWith('4603')) continue; // 三沙: no urban 社区 to speak of
    const years = unit.code === HAIKOU ? HAIKOU_GREEN : drawn(rnd);
    for (const [year, urban, participating, meeting] of years) {
      if (await findGreen(db, unit.code, year)) continue;
      await saveVersioned(db, 'green_communities', undefined, undefined, {
        region_code: unit.code,
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
}
