/**
 * What a province needs before it submits (建办城〔2021〕28号 六): the warnings justified, the
 * provincial government's approval recorded, and the sign-off of the housing, development-reform
 * and finance departments, each on the exact version (hash) they saw. Also: the ministry's
 * overview and the unit's notifications (internal deadlines: declarations.deadlines.ts).
 */
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasRole, readsPlanData, type Actor } from '../../domain/actor.ts';
import {
  daysLeft,
  PROGRESS_LABELS,
  provinceProgress,
  stateLabel,
} from '../../domain/declaration.ts';
import { deadlineUnder } from '../../domain/deadlines.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { approvalHash, assertIntact, auditingRefusals } from '../integrity/integrity.ts';
import { policyFor } from '../plan/policies.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { storeUpload } from '../../stored-files.ts';
import { unitDeadline } from './declarations.deadlines.ts';
import {
  RECIPIENT_LABELS,
  RECIPIENT_ROLES,
  SIGNOFF_LABELS,
} from '../../../../common/declaration.ts';
import * as repo from './declarations.repository.ts';
import * as signoffRepo from './signoff.repository.ts';
import { currentContent, plansRefused, sideOf, visibleUnit } from './declarations.units.ts';
import { isIsoDate } from '../../domain/dates.ts';

async function ownUnit(db: Kysely<Database>, actor: Actor, unitCode: string) {
  const u = await visibleUnit(db, actor, unitCode);
  if (sideOf(actor, u.region, u.level) !== 'self') throw forbidden('只有本单位可以进行此操作');
  return u;
}

export async function justifyWarning(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  checkId: string,
  text: string,
  now = new Date(),
) {
  if (text.trim().length < 5)
    throw validation('说明至少5个字', [{ path: 'text', message: '说明至少5个字' }]);
  await db.transaction().execute(async (trx) => {
    const { region } = await ownUnit(trx, actor, unitCode);
    await repo.saveJustification(trx, {
      unit: region.code,
      year,
      checkId,
      text: text.trim(),
      username: actor.username,
      at: now.toISOString(),
    });
    await repo.addEvent(trx, {
      unit: region.code,
      year,
      action: 'justify',
      username: actor.username,
      at: now.toISOString(),
      reason: `${checkId}：${text.trim()}`,
    });
    await auditBy(
      trx,
      actor,
      'declaration.justify',
      `${region.code}/${year}`,
      { checkId, text: text.trim() },
      now,
    );
  });
}

/** The version the departments sign: frozen now, with its hash. */
export async function freezeForSignoff(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const { region, level } = await ownUnit(trx, actor, unitCode);
    if (level !== 'province') throw validation('只有省级计划需要会签');
    const at = now.toISOString();
    await repo.lockDeclaration(trx, { unit: region.code, year, level, at });
    const { content, hash } = await currentContent(trx, region, level, year);
    const last = await repo.latestSnapshot(trx, region.code, year, 'candidate');
    if (last?.hash === hash) return { id: last.id, hash };
    const id = await repo.insertSnapshot(trx, {
      unit: region.code,
      year,
      kind: 'candidate',
      version: (last?.version ?? 0) + 1,
      hash,
      content,
      by: actor.username,
      at: now.toISOString(),
    });
    await repo.addEvent(trx, {
      unit: region.code,
      year,
      action: 'freeze',
      username: actor.username,
      at: now.toISOString(),
      hash,
    });
    await auditBy(trx, actor, 'declaration.freeze', `${region.code}/${year}`, { hash }, now);
    return { id, hash };
  });
}

/** A department confirms the exact version it saw, by its hash. */
export async function signOff(
  db: Kysely<Database>,
  actor: Actor,
  snapshotId: number,
  hash: string,
  now = new Date(),
) {
  return auditingRefusals(db, actor, () => signOffIntact(db, actor, snapshotId, hash, now));
}

