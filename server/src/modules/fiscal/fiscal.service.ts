/**
 * Fiscal-capacity assessments (财政承受能力评估, 建办城〔2021〕28号 三(二)): a city or county records,
 * for a plan year, the local fiscal funds it plans for the renovation (万元), the debt indicators
 * it used, its conclusion and the assessment document; the province reviews each (通过 / 退回).
 * Every change moves the version on and is refused on a stale one; a changed assessment goes
 * back to the province for review.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readsPlanData, type Actor } from '../../domain/actor.ts';
import { formatScaled, parseScaled } from '../../domain/ledger/decimal.ts';
import { conflict, forbidden, notFound, validation, type ErrorDetail } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import * as policy from './fiscal.policy.ts';
import * as repo from './fiscal.repository.ts';
import type { AssessmentInput, ReviewInput } from '../../../../common/api/fiscal.ts';
import { isIsoDate } from '../../domain/dates.ts';

const wan = (yuan: number | string | null) =>
  yuan === null ? null : formatScaled(Number(yuan), 4);

export function presentAssessment(r: repo.AssessmentRow, actor: Actor) {
  const unit = { code: r.region_code, path: r.path, level: r.level };
  return {
    regionCode: r.region_code,
    name: r.name,
    level: r.level,
    planYear: r.plan_year,
    version: r.version,
    available: wan(r.available_yuan)!,
    document: r.document,
    debtIndicators: r.debt_indicators,
    debtRatio: r.debt_ratio,
    debtBalance: wan(r.debt_balance_yuan),
    conclusion: r.conclusion,
    conclusionNote: r.conclusion_note,
    file: r.file_path
      ? {
          name: r.file_name ?? '',
          contentType: r.content_type ?? '',
          size: Number(r.size_bytes ?? 0),
          url: `/api/fiscal-assessments/${r.region_code}/${r.plan_year}/file`,
        }
      : null,
    review: {
      status: r.review_status,
      reviewer: r.reviewer,
      reviewedOn: r.reviewed_on,
      remark: r.review_remark,
      reviewedBy: r.reviewed_by,
      reviewedAt: r.reviewed_at,
    },
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    // UI hints; the service decides again on every change.
    canEdit: policy.canRecordAssessment(actor, unit),
    canReview: policy.canReviewAssessment(actor, unit),
  };
}

const assessmentsRefused = (actor: Actor) =>
  forbidden(
    readsPlanData(actor)
      ? '没有查看财政承受能力评估的权限'
      : '没有查看财政承受能力评估的权限（三员分立：安全管理员、审计管理员不查看计划数据）',
  );

/**
 * The unit of an assessment, as the actor may see it: not found outside their subtree; refused
 * (403) before the look-up to whoever reads no assessment at all.
 */
export async function visibleUnit(db: Kysely<Database>, actor: Actor, regionCode: string) {
  if (!policy.readsAssessments(actor)) throw assessmentsRefused(actor);
  const region = await findRegion(db, regionCode);
  if (!region || !policy.canSeeAssessment(actor, region) || !policy.isAssessingUnit(region))
    throw notFound(`区划 ${regionCode} `);
  return region;
}

export async function getAssessment(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  year: number,
) {
  await visibleUnit(db, actor, code);
  const row = await repo.findAssessment(db, code, year);
  if (!row) throw notFound(`${year}年度 ${code} 的财政承受能力评估`);
  return presentAssessment(row, actor);
}

/** The year's assessments in the actor's subtree, and the units in the plan still without one. */
export async function listAssessments(db: Kysely<Database>, actor: Actor, year: number) {
  if (!policy.readsAssessments(actor)) throw assessmentsRefused(actor);
  const [rows, units] = await Promise.all([
    repo.assessmentsUnder(db, actor.regionPath, year),
    repo.unitsWithPlanCommunities(db, actor.regionPath, year),
  ]);
  const assessed = new Set(rows.map((r) => r.region_code));
  return {
    items: rows.map((r) => presentAssessment(r, actor)),
    units: units.map((u) => ({ ...u, assessed: assessed.has(u.code) })),
  };
}

