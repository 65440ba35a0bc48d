/**
 * The declaration's page with its frozen versions verified (issue 10): the latest submission and
 * the sign-off candidate each carry `integrity: 'ok' | 'mismatch'`, recomputed from the content
 * stored beside the hash on this read (integrity/integrity.ts); a mismatch is audited and the page
 * shows 数据校验失败.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { checkOnRead, type Integrity } from '../integrity/integrity.ts';
import * as repo from './declarations.repository.ts';
import { declarationView } from './declarations.service.ts';

export async function verifiedDeclarationView(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
) {
  const view = await declarationView(db, actor, unitCode, year);
  const unit = view.unit.code;
  const [submitted, candidate] = await Promise.all([
    view.submitted ? repo.snapshotByVersion(db, unit, year, view.submitted.version) : undefined,
    view.province?.candidate ? repo.findSnapshot(db, view.province.candidate.id) : undefined,
  ]);
  const of = async (s: typeof submitted): Promise<Integrity> =>
    s ? checkOnRead(db, actor, 'declaration_snapshot', s) : 'ok';
  const [si, ci] = [await of(submitted), await of(candidate)];
  return {
    ...view,
    submitted: view.submitted ? { ...view.submitted, integrity: si } : null,
    province: view.province
      ? {
          ...view.province,
          candidate: view.province.candidate ? { ...view.province.candidate, integrity: ci } : null,
        }
      : null,
  };
}
