/**
 * Revising an accepted plan (计划调整, issue 11 §3): the unit opens a revision with its reason, edits
 * its plan in the ledger, gives a reason for each community it removes (and may for one it adds or
 * changes), and submits; the revision then travels up as a declaration does. Until it is accepted,
 * the accepted version stays the plan in force (plan-in-force.ts).
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  diffSnapshots,
  REVISION_REASON_LABELS,
  removedWithoutReason,
  revisionLabel,
  type RevisionReason,
  type UnitLevel,
} from '../../domain/declaration.ts';
import { isWithin } from '../../domain/regions.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { findCommunity } from '../ledger/communities.repository.ts';
import { act } from './declarations.act.ts';
import { approvalOf } from './signoff.repository.ts';
import * as repo from './declarations.repository.ts';
import { sideOf, visibleUnit, type SnapshotContent } from './declarations.units.ts';
import { planInForce } from './plan-in-force.ts';
import * as revisions from './revisions.repository.ts';

/** Opens a revision of the unit's accepted plan: the declaration goes back to editing. */
export async function reviseDeclaration(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  reason: string,
  now = new Date(),
) {
  return act(
    db,
    actor,
    unitCode,
    year,
    'revise',
    now,
    async ({ trx, version, revision, at, unitName, parent }) => {
      const next = revision + 1;
      await revisions.insertRevision(trx, {
        unit_code: unitCode,
        plan_year: year,
        revision: next,
        base_version: version,
        reason,
        opened_by: actor.username,
        opened_at: at,
      });
      return {
        revision: next,
        reason,
        notify: {
          region: parent!,
          message: `${unitName}开始${revisionLabel(next)}${year}年度计划（第 ${version} 版仍为现行计划）：${reason}`,
        },
      };
    },
  );
}

/** Why a revision removes (adds, changes) a community, given by the unit revising. */
export async function setRevisionReason(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  communityId: number,
  input: { code: RevisionReason; text: string },
  now = new Date(),
) {
  const text = input.text.trim();
  if (input.code === 'other' && text.length < 2)
    throw validation('原因为“其他”时请写明具体原因', [{ path: 'text', message: '必填' }]);
  await db.transaction().execute(async (trx) => {
    const { region, level } = await visibleUnit(trx, actor, unitCode);
    if (sideOf(actor, region, level) !== 'self') throw forbidden('只有本单位可以填写调整原因');
    const at = now.toISOString();
    // In turn with the submission, which reads the reasons.
    const d = await repo.lockDeclaration(trx, { unit: region.code, year, level, at });
    if (d.revision === 0 || (d.state !== 'draft' && d.state !== 'returned'))
      throw conflict('STATE_REFUSED', '只有计划调整中（未上报）的计划可以填写调整原因');
    const c = await findCommunity(trx, communityId);
    if (!c || !isWithin(c.region_path, region.path)) throw notFound(`小区 ${communityId} `);
    await revisions.saveRevisionReason(trx, {
      unit_code: region.code,
      plan_year: year,
      revision: d.revision,
      community_id: communityId,
      code: input.code,
      text,
      username: actor.username,
      at,
    });
    await auditBy(
      trx,
      actor,
      'declaration.revision_reason',
      `${region.code}/${year}`,
      { revision: d.revision, communityId, code: input.code, text },
      now,
    );
  });
}

/**
 * What a revision must satisfy before it is submitted, beyond a declaration's checks: it changes
 * something; every community it removes from the plan in force has a reason (given by this unit
 * or the unit below that removed it, since that plan was accepted); and for a province, the
 * provincial government's approval was recorded again after the revision was opened (the three
 * sign-offs are on the new version's hash already).
 */
export async function checkRevision(
  trx: Kysely<Database>,
  region: RegionRow,
  level: UnitLevel,
  year: number,
  revision: number,
  content: SnapshotContent,
  hash: string,
): Promise<void> {
  const inForce = await planInForce(trx, region.code, year);
  const opened = await revisions.findRevision(trx, region.code, year, revision);
  if (!inForce || !opened) return;
  if (inForce.hash === hash)
    throw validation(`调整后的计划与现行计划（第 ${inForce.version} 版）相同，没有可上报的调整`, [
      { path: 'revision', message: '计划未变动' },
    ]);
  const before = (JSON.parse(inForce.content) as SnapshotContent).communities;
  const { removed } = diffSnapshots(before, content.communities);
  const reasons = await revisions.reasonsSince(
    trx,
    removed.map((c) => c.id),
    year,
    inForce.accepted_at,
  );
  const missing = removedWithoutReason(removed, new Set(reasons.map((r) => r.community_id)));
  if (missing.length)
    throw validation(
      `以下 ${missing.length} 个小区从现行计划（第 ${inForce.version} 版）中删除，须填写删除原因：${missing
        .slice(0, 20)
        .map((c) => c.name)
        .join('、')}${missing.length > 20 ? ' 等' : ''}`,
      missing.map((c) => ({ path: `reasons.${c.id}`, message: `${c.name}：请选择删除原因` })),
    );
  if (level === 'province') {
    const approval = await approvalOf(trx, region.code, year);
    if (!approval || approval.at < opened.opened_at)
      throw validation(
        `${revisionLabel(revision)}须重新录入省级人民政府同意的文件（现有文件录入于计划调整之前）`,
        [{ path: 'approval', message: '须重新录入' }],
      );
  }
}

/** The revision under way (or last accepted) and the plan in force, for the declaration's page. */
export async function revisionOf(
  db: Kysely<Database>,
  unitCode: string,
  year: number,
  revision: number,
) {
  const [inForce, opened, reasons] = await Promise.all([
    planInForce(db, unitCode, year),
    revision > 0 ? revisions.findRevision(db, unitCode, year, revision) : undefined,
    revision > 0 ? revisions.reasonsOfRevision(db, unitCode, year, revision) : [],
  ]);
  return {
    revision,
    revisionLabel: revisionLabel(revision),
    revisionInfo: opened
      ? {
          reason: opened.reason,
          baseVersion: opened.base_version,
          openedBy: opened.opened_by,
          openedAt: opened.opened_at,
          reasons: reasons.map((r) => ({
            communityId: r.community_id,
            code: r.code,
            label: REVISION_REASON_LABELS[r.code],
            text: r.text,
          })),
        }
      : null,
    inForce: inForce
      ? {
          version: inForce.version,
          hash: inForce.hash,
          acceptedAt: inForce.accepted_at,
          acceptedBy: inForce.accepted_by,
          revision: inForce.revision,
          communities: (JSON.parse(inForce.content) as SnapshotContent).totals.communities,
        }
      : null,
  };
}
