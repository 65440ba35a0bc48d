/** Plan-year policies: read by everyone, added and edited by administrators (DESIGN.md, "Rules are data"). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { noticePolicyDeadline } from '../declarations/declarations.deadlines.ts';
import * as repo from './policies.repository.ts';
import { isIsoDate } from '../../domain/dates.ts';

export interface PolicyInput {
  cutoffYear: number;
  latestBuildYear: number;
  /** percent, e.g. 15 */
  maxPostCutoffSharePercent: number;
  /** percent of a community's households that must agree before a start, e.g. 66.67; omitted: unchanged */
  consentThresholdPercent?: number;
  deadline: string;
  recipients: string;
  source: string;
}

function checkInput(p: PolicyInput): void {
  if (p.latestBuildYear < p.cutoffYear)
    throw validation('最晚建成年份不能早于分界年份', [
      { path: 'latestBuildYear', message: '不能早于分界年份' },
    ]);
  if (!isIsoDate(p.deadline))
    throw validation('截止日期格式应为 YYYY-MM-DD', [
      { path: 'deadline', message: '日期格式不正确' },
    ]);
}

const requireAdmin = (actor: Actor) => {
  if (!hasRole(actor, 'admin') || actor.regionLevel !== 'country')
    throw forbidden('只有全国系统管理员可以设置年度政策');
};

export const listPolicies = async (db: Kysely<Database>) =>
  (await repo.listPolicies(db)).map(repo.toPolicy);

/** A new plan year, starting as a copy of the latest earlier year's rules. */
export async function addPolicy(
  db: Kysely<Database>,
  actor: Actor,
  planYear: number,
  input: Partial<PolicyInput>,
  now = new Date(),
) {
  requireAdmin(actor);
  return db.transaction().execute(async (trx) => {
    const base = await repo.policyFor(trx, planYear);
    if (base.ownYear) throw conflict('ALREADY_EXISTS', `${planYear}年度的政策已存在，请直接修改`);
    const p: PolicyInput = {
      cutoffYear: input.cutoffYear ?? base.cutoffYear,
      latestBuildYear: input.latestBuildYear ?? base.latestBuildYear,
      maxPostCutoffSharePercent: input.maxPostCutoffSharePercent ?? base.maxPostCutoffShare * 100,
      consentThresholdPercent: input.consentThresholdPercent ?? base.consentThreshold * 100,
      deadline: input.deadline ?? `${planYear - 1}${base.deadline.slice(4)}`,
      recipients: input.recipients ?? base.recipients,
      source: input.source ?? `沿用${base.planYear === planYear ? '' : '上一年度'}政策`,
    };
    checkInput(p);
    await repo.insertPolicy(trx, {
      plan_year: planYear,
      cutoff_year: p.cutoffYear,
      latest_build_year: p.latestBuildYear,
      max_post_cutoff_share_bp: Math.round(p.maxPostCutoffSharePercent * 100),
      consent_threshold_bp: Math.round(p.consentThresholdPercent! * 100),
      deadline: p.deadline,
      recipients: p.recipients,
      source: p.source,
      version: 1,
      updated_at: now.toISOString(),
      updated_by: actor.username,
    });
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'policy.create',
        target: String(planYear),
        detail: { ...p },
      },
      now,
    );
    return repo.policyFor(trx, planYear);
  });
}

export async function updatePolicy(
  db: Kysely<Database>,
  actor: Actor,
  planYear: number,
  version: number,
  p: PolicyInput,
  now = new Date(),
) {
  requireAdmin(actor);
  checkInput(p);
  return db.transaction().execute(async (trx) => {
    const current = await repo.policyFor(trx, planYear);
    if (!current.ownYear) throw notFound(`${planYear}年度政策`);
    const ok = await repo.updatePolicy(trx, planYear, version, {
      cutoff_year: p.cutoffYear,
      latest_build_year: p.latestBuildYear,
      max_post_cutoff_share_bp: Math.round(p.maxPostCutoffSharePercent * 100),
      ...(p.consentThresholdPercent === undefined
        ? {}
        : { consent_threshold_bp: Math.round(p.consentThresholdPercent * 100) }),
      deadline: p.deadline,
      recipients: p.recipients,
      source: p.source,
      updated_at: now.toISOString(),
      updated_by: actor.username,
    });
    if (!ok)
      throw conflict('STALE_VERSION', `${planYear}年度政策已被他人修改，请刷新后重试`, {
        extra: {
          currentVersion: current.version,
        },
      });
    // Every unit whose deadline moves with the plan year's is told, as when the level above moves it.
    await noticePolicyDeadline(trx, planYear, current.deadline, p.deadline, now.toISOString());
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'policy.update',
        target: String(planYear),
        detail: { ...p },
      },
      now,
    );
    return repo.policyFor(trx, planYear);
  });
}
