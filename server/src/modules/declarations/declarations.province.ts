/**
 * A province's part of its declaration page, and whether its approval covers what is signed:
 * the provincial government's approval names the candidate version it approves (issue 11 §2).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { approvalGap, type VersionRef } from '../../domain/declaration.ts';
import * as repo from './declarations.repository.ts';
import {
  RECIPIENT_LABELS,
  RECIPIENT_ROLES,
  SIGNOFF_LABELS,
  SIGNOFF_ROLES,
} from '../../../../common/declaration.ts';
import * as signoffRepo from './signoff.repository.ts';

type ApprovalRow = Awaited<ReturnType<typeof signoffRepo.approvalsOf>>[number];
export const coversOf = (a: ApprovalRow | undefined): VersionRef | null =>
  a?.candidate_version != null && a.candidate_hash
    ? { version: a.candidate_version, hash: a.candidate_hash }
    : null;

/**
 * A province's part of its declaration page: the provincial government's approval (the one in
 * force, the version it covers, whether that is the current candidate, and the ones before it),
 * the candidate the departments sign and their sign-offs, the contact of the form, and the
 * national departments' receipts of the submitted version.
 */
export async function provinceView(
  db: Kysely<Database>,
  code: string,
  year: number,
  d: Awaited<ReturnType<typeof repo.findDeclaration>>,
) {
  const [approvals, candidate, receipts] = await Promise.all([
    signoffRepo.approvalsOf(db, code, year),
    repo.latestSnapshot(db, code, year, 'candidate'),
    signoffRepo.receiptsOf(db, year, code),
  ]);
  const signoffs = candidate ? await signoffRepo.signoffsOf(db, candidate.id) : [];
  const current = candidate ? { version: candidate.version, hash: candidate.hash } : null;
  const presentApproval = (a: ApprovalRow) => {
    const covers = coversOf(a);
    return {
      approvedOn: a.approved_on,
      documentNo: a.document_no,
      fileName: a.file_name,
      username: a.username,
      at: a.at,
      /** the candidate version it approves, by number and hash (null: recorded without one) */
      covers,
      /** it covers the current candidate */
      current: approvalGap(covers, current) === null,
    };
  };
  const inForce = approvals[0];
  return {
    approval: inForce ? presentApproval(inForce) : null,
    /** Chinese: why the approval in force does not cover the current candidate; null if it does */
    approvalNotice: inForce && current ? approvalGap(coversOf(inForce), current) : null,
    /** approvals recorded before the one in force, newest first */
    approvalHistory: approvals.slice(1).map(presentApproval),
    contact: d?.contact_name ? { name: d.contact_name, phone: d.contact_phone ?? '' } : null,
    candidate: candidate
      ? {
          id: candidate.id,
          version: candidate.version,
          hash: candidate.hash,
          createdAt: candidate.created_at,
          createdBy: candidate.created_by,
          // Filled in by the caller, who has the current content's hash.
          current: false,
        }
      : null,
    signoffs: SIGNOFF_ROLES.map((role) => {
      const s = signoffs.find((x) => x.role === role);
      return {
        role,
        label: SIGNOFF_LABELS[role],
        username: s?.username ?? null,
        hash: s?.hash ?? null,
        at: s?.at ?? null,
      };
    }),
    /** each national department's receipt (签收) of the latest submitted version, if any */
    receipts: RECIPIENT_ROLES.map((role) => {
      const r = receipts.find((x) => x.role === role && x.version === d?.version);
      return {
        role,
        label: RECIPIENT_LABELS[role],
        username: r?.username ?? null,
        at: r?.at ?? null,
        version: r?.version ?? null,
        hash: r?.hash ?? null,
      };
    }),
  };
}