async function signOffIntact(
  db: Kysely<Database>,
  actor: Actor,
  snapshotId: number,
  hash: string,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const snap = await repo.findSnapshot(trx, snapshotId);
    if (!snap || snap.kind !== 'candidate' || snap.unit_code !== actor.regionCode)
      throw notFound('会签版本');
    assertIntact('declaration_snapshot', snap, '会签');
    const role = (['province_ndrc', 'province_finance', 'province'] as const).find((r) =>
      hasRole(actor, r),
    );
    if (!role) throw forbidden('只有省级住建、发展改革、财政部门可以会签');
    // Locked with the declaration: a sign-off takes turns with the freezing of a new version,
    // the submission, and the same department's sign-off from another window.
    await repo.lockDeclaration(trx, {
      unit: snap.unit_code,
      year: snap.plan_year,
      level: 'province',
      at: now.toISOString(),
    });
    const signed = (await signoffRepo.signoffsOf(trx, snap.id)).find((s) => s.role === role);
    if (signed?.hash === hash)
      throw conflict(
        'ALREADY_DONE',
        `${SIGNOFF_LABELS[role]}已于 ${signed.at} 由 ${signed.username} 会签此版本，无需重复会签`,
      );
    const latest = await repo.latestSnapshot(trx, snap.unit_code, snap.plan_year, 'candidate');
    if (latest?.id !== snap.id)
      throw conflict('SUPERSEDED', '该会签版本已被更新的版本取代，请查看最新版本后再会签');
    // A version the plan has moved on from (a community, the form's contact) can no longer be
    // submitted (declaration-submission.ts): signing it would only have to be done again.
    const { region } = await visibleUnit(trx, actor, snap.unit_code);
    if ((await currentContent(trx, region, 'province', snap.plan_year)).hash !== snap.hash)
      throw conflict(
        'SUPERSEDED',
        '生成会签版本后计划已有变动（小区数据或计划表联系人），此版本已不能上报：请待省级住房和城乡建设部门重新生成会签版本后再会签',
      );
    if (hash !== snap.hash)
      throw conflict(
        'HASH_MISMATCH',
        `您确认的版本（${hash.slice(0, 12)}…）与当前会签版本（${snap.hash.slice(0, 12)}…）不一致`,
      );
    await signoffRepo.saveSignoff(trx, {
      snapshot_id: snap.id,
      role,
      username: actor.username,
      hash,
      at: now.toISOString(),
    });
    await repo.addEvent(trx, {
      unit: snap.unit_code,
      year: snap.plan_year,
      action: `signoff.${role}`,
      username: actor.username,
      at: now.toISOString(),
      hash,
    });
    await auditBy(
      trx,
      actor,
      'declaration.signoff',
      `${snap.unit_code}/${snap.plan_year}`,
      { role, hash },
      now,
    );
    return role;
  });
}

const noCandidate = () =>
  validation('请先生成会签版本：省级人民政府批复须对应一个会签版本', [
    { path: 'candidate', message: '尚未生成会签版本' },
  ]);

/**
 * The provincial government's approval (date, document number, file) of the candidate version
 * current now; a newer candidate needs a new one. Every approval is kept, the newest in force.
 */
