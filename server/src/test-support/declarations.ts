/**
 * Declarations carried through by the service, as a unit's own staff and its reviewer would do it
 * on their pages: for tests that need the units below accepted before the unit they are about.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Role } from '../../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../domain/actor.ts';
import { DECLARER_ROLE, REVIEWER_ROLE, unacceptedChildren } from '../domain/declaration.ts';
import {
  acceptDeclaration,
  declarationView,
  submitDeclaration,
} from '../modules/declarations/declarations.service.ts';
import { saveContact } from '../modules/declarations/declarations.receipts.ts';
import { unitLevelOf } from '../modules/declarations/declarations.units.ts';
import { SIGNOFF_ROLES } from '../../../common/declaration.ts';
import {
  freezeForSignoff,
  justifyWarning,
  recordApproval,
  signOff,
} from '../modules/declarations/signoff.service.ts';
import { getRegion } from '../modules/regions/regions.repository.ts';

/** Someone with `role` at the region (not a stored user: the audit log records no user id). */
export async function actorAt(
  db: Kysely<Database>,
  regionCode: string,
  role: Role,
): Promise<Actor> {
  const r = await getRegion(db, regionCode);
  return {
    userId: 0,
    username: `${role}@${regionCode}`,
    roles: [role],
    regionCode: r.code,
    regionPath: r.path,
    regionLevel: r.level,
  };
}

/**
 * Brings a county's or city's declaration to 'accepted': first the units below it that hold plan
 * communities (recursively), then its failing warnings justified, submitted, accepted by the level
 * above. Returns the units it accepted, bottom-up.
 */
export async function declareAccepted(
  db: Kysely<Database>,
  unitCode: string,
  year: number,
  now = new Date(),
): Promise<string[]> {
  const region = await getRegion(db, unitCode);
  const level = unitLevelOf(region);
  if (level !== 'county' && level !== 'city')
    throw new Error(`declareAccepted: ${unitCode} is not a county or city`);
  const self = await actorAt(db, unitCode, DECLARER_ROLE[level]);
  let view = await declarationView(db, self, unitCode, year);
  if (view.state === 'accepted') return [];
  const accepted: string[] = [];
  for (const c of unacceptedChildren(view.children))
    accepted.push(...(await declareAccepted(db, c.code, year, now)));
  if (view.state !== 'submitted') {
    view = await declarationView(db, self, unitCode, year);
    for (const c of view.checks)
      if (!c.passed && c.severity === 'warning' && !c.justification)
        await justifyWarning(
          db,
          self,
          unitCode,
          year,
          c.id,
          '测试：相邻片区联动改造，全省统筹后不超过上限',
          now,
        );
    await submitDeclaration(db, self, unitCode, year, now);
  }
  const reviewer = await actorAt(db, region.parent_code!, REVIEWER_ROLE[level]);
  await acceptDeclaration(db, reviewer, unitCode, year, now);
  return [...accepted, unitCode];
}

/**
 * Brings a province's plan to 'submitted' as its staff would: its cities accepted (declareAccepted),
 * its failing warnings justified, its contact entered, a version frozen, the provincial
 * government's approval of it recorded, and signed off by the three departments, then submitted. Returns the submitted version's hash.
 */
export async function declareProvinceSubmitted(
  db: Kysely<Database>,
  provinceCode: string,
  year: number,
  uploadDir: string,
): Promise<string> {
  const self = await actorAt(db, provinceCode, 'province');
  for (const c of unacceptedChildren(
    (await declarationView(db, self, provinceCode, year)).children,
  ))
    await declareAccepted(db, c.code, year);
  for (const c of (await declarationView(db, self, provinceCode, year)).checks)
    if (!c.passed && c.severity === 'warning' && !c.justification)
      await justifyWarning(db, self, provinceCode, year, c.id, '测试：全省统筹后不超过上限的说明');
  // The form's contact, frozen with the version; the approval names that version (issue 11 §2).
  await saveContact(db, self, provinceCode, year, { name: '测试联系人', phone: '010-12345678' });
  const { id, hash } = await freezeForSignoff(db, self, provinceCode, year);
  await recordApproval(
    db,
    self,
    provinceCode,
    year,
    {
      approvedOn: `${year - 1}-06-20`,
      documentNo: `测试〔${year - 1}〕1号`,
      fileName: '批复.pdf',
      file: Readable.from([Buffer.from('%PDF-1.4 test')]),
    },
    uploadDir,
  );
  for (const role of SIGNOFF_ROLES)
    await signOff(db, await actorAt(db, provinceCode, role), id, hash);
  await submitDeclaration(db, self, provinceCode, year);
  return hash;
}
