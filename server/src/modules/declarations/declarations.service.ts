/**
 * Declaring a year's plan, county → city → province → ministries: the declaration's page, and
 * submit / return / accept (revise: revisions.service.ts). Submitting freezes a versioned snapshot with its hash, so later ledger
 * edits never change what was reported. Every action goes to the events and the audit log.
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  approvalGap,
  revisionLabel,
  unacceptedChildren,
  type SnapshotCommunity,
  type UnitLevel,
} from '../../domain/declaration.ts';
import { submissionBlockers, type SubmissionFacts } from '../../domain/declaration-submission.ts';
import { notFound, validation } from '../../errors.ts';
import { assertIntact, auditingRefusals } from '../integrity/integrity.ts';
import { findCommunity } from '../ledger/communities.repository.ts';
import { isWithin } from '../../domain/regions.ts';
import { recordAcceptedPlan } from '../plan/earlier-plans.service.ts';
import { checksFor } from '../plan/plan-table.service.ts';
import * as repo from './declarations.repository.ts';
import * as signoffRepo from './signoff.repository.ts';
import { act } from './declarations.act.ts';
import { childrenOf } from './declarations.children.ts';
import { unitDeadline } from './declarations.deadlines.ts';
import { SIGNOFF_LABELS, SIGNOFF_ROLES } from '../../../../common/declaration.ts';
import { coversOf } from './declarations.province.ts';
import { currentContent, visibleUnit, type SnapshotContent } from './declarations.units.ts';
import { insertAcceptance } from './revisions.repository.ts';
import { checkRevision } from './revisions.service.ts';
import { readDeclarationFacts } from './declarations.facts.ts';
import { presentDeclaration } from './declarations.presenter.ts';

/** The declaration page of `unitCode` for `year`: its facts read, then presented for the actor. */
export async function declarationView(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now = new Date(),
) {
  return presentDeclaration(actor, await readDeclarationFacts(db, actor, unitCode, year, now));
}

/** What the submission's checks read, for submissionBlockers() to judge. */
async function submissionFacts(
  trx: Kysely<Database>,
  region: RegionRow,
  level: UnitLevel,
  year: number,
  now: Date,
  hash: string,
  content: SnapshotContent,
): Promise<SubmissionFacts> {
  const pendingChildren =
    level === 'county'
      ? []
      : unacceptedChildren(
          await childrenOf(
            trx,
            region,
            year,
            (await unitDeadline(trx, region, year)).deadline,
            now,
          ),
        );
  const [{ checks }, justifications] = await Promise.all([
    checksFor(trx, region, year),
    repo.justificationsOf(trx, region.code, year),
  ]);
  const facts: SubmissionFacts = {
    pendingChildren,
    checks,
    justified: new Set(justifications.map((j) => j.check_id)),
    province: null,
  };
  if (level !== 'province') return facts;
  const approval = await signoffRepo.approvalOf(trx, region.code, year);
  const candidate = await repo.latestSnapshot(trx, region.code, year, 'candidate');
  const signed = candidate ? await signoffRepo.signoffsOf(trx, candidate.id) : [];
  facts.province = {
    hasApproval: Boolean(approval),
    candidateCurrent: candidate?.hash === hash,
    approvalGap: candidate
      ? approvalGap(coversOf(approval), { version: candidate.version, hash: candidate.hash })
      : null,
    missingSignoffs: SIGNOFF_ROLES.filter(
      (r) => !signed.some((s) => s.role === r && s.hash === candidate?.hash),
    ).map((role) => ({ role, label: SIGNOFF_LABELS[role] })),
    // 联系人及电话 of the form: part of the frozen content, so entered before the sign-offs.
    hasContact: Boolean(content.contact),
  };
  return facts;
}

export async function submitDeclaration(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now = new Date(),
) {
  return act(
    db,
    actor,
    unitCode,
    year,
    'submit',
    now,
    async ({ trx, version, revision, at, unitName, parent, level }) => {
      const { region } = await visibleUnit(trx, actor, unitCode);
      const { content, hash } = await currentContent(
        trx,
        region,
        level as 'county' | 'city' | 'province',
        year,
      );
      const [blocker] = submissionBlockers(
        await submissionFacts(trx, region, level as UnitLevel, year, new Date(at), hash, content),
      );
      if (blocker) throw validation(blocker.message, blocker.details, blocker.subCode);
      if (revision > 0)
        await checkRevision(trx, region, level as UnitLevel, year, revision, content, hash);
      const next = version + 1;
      await repo.insertSnapshot(trx, {
        unit: region.code,
        year,
        kind: 'submission',
        version: next,
        hash,
        content,
        by: actor.username,
        at,
      });
      await repo.clearNotes(trx, region.code, year);
      return {
        version: next,
        submittedAt: at,
        hash,
        notify: { region: parent!, message: `${unitName}已上报${year}年度计划（第 ${next} 版）` },
      };
    },
  );
}

export async function returnDeclaration(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  reason: string,
  notes: { communityId: number; reason: string }[],
  now = new Date(),
) {
  return act(
    db,
    actor,
    unitCode,
    year,
    'return',
    now,
    async ({ trx, at, unitName, regionPath }) => {
      for (const n of notes) {
        const c = await findCommunity(trx, n.communityId);
        if (!c || !isWithin(c.region_path, regionPath)) throw notFound(`小区 ${n.communityId} `);
      }
      await repo.addNotes(trx, unitCode, year, notes, at);
      return {
        reason,
        notify: { region: unitCode, message: `${unitName}${year}年度计划被退回：${reason}` },
      };
    },
  );
}

export async function acceptDeclaration(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now = new Date(),
) {
  const accept = () =>
    act(
      db,
      actor,
      unitCode,
      year,
      'accept',
      now,
      async ({ trx, unitName, level, revision, at }) => {
        const s = await repo.latestSnapshot(trx, unitCode, year, 'submission');
        if (s) assertIntact('declaration_snapshot', s, '接收');
        // The accepted version is the plan in force from now on (plan-in-force.ts).
        if (s)
          await insertAcceptance(trx, {
            unit_code: unitCode,
            plan_year: year,
            version: s.version,
            revision,
            snapshot_id: s.id,
            accepted_by: actor.username,
            accepted_at: at,
          });
        // What was accepted counts as declared for the checks of later years (issue 9 §4).
        if (s)
          await recordAcceptedPlan(
            trx,
            { unitCode, year, level: level as UnitLevel, version: s.version },
            (JSON.parse(s.content) as { communities: SnapshotCommunity[] }).communities,
          );
        return {
          hash: s?.hash ?? null,
          notify: {
            region: unitCode,
            message: `${unitName}${year}年度计划（第 ${s?.version ?? '?'} 版${revision ? `，${revisionLabel(revision)}` : ''}）已被接收`,
          },
        };
      },
    );
  return auditingRefusals(db, actor, accept);
}
