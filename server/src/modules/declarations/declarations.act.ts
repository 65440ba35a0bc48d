/**
 * Every transition of a declaration (submit, return, accept, revise) in one locked transaction:
 * the declaration's row is locked first, the state table decides, the action's own work runs,
 * and the new state, the event, the audit entry and the notification are written together.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  ACTION_LABELS,
  actedBy,
  transition,
  type DeclarationAction,
  type DeclarationState,
} from '../../domain/declaration.ts';
import { conflict, forbidden } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as repo from './declarations.repository.ts';
import { sideOf, visibleUnit } from './declarations.units.ts';

function refuseUnless(next: DeclarationState | { refused: string }): DeclarationState {
  if (typeof next === 'object') throw conflict('STATE_REFUSED', next.refused);
  return next;
}

export async function act(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  action: DeclarationAction,
  now: Date,
  body: (ctx: {
    trx: Kysely<Database>;
    state: DeclarationState;
    version: number;
    /** the declaration's revision number (0: the first declaration) */
    revision: number;
    at: string;
    unitName: string;
    parent: string | null;
    level: string;
    regionPath: string;
  }) => Promise<{
    version?: number;
    revision?: number;
    submittedAt?: string | null;
    hash?: string | null;
    reason?: string | null;
    notify: { region: string; message: string };
  }>,
) {
  return db.transaction().execute(async (trx) => {
    const { region, level } = await visibleUnit(trx, actor, unitCode);
    const side = sideOf(actor, region, level);
    if (!side || side !== actedBy(action))
      throw forbidden(`没有${ACTION_LABELS[action]}${region.name}年度计划的权限`);
    const at = now.toISOString();
    // Locked: a concurrent transition waits here and then sees this one's state (409).
    const d = await repo.lockDeclaration(trx, { unit: region.code, year, level, at });
    const state = d.state;
    const next = refuseUnless(transition(state, action, side));
    const r = await body({
      trx,
      state,
      version: d.version,
      revision: d.revision,
      at,
      unitName: region.name,
      parent: level === 'province' ? '000000' : region.parent_code,
      level,
      regionPath: region.path,
    });
    await repo.saveDeclaration(trx, {
      unit_code: region.code,
      plan_year: year,
      level,
      state: next,
      version: r.version ?? d.version,
      revision: r.revision ?? d.revision,
      internal_deadline: d.internal_deadline,
      submitted_at: r.submittedAt === undefined ? d.submitted_at : r.submittedAt,
      updated_at: at,
    });
    await repo.addEvent(trx, {
      unit: region.code,
      year,
      action,
      username: actor.username,
      at,
      reason: r.reason,
      hash: r.hash,
    });
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: `declaration.${action}`,
        target: `${region.code}/${year}`,
        detail: { hash: r.hash ?? null, reason: r.reason ?? null, from: state, to: next },
      },
      now,
    );
    await repo.notify(
      trx,
      r.notify.region,
      action,
      r.notify.message,
      `/declarations/${region.code}/${year}`,
      at,
    );
    return next;
  });
}