function readInput(input: AssessmentInput) {
  const details: ErrorDetail[] = [];
  const money = (text: string | null | undefined, path: string, label: string) => {
    const yuan = parseScaled((text ?? '').trim().replace(/,/g, ''), 4);
    if (yuan === undefined)
      details.push({ path, message: `${label}应为不小于0的数，最多4位小数（万元）` });
    return yuan ?? 0;
  };
  const available = money(input.available, 'available', '拟安排地方财政资金');
  const balance = input.debtBalance?.trim()
    ? money(input.debtBalance, 'debtBalance', '政府债务余额')
    : null;
  const ratio = input.debtRatio?.trim() || null;
  if (ratio !== null && !/^\d{1,4}(\.\d{1,2})?$/.test(ratio))
    details.push({ path: 'debtRatio', message: '债务率应为百分数，如 85.5，最多2位小数' });
  if (!input.document.trim())
    details.push({ path: 'document', message: '请填写评估文件名称或文号' });
  if (!input.debtIndicators.trim())
    details.push({ path: 'debtIndicators', message: '请填写评估采用的债务指标' });
  if (input.conclusion === 'exceeds' && !input.conclusionNote?.trim())
    details.push({ path: 'conclusionNote', message: '结论为超出承受能力时，请说明' });
  if (details.length)
    throw validation(`财政承受能力评估有误：${details.map((d) => d.message).join('；')}`, details);
  return {
    available_yuan: available,
    document: input.document.trim(),
    debt_indicators: input.debtIndicators.trim(),
    debt_ratio: ratio,
    debt_balance_yuan: balance,
    conclusion: input.conclusion,
    conclusion_note: input.conclusionNote?.trim() ?? '',
  };
}

/** A changed assessment is the province's to review again. */
export const REVIEW_RESET = {
  review_status: 'pending',
  reviewer: null,
  reviewed_on: null,
  review_remark: '',
  reviewed_by: null,
  reviewed_at: null,
} as const;

export const staleVersion = (name: string) =>
  conflict('STALE_VERSION', `${name}的财政承受能力评估已被他人修改，请刷新后重试`);

export async function saveAssessment(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
  input: AssessmentInput,
  now = new Date(),
) {
  const region = await visibleUnit(db, actor, regionCode);
  if (!policy.canRecordAssessment(actor, region))
    throw forbidden(`财政承受能力评估由${region.name}本级录入`);
  const values = {
    ...readInput(input),
    updated_at: now.toISOString(),
    updated_by: actor.username,
  };
  await db.transaction().execute(async (trx) => {
    const saved =
      input.version === undefined || input.version === null
        ? await repo.insertAssessment(trx, {
            region_code: region.code,
            plan_year: year,
            version: 1,
            ...values,
          })
        : await repo.updateAssessment(trx, region.code, year, input.version, {
            ...values,
            ...REVIEW_RESET,
          });
    if (!saved) throw staleVersion(region.name);
    await auditBy(trx, actor, 'fiscal.assessment', `${region.code}/${year}`, { ...input }, now);
  });
  return getAssessment(db, actor, region.code, year);
}

export async function reviewAssessment(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
  input: ReviewInput,
  now = new Date(),
) {
  const region = await visibleUnit(db, actor, regionCode);
  if (!policy.canReviewAssessment(actor, region))
    throw forbidden('财政承受能力评估由省级审核，不能审核本级的评估');
  const details: ErrorDetail[] = [];
  if (!input.reviewer.trim()) details.push({ path: 'reviewer', message: '请填写审核人' });
  if (!isIsoDate(input.reviewedOn))
    details.push({ path: 'reviewedOn', message: '审核日期格式应为 YYYY-MM-DD' });
  if (input.decision === 'returned' && !input.remark?.trim())
    details.push({ path: 'remark', message: '退回时请填写退回原因' });
  if (details.length)
    throw validation(
      `${region.name}财政承受能力评估的审核有误：${details.map((d) => d.message).join('；')}`,
      details,
    );
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateAssessment(trx, region.code, year, input.version, {
      review_status: input.decision,
      reviewer: input.reviewer.trim(),
      reviewed_on: input.reviewedOn,
      review_remark: input.remark?.trim() ?? '',
      reviewed_by: actor.username,
      reviewed_at: now.toISOString(),
    });
    if (!ok) {
      if (!(await repo.findAssessment(trx, region.code, year)))
        throw notFound(`${year}年度${region.name}的财政承受能力评估`);
      throw staleVersion(region.name);
    }
    await auditBy(trx, actor, 'fiscal.review', `${region.code}/${year}`, { ...input }, now);
  });
  return getAssessment(db, actor, region.code, year);
}