export async function recordApproval(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  input: {
    approvedOn: string;
    documentNo: string;
    fileName: string;
    file: Readable & { truncated?: boolean };
  },
  uploadDir: string,
  now = new Date(),
) {
  if (!isIsoDate(input.approvedOn))
    throw validation('批准日期格式应为 YYYY-MM-DD', [
      { path: 'approvedOn', message: '日期格式不正确' },
    ]);
  if (!input.documentNo.trim())
    throw validation('请填写文号', [{ path: 'documentNo', message: '必填' }]);
  const { region, level } = await ownUnit(db, actor, unitCode);
  if (level !== 'province') throw validation('只有省级计划需要录入省级人民政府批准文件');
  // Refused before the file is stored, and again under the lock below.
  if (!(await repo.latestSnapshot(db, region.code, year, 'candidate'))) throw noCandidate();
  // Checked like every stored upload (type by its first bytes, size); a broken or refused upload,
  // or a transaction that fails after it, leaves no file behind.
  const { path, sha256 } = await storeUpload(uploadDir, 'approval', input);
  try {
    const file = { storedName: basename(path), sha256 };
    await saveApproval(db, actor, region.code, year, input, file, now);
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
}

/** The approval's row, event and audit entry, for a province, in turn with its submission. */
async function saveApproval(
  db: Kysely<Database>,
  actor: Actor,
  province: string,
  year: number,
  input: { approvedOn: string; documentNo: string; fileName: string },
  file: { storedName: string; sha256: string },
  now: Date,
) {
  const region = { code: province };
  const level = 'province';
  await db.transaction().execute(async (trx) => {
    // In turn with the province's submission (which checks the approval) and another recording.
    await repo.lockDeclaration(trx, { unit: region.code, year, level, at: now.toISOString() });
    // The approval names the version it approves: the candidate current now (issue 11 §2).
    const candidate = await repo.latestSnapshot(trx, region.code, year, 'candidate');
    if (!candidate) throw noCandidate();
    const approval = {
      candidate_version: candidate.version,
      candidate_hash: candidate.hash,
      province_code: region.code,
      plan_year: year,
      approved_on: input.approvedOn,
      document_no: input.documentNo.trim(),
      file_name: input.fileName.slice(0, 255),
      // Relative to UPLOAD_DIR, so that a restored archive finds it wherever that is.
      file_path: file.storedName,
      file_sha256: file.sha256,
      username: actor.username,
      at: now.toISOString(),
    };
    // Frozen as recorded: `gaizao verify` recomputes the hash, and the file's digest.
    await signoffRepo.saveApproval(trx, { ...approval, hash: approvalHash(approval) });
    await repo.addEvent(trx, {
      unit: region.code,
      year,
      action: 'approval',
      username: actor.username,
      at: now.toISOString(),
      reason: `${input.approvedOn} ${input.documentNo.trim()}（批准第 ${candidate.version} 版）`,
      hash: candidate.hash,
    });
    await auditBy(
      trx,
      actor,
      'declaration.approval',
      `${region.code}/${year}`,
      {
        approvedOn: input.approvedOn,
        documentNo: input.documentNo.trim(),
        fileName: input.fileName,
        version: candidate.version,
        hash: candidate.hash,
      },
      now,
    );
  });
}

/**
 * Every province's status against its deadline, for the ministry, and the ministry's own deadline
 * to receive them (the plan year's).
 */
export async function ministryOverview(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  now = new Date(),
) {
  if (!readsPlanData(actor)) throw plansRefused();
  if (actor.regionLevel !== 'country')
    throw forbidden('只有部委（住房和城乡建设部、国家发展改革委、财政部）用户可以查看各省上报情况');
  const [provinces, policy, receipts] = await Promise.all([
    repo.childDeclarations(db, '000000', year),
    policyFor(db, year),
    signoffRepo.receiptsOf(db, year),
  ]);
  const items = provinces.map((p) => {
    const { deadline } = deadlineUnder(policy.deadline, p.internal_deadline);
    const progress = provinceProgress(
      (p.state ?? undefined) as Parameters<typeof provinceProgress>[0],
      p.submitted_at ?? null,
      deadline,
      now,
      p.revision ?? 0,
    );
    return {
      code: p.code,
      name: p.name,
      state: p.state ?? null,
      stateLabel: p.state ? stateLabel(p.state, p.revision ?? 0) : '未开始',
      progress,
      progressLabel: PROGRESS_LABELS[progress],
      version: p.version ?? 0,
      submittedAt: p.submitted_at ?? null,
      deadline,
      daysLeft: daysLeft(deadline, now),
      /** who of the three national departments has signed for the latest submitted version */
      receipts: RECIPIENT_ROLES.map((role) => {
        const r = receipts.find(
          (x) => x.unit_code === p.code && x.role === role && x.version === p.version,
        );
        return {
          role,
          label: RECIPIENT_LABELS[role],
          username: r?.username ?? null,
          at: r?.at ?? null,
        };
      }),
    };
  });
  return { deadline: policy.deadline, daysLeft: daysLeft(policy.deadline, now), items };
}

/**
 * The unit's notifications, and a reminder when its deadline is within seven days. They are the
 * unit's plan and report business (a province submitted, a month's reports are late): none for the
 * security and audit administrators (三员分立), whose page header asks too.
 */
export async function notificationsFor(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  now = new Date(),
) {
  if (!readsPlanData(actor)) return [];
  const rows = await repo.notificationsOf(db, actor.regionCode);
  const out = rows.map((r) => ({ kind: r.kind, message: r.message, link: r.link, at: r.at }));
  const region =
    actor.regionLevel === 'country' ? undefined : await findRegion(db, actor.regionCode);
  if (region) {
    const d = await repo.findDeclaration(db, actor.regionCode, year);
    // The earliest along the unit's chain: a city moved earlier moves its counties' reminders too.
    const { deadline } = await unitDeadline(db, region, year);
    const left = daysLeft(deadline, now);
    // A revision (计划调整) is not due: its accepted plan stands.
    const due = (d?.state ?? 'draft') !== 'submitted' && d?.state !== 'accepted' && !d?.revision;
    if (due && left >= 0 && left <= 7)
      out.unshift({
        kind: 'due',
        message: `${year}年度计划距截止日期（${deadline}）还有 ${left} 天`,
        link: `/declarations/${actor.regionCode}/${year}`,
        at: now.toISOString(),
      });
  }
  return out;
}
