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
  declarationCan,
  revisionLabel,
  stateLabel,
  unacceptedChildren,
  type DeclarationState,
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
import { peopleNamed } from '../users/people.ts';
import { childrenOf } from './declarations.children.ts';
import { presentDeadline, reviewerName, unitDeadline } from './declarations.deadlines.ts';
import { SIGNOFF_LABELS, SIGNOFF_ROLES } from '../../../../common/declaration.ts';
import { coversOf, provinceView } from './declarations.province.ts';
import { receivesOnly } from './declarations.policy.ts';
import {
  currentContent,
  readableUnit,
  sideOf,
  visibleUnit,
  type SnapshotContent,
} from './declarations.units.ts';
import { insertAcceptance } from './revisions.repository.ts';
import { checkRevision, revisionOf } from './revisions.service.ts';

export async function declarationView(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now = new Date(),
) {
  const { region, level } = await readableUnit(db, actor, unitCode, year);
  const d = await repo.findDeclaration(db, region.code, year);
  const state: DeclarationState = d?.state ?? 'draft';
  const [deadline, reviewer] = await Promise.all([
    unitDeadline(db, region, year),
    reviewerName(db, region),
  ]);
  const [{ checks }, justifications, notes, events, submitted, current, children, revision] =
    await Promise.all([
      checksFor(db, region, year),
      repo.justificationsOf(db, region.code, year),
      repo.activeNotes(db, region.code, year),
      repo.eventsOf(db, region.code, year),
      repo.latestSnapshot(db, region.code, year, 'submission'),
      currentContent(db, region, level, year),
      level === 'county'
        ? Promise.resolve([])
        : childrenOf(db, region, year, deadline.deadline, now),
      revisionOf(db, region.code, year, d?.revision ?? 0),
    ]);
  const byCheck = new Map(justifications.map((j) => [j.check_id, j]));
  const province = level === 'province' ? await provinceView(db, region.code, year, d) : null;
  // 国家发展改革委 and 财政部 receive the submitted plan: its figures, not the live ledger's checks
  // or the units below (readableUnit has made sure there is a submitted version).
  const received = receivesOnly(actor) && submitted ? submitted : null;
  const people = await peopleNamed(db, [
    ...events.map((e) => e.username),
    submitted?.created_by,
    revision.inForce?.acceptedBy,
    revision.revisionInfo?.openedBy,
    ...(province ? peopleOfProvince(province) : []),
  ]);
  const side = sideOf(actor, region, level);
  return {
    /** login name → the person as pages show them (unit and display name) */
    people,
    unit: { code: region.code, name: region.name, level },
    year,
    state,
    stateLabel: stateLabel(state, d?.revision ?? 0),
    version: d?.version ?? 0,
    /** the revision under way or last accepted, and the version in force (计划调整) */
    ...revision,
    submittedAt: d?.submitted_at ?? null,
    ...presentDeadline(deadline, reviewer, now),
    policyDeadline: deadline.policy,
    /** the latest internal deadline this unit may be given; a province's is the policy's */
    parentDeadline: level === 'province' ? null : deadline.parent,
    side,
    /** what this user may do now, from the transition table (the web does not re-derive it) */
    can: declarationCan(state, side),
    currentHash: current.hash,
    totals: received
      ? (JSON.parse(received.content) as SnapshotContent).totals
      : current.content.totals,
    submitted: submitted
      ? {
          version: submitted.version,
          hash: submitted.hash,
          at: submitted.created_at,
          by: submitted.created_by,
          unchanged: submitted.hash === current.hash,
        }
      : null,
    checks: received
      ? []
      : checks.map((c) => ({ ...c, justification: byCheck.get(c.id)?.text ?? null })),
    returnNotes: notes.map((n) => ({
      communityId: n.community_id,
      name: n.name ?? '',
      reason: n.reason,
      at: n.at,
    })),
    events: events.map((e) => ({
      action: e.action,
      username: e.username,
      at: e.at,
      reason: e.reason,
      hash: e.hash,
    })),
    children: received ? [] : children,
    /** units below with plan communities whose declaration is not accepted: submitting waits */
    unacceptedChildren: unacceptedChildren(received ? [] : children).map((c) => ({
      code: c.code,
      name: c.name,
      state: c.state,
      stateLabel: c.stateLabel,
    })),
    province: province && {
      ...province,
      candidate: province.candidate && {
        ...province.candidate,
        current: province.candidate.hash === current.hash,
      },
    },
  };
}

/** Everyone a province's view names: approvals, the frozen version, sign-offs, receipts. */
const peopleOfProvince = (p: Awaited<ReturnType<typeof provinceView>>) => [
  ...[p.approval, ...p.approvalHistory].map((a) => a?.username),
  p.candidate?.createdBy,
  ...p.signoffs.map((s) => s.username),
  ...p.receipts.map((r) => r.username),
];

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
        content: JSON.stringify(content),
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
