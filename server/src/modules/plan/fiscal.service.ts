/**
 * Fiscal-capacity assessments (财政承受能力评估, 建办城〔2021〕28号 三(五)): a city or county enters,
 * for a plan year, the local fiscal funds available in 万元 and the assessment document; the plan
 * check compares the plan's local (市县) funding with it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { formatScaled, parseScaled } from '../../domain/ledger/decimal.ts';
import { forbidden, notFound, validation } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { isWithin } from '../../domain/regions.ts';

export async function saveAssessment(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
  input: { available: string; document: string },
  now = new Date(),
) {
  const region = await findRegion(db, regionCode);
  if (!region || !isWithin(region.path, actor.regionPath)) throw notFound(`区划 ${regionCode} `);
  const own =
    actor.regionCode === region.code &&
    ((region.level === 'prefecture' && hasRole(actor, 'city')) ||
      (region.level === 'county' && hasRole(actor, 'county')));
  if (!own) throw forbidden('财政承受能力评估由本市、县录入');
  const yuan = parseScaled(input.available.trim().replace(/,/g, ''), 4);
  if (yuan === undefined)
    throw validation('可用财政资金应为不小于0的数，最多4位小数（万元）', [
      { path: 'available', message: '格式不正确' },
    ]);
  if (!input.document.trim())
    throw validation('请填写评估文件名称或文号', [{ path: 'document', message: '必填' }]);
  const values = {
    available_yuan: yuan,
    document: input.document.trim().slice(0, 255),
    updated_at: now.toISOString(),
    updated_by: actor.username,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('fiscal_assessments')
      .values({ region_code: region.code, plan_year: year, version: 1, ...values })
      .onConflict((oc) => oc.columns(['region_code', 'plan_year']).doUpdateSet(values))
      .execute();
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'fiscal.assessment',
        target: `${region.code}/${year}`,
        detail: { available: input.available, document: input.document },
      },
      now,
    );
  });
}

export async function listAssessments(db: Kysely<Database>, actor: Actor, year: number) {
  const rows = await db
    .selectFrom('fiscal_assessments as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .select([
      'a.region_code',
      'r.name',
      'a.available_yuan',
      'a.document',
      'a.updated_by',
      'a.updated_at',
    ])
    .where('r.path', 'like', `${actor.regionPath}%`)
    .where('a.plan_year', '=', year)
    .orderBy('a.region_code')
    .execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    name: r.name,
    available: formatScaled(Number(r.available_yuan), 4),
    document: r.document,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}
