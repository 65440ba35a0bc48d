/**
 * The parts of a community's progress beyond the monthly figures: the project-level consent rule
 * for a start, the funds in place by source, and what the community page shows of photos and
 * consultation documents. Used by progress.service.ts (the API and imports alike).
 */
import type { Kysely, Selectable } from 'kysely';
import type { FundInput } from '../../../../common/api/progress.ts';
import type { CommunityAttachmentTable, Database, ProjectFundingTable } from '../../db/schema.ts';
import { projectStartProblem } from '../../domain/consent.ts';
import { formatScaled, parseScaled } from '../../domain/ledger/decimal.ts';
import { FUNDING_SOURCES } from '../projects/projects.service.ts';
import * as repo from './community-progress.repository.ts';

type Source = ProjectFundingTable['source'];

/**
 * A start of any community of a project needs every community of that project to have reached
 * the consent threshold (issue 5: 每个小区均须有达到比例的协商记录). The community's own consent
 * is checked with the month's other rules; this adds the others of its projects.
 */
export async function projectStartProblems(
  db: Kysely<Database>,
  communityId: number,
  threshold: number,
): Promise<{ field: string; message: string }[]> {
  return projectProblemsFrom(
    communityId,
    await repo.projectMembersConsent(db, communityId),
    threshold,
  );
}

/** The same from the members already read (an import reads them for all its starts at once). */
export function projectProblemsFrom(
  communityId: number,
  members: Awaited<ReturnType<typeof repo.projectMembersConsentOf>>,
  threshold: number,
): { field: string; message: string }[] {
  const projects = new Map<number, { name: string; others: typeof members }>();
  for (const m of members) {
    if (m.of !== communityId) continue;
    const p = projects.get(m.projectId) ?? { name: m.project, others: [] };
    if (m.communityId !== communityId) p.others.push(m);
    projects.set(m.projectId, p);
  }
  return [...projects.values()].flatMap((p) => {
    const message = projectStartProblem(p.name, p.others, threshold);
    return message ? [{ field: '开工日期', message }] : [];
  });
}

/** The funds in place as entered, in 元, or the problems with them. */
export function checkFunds(list: FundInput[] | undefined): {
  rows: { source: Source; amount_yuan: number }[];
  problems: { field: string; message: string }[];
} {
  const rows: { source: Source; amount_yuan: number }[] = [];
  const problems: { field: string; message: string }[] = [];
  for (const f of list ?? []) {
    const label = `资金到位：${FUNDING_SOURCES[f.source]}（万元）`;
    const text = f.amount.replace(/,/g, '').trim();
    if (!text) continue;
    const yuan = parseScaled(text, 4);
    if (yuan === undefined)
      problems.push({ field: label, message: '应为不小于0的数，最多4位小数' });
    else if (rows.some((r) => r.source === f.source))
      problems.push({ field: label, message: '同一资金来源填写了两次' });
    else if (yuan > 0) rows.push({ source: f.source, amount_yuan: yuan });
  }
  return { rows, problems };
}

export async function saveFunds(
  db: Kysely<Database>,
  communityId: number,
  period: string,
  rows: { source: Source; amount_yuan: number }[],
): Promise<void> {
  await repo.replaceFunds(db, communityId, period, rows);
}

/** What leaves the server of an attachment row: never its path on disk. */
export const presentAttachment =
  (communityId: number) => (a: Selectable<CommunityAttachmentTable>) => ({
    id: a.id,
    kind: a.kind,
    consultationId: a.consultation_id,
    period: a.period,
    lng: a.lng,
    lat: a.lat,
    takenAt: a.taken_at,
    positionSource: a.position_source,
    caption: a.caption,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size_bytes,
    username: a.username,
    createdAt: a.created_at,
    url: `/api/communities/${communityId}/attachments/${a.id}`,
  });

const SOURCE_ORDER = Object.keys(FUNDING_SOURCES) as Source[];

/** Photos, documents by consultation, and funds by month, as the community page shows them. */
export async function communityExtras(db: Kysely<Database>, communityId: number) {
  const [photos, documents, funds] = await Promise.all([
    repo.photosOf(db, communityId),
    repo.documentsOf(db, communityId),
    repo.fundsOf(db, communityId),
  ]);
  const present = presentAttachment(communityId);
  const fundsByPeriod = new Map<string, { source: Source; label: string; amount: string }[]>();
  const totals = new Map<string, number>();
  for (const f of [...funds].sort(
    (a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source),
  )) {
    const list = fundsByPeriod.get(f.period) ?? [];
    list.push({
      source: f.source,
      label: FUNDING_SOURCES[f.source],
      amount: formatScaled(Number(f.amount_yuan), 4, 0),
    });
    fundsByPeriod.set(f.period, list);
    totals.set(f.period, (totals.get(f.period) ?? 0) + Number(f.amount_yuan));
  }
  return {
    photos: photos.map(present),
    documentsOf: (consultationId: number) =>
      documents.filter((d) => d.consultation_id === consultationId).map(present),
    fundsOf: (period: string) => fundsByPeriod.get(period) ?? [],
    fundsTotalOf: (period: string) => formatScaled(totals.get(period) ?? 0, 4, 0),
    fundingSources: SOURCE_ORDER.map((source) => ({ source, label: FUNDING_SOURCES[source] })),
  };
}
