/**
 * The province's plan goes to three national departments (建办城〔2021〕28号 三(四)「分别报住房和城乡
 * 建设部、国家发展改革委、财政部」): each signs for its receipt (签收) of the submitted version, once a
 * department and version, with who and when; and the province's contact (联系人及电话) for the form,
 * entered with its submission.
 */
import type { Kysely } from 'kysely';
import { contactErrors, contactPhone } from '../../../../common/contact.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { STATE_LABELS } from '../../domain/declaration.ts';
import { conflict, forbidden, validation } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { assertIntact } from '../integrity/integrity.ts';
import { recipientRoleOf } from './declarations.policy.ts';
import * as repo from './declarations.repository.ts';
import * as signoffRepo from './signoff.repository.ts';
import { readableUnit, sideOf, visibleUnit } from './declarations.units.ts';
import { RECIPIENT_LABELS } from '../../../../common/declaration.ts';

/**
 * The acting department's receipt of the province's latest submitted version (or of `version`,
 * which must be that one). Signing twice, or twice at once, gives the one receipt back.
 */
export async function signForReceipt(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  version?: number,
  now = new Date(),
) {
  const role = recipientRoleOf(actor);
  if (!role) throw forbidden('只有住房和城乡建设部、国家发展改革委、财政部可以签收省级计划');
  return db.transaction().execute(async (trx) => {
    const { region, level } = await readableUnit(trx, actor, unitCode, year);
    if (level !== 'province') throw validation('只有省级计划报部委签收');
    const at = now.toISOString();
    // Locked with the declaration: a receipt takes turns with a return, a resubmission and the
    // same department's receipt from another window.
    const d = await repo.lockDeclaration(trx, { unit: region.code, year, level, at });
    const s = await repo.latestSnapshot(trx, region.code, year, 'submission');
    if (!s || (d.state !== 'submitted' && d.state !== 'accepted'))
      throw conflict(
        'STATE_REFUSED',
        `${region.name}${year}年度计划当前为“${STATE_LABELS[d.state]}”，没有待签收的上报版本`,
      );
    if (version !== undefined && version !== s.version)
      throw conflict(
        'SUPERSEDED',
        `第 ${version} 版已被第 ${s.version} 版取代，请签收最新上报的版本`,
      );
    assertIntact('declaration_snapshot', s, '签收');
    const before = (await signoffRepo.receiptsOf(trx, year, region.code)).find(
      (r) => r.role === role && r.version === s.version,
    );
    const r =
      before ??
      (await signoffRepo.saveReceipt(trx, {
        unit_code: region.code,
        plan_year: year,
        role,
        version: s.version,
        hash: s.hash,
        username: actor.username,
        at,
      }));
    if (!before) {
      await repo.addEvent(trx, {
        unit: region.code,
        year,
        action: `receipt.${role}`,
        username: actor.username,
        at,
        reason: `${RECIPIENT_LABELS[role]}签收第 ${s.version} 版`,
        hash: s.hash,
      });
      await auditBy(
        trx,
        actor,
        'declaration.receipt',
        `${region.code}/${year}`,
        { role, version: s.version, hash: s.hash },
        now,
      );
    }
    return {
      created: !before,
      receipt: {
        role: r.role,
        label: RECIPIENT_LABELS[r.role],
        username: r.username,
        at: r.at,
        version: r.version,
        hash: r.hash,
      },
    };
  });
}

/** The province's 联系人及电话, editable by its own staff until it submits. */
export async function saveContact(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  input: { name: string; phone: string },
  now = new Date(),
) {
  const errors = contactErrors(input.name, input.phone);
  if (errors.length) throw validation(errors.map((e) => e.message).join('；'), errors);
  await db.transaction().execute(async (trx) => {
    const { region, level } = await visibleUnit(trx, actor, unitCode);
    if (sideOf(actor, region, level) !== 'self') throw forbidden('只有本单位可以填写联系人及电话');
    if (level !== 'province') throw validation('联系人及电话由省级单位随计划上报时填写');
    const at = now.toISOString();
    const d = await repo.lockDeclaration(trx, { unit: region.code, year, level, at });
    if (d.state === 'submitted' || d.state === 'accepted')
      throw conflict('STATE_REFUSED', `计划${STATE_LABELS[d.state]}，不能修改联系人及电话`);
    const contact = { name: input.name.trim(), phone: contactPhone(input.phone) };
    await signoffRepo.saveContact(trx, { unit: region.code, year, ...contact, at });
    await auditBy(trx, actor, 'declaration.contact', `${region.code}/${year}`, contact, now);
  });
}
