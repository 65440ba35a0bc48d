/**
 * The home page's figures (issue 13, defect 1): for the year being declared (plan-year.service.ts)
 * and within the actor's own region only. Each figure counts what a role acts on: the unit's plan
 * and its own declaration to submit, the units below that have submitted and those waiting for
 * review, the versions waiting for this department's sign-off (会签) and those signed, the
 * provinces that have submitted and this national department's receipts (签收).
 */
import type { Kysely } from 'kysely';
import type { HomeFigures } from '../../../../common/api/home.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { stateLabel, type DeclarationState } from '../../domain/declaration.ts';
import { notFound } from '../../errors.ts';
import { childrenOf } from '../declarations/declarations.children.ts';
import { unitDeadline } from '../declarations/declarations.deadlines.ts';
import { findDeclaration } from '../declarations/declarations.repository.ts';
import { unitLevelOf } from '../declarations/declarations.units.ts';
import { RECIPIENT_ROLES } from '../../../../common/declaration.ts';
import { planCommunityCount } from '../plan/plan-table.repository.ts';
import { planYearOf } from '../plan/plan-year.service.ts';
import { policyFor } from '../plan/policies.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import * as repo from './home.repository.ts';

/** Submitted and not returned: waiting for review, or accepted. */
const hasSubmitted = (state: DeclarationState) => state === 'submitted' || state === 'accepted';

export async function homeFigures(
  db: Kysely<Database>,
  actor: Actor,
  year?: number,
  now = new Date(),
): Promise<HomeFigures> {
  const region = await findRegion(db, actor.regionCode);
  if (!region) throw notFound(`区划 ${actor.regionCode} `);
  const planYear = await planYearOf(db, actor, now);
  const y = year ?? planYear.year;
  const level = unitLevelOf(region);
  const country = region.level === 'country';
  const deadline = level
    ? (await unitDeadline(db, region, y)).deadline
    : (await policyFor(db, y)).deadline;
  const children = level === 'county' ? [] : await childrenOf(db, region, y, deadline, now);
  const submitted = children.filter((c) => hasSubmitted(c.state));
  const own = level ? await findDeclaration(db, region.code, y) : undefined;
  const ownState = (own?.state ?? 'draft') as DeclarationState;
  const planCommunities = country ? null : await planCommunityCount(db, region.path, y);
  return {
    year: y,
    /** the year being declared and why (the plan table opens on it too) */
    planYear,
    scope: { code: region.code, name: region.name, level: region.level },
    deadline,
    /** communities in the year's plan within the region (the live ledger; none for the country) */
    planCommunities,
    /** the unit's own declaration; toDo is 1 while it has a plan to submit (编制中 or 已退回) */
    own: level
      ? {
          state: ownState,
          stateLabel: stateLabel(ownState, own?.revision ?? 0),
          toDo:
            (ownState === 'draft' || ownState === 'returned') && (planCommunities ?? 0) > 0 ? 1 : 0,
        }
      : null,
    /** the units directly below (for the country: the provinces) */
    children:
      level === 'county'
        ? null
        : {
            total: children.length,
            submitted: submitted.length,
            awaitingReview: children.filter((c) => c.state === 'submitted').length,
          },
    signoff: region.level === 'province' ? await signoffFigures(db, actor, region.code, y) : null,
    receipts: country ? await receiptFigures(db, actor, y, submitted) : null,
  };
}

/** 待会签 (the latest version frozen for sign-off, not yet signed by this department) and 已会签. */
async function signoffFigures(db: Kysely<Database>, actor: Actor, province: string, year: number) {
  const role = (['province_ndrc', 'province_finance', 'province'] as const).find((r) =>
    hasRole(actor, r),
  );
  if (!role) return null;
  const candidates = await repo.candidatesWithSignoff(db, province, year, role);
  return {
    pending: candidates[0] && !candidates[0].signedAt ? 1 : 0,
    signed: candidates.filter((c) => c.signedAt).length,
  };
}

/** Of the provinces that have submitted, those whose latest version this department signed for. */
async function receiptFigures(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  submitted: { code: string; version: number }[],
) {
  const role = RECIPIENT_ROLES.find((r) => hasRole(actor, r));
  if (!role) return null;
  const receipts = await repo.receiptsBy(db, year, role);
  const signed = submitted.filter((p) =>
    receipts.some((r) => r.unit_code === p.code && r.version === p.version),
  ).length;
  return { signed, pending: submitted.length - signed };
}
