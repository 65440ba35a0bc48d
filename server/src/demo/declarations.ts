/**
 * Next year's plan as the demo province's other units have already declared it: every unit the
 * province reviews except 海口市 (and 三亚市's districts below it) has justified its warnings,
 * submitted, and been accepted, each step by the unit's own demo account
 * (unit-accounts.ts). What is left for a newcomer is 海口市's chain, walked in the browser: its
 * four districts submit, 海口市 accepts them and submits, the province accepts it, and the
 * province's own plan goes through approval, sign-off and on to the ministry (README, 演示).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DECLARER_ROLE, REVIEWER_ROLE, type UnitLevel } from '../domain/declaration.ts';
import { toActor } from '../modules/auth/auth.service.ts';
import {
  acceptDeclaration,
  declarationView,
  submitDeclaration,
} from '../modules/declarations/declarations.service.ts';
import { justifyWarning } from '../modules/declarations/signoff.service.ts';
import { checkPlan } from '../modules/plan/plan-table.service.ts';
import { findUserByUsername } from '../modules/users/users.repository.ts';
import { UNIT_ACCOUNTS } from './unit-accounts.ts';

/** The city whose chain the newcomer walks. */
export const WALKED_CITY = '460100';

const JUSTIFICATION: Record<Exclude<UnitLevel, 'province'>, string> = {
  county: '2000年后建成的小区与周边老旧小区连片改造、同步实施，经市级统筹后占比不超过上限',
  city: '全市统筹：2000年后建成小区均为片区联动改造，全省统筹后占比不超过上限',
};

/** The signed-in actor of the demo account at `regionCode` holding `role`. */
async function accountActor(db: Kysely<Database>, regionCode: string, role: string) {
  const account = UNIT_ACCOUNTS.find((a) => a.regionCode === regionCode && a.roles[0] === role);
  const user = account && (await findUserByUsername(db, account.username));
  if (!user) throw new Error(`演示数据有误：${regionCode} 没有 ${role} 账号`);
  return toActor(user);
}

async function provinceActor(db: Kysely<Database>) {
  const user = await findUserByUsername(db, 'province');
  if (!user) throw new Error('演示数据有误：没有 province 账号');
  return toActor(user);
}

/** A county's or city's plan justified, submitted by its account and accepted by the level above. */
async function declare(
  db: Kysely<Database>,
  code: string,
  level: 'county' | 'city',
  parent: string,
  year: number,
  at: Date,
) {
  const self = await accountActor(db, code, DECLARER_ROLE[level]);
  // A unit declaring for the first time has no justification yet: every failing warning needs one.
  const { checks } = await checkPlan(db, self, code, year);
  for (const c of checks)
    if (!c.passed && c.severity === 'warning')
      await justifyWarning(db, self, code, year, c.id, JUSTIFICATION[level], at);
  await submitDeclaration(db, self, code, year, at);
  const reviewer =
    level === 'county'
      ? await accountActor(db, parent, REVIEWER_ROLE.county)
      : await provinceActor(db);
  await acceptDeclaration(db, reviewer, code, year, new Date(at.getTime() + 3_600_000));
}

/**
 * Declares and accepts `year`'s plan of every unit under `provinceCode` but WALKED_CITY's, a
 * county an hour apart from the next, starting ten days before `now`. Returns how many units.
 */
export async function seedDemoDeclarations(
  db: Kysely<Database>,
  provinceCode: string,
  year: number,
  now: Date,
): Promise<number> {
  // A ledger seeded without the demo's accounts (a test's) has no one to declare.
  if (!(await findUserByUsername(db, 'province'))) return 0;
  const province = await provinceActor(db);
  const { children } = await declarationView(db, province, provinceCode, year);
  let t = now.getTime() - 10 * 86_400_000;
  let count = 0;
  for (const city of children) {
    if (city.code === WALKED_CITY || city.communities === 0 || city.state === 'accepted') continue;
    const cityActor = await accountActor(db, city.code, 'city');
    const below = (await declarationView(db, cityActor, city.code, year)).children;
    for (const county of below.filter((c) => c.communities > 0)) {
      await declare(db, county.code, 'county', city.code, year, new Date((t += 3_600_000)));
      count++;
    }
    await declare(db, city.code, 'city', provinceCode, year, new Date((t += 3_600_000)));
    count++;
  }
  return count;
}
