/**
 * Reading revisions (计划调整, issue 11 §3): the diff between the plan in force and the revision (by
 * community, with the reasons, and by the form's figures), and the history of every accepted
 * version of a plan year: when, by whom, which revision and why.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  diffSnapshots,
  REVISION_REASON_LABELS,
  revisionLabel,
  type SnapshotCommunity,
} from '../../domain/declaration.ts';
import type { DisplayRow } from '../../domain/plan-table.ts';
import { notFound } from '../../errors.ts';
import * as repo from './declarations.repository.ts';
import { receivesOnly } from './declarations.policy.ts';
import { currentContent, readableUnit, type SnapshotContent } from './declarations.units.ts';
import * as revisions from './revisions.repository.ts';

const parse = (content: string) => JSON.parse(content) as SnapshotContent;

/**
 * A province's form (计划表) before and after, row by row: each row's 15 figures as the form shows
 * them (per measure 2000年底前, 2000年底后, 合计), null where the row is new or gone.
 */
function tableRows(before: unknown, after: unknown) {
  const rowsOf = (t: unknown) =>
    new Map(((t as DisplayRow[] | null) ?? []).map((r) => [`${r.unit}|${r.label}`, r]));
  const a = rowsOf(before);
  const b = rowsOf(after);
  return [...new Set([...a.keys(), ...b.keys()])].map((k) => {
    const x = a.get(k);
    const y = b.get(k);
    return {
      unit: (y ?? x)!.unit,
      label: (y ?? x)!.label,
      before: x?.values ?? null,
      after: y?.values ?? null,
      changed: JSON.stringify(x?.values) !== JSON.stringify(y?.values),
    };
  });
}

/**
 * The revision against the plan in force: while the revision is edited, the live plan; once
 * submitted, the submitted version; after it is accepted, the version it replaced against it.
 */
export async function revisionDiff(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
) {
  // 国家发展改革委 and 财政部 read what was submitted to them (readableUnit), never a live plan.
  const { region, level } = await readableUnit(db, actor, unitCode, year);
  const [d, accepted] = await Promise.all([
    repo.findDeclaration(db, region.code, year),
    revisions.acceptancesOf(db, region.code, year),
  ]);
  if (!d || d.revision === 0 || !accepted.length) throw notFound('计划调整');
  const last = accepted[accepted.length - 1]!;
  let base = last;
  let target: { version: number | null; hash: string; content: SnapshotContent };
  if (d.state === 'accepted') {
    // The revision was accepted: what it changed against the version accepted before it.
    if (accepted.length < 2) throw notFound('计划调整');
    base = accepted[accepted.length - 2]!;
    target = { version: last.version, hash: last.hash, content: parse(last.content) };
  } else if (d.state === 'submitted') {
    const s = (await repo.latestSnapshot(db, region.code, year, 'submission'))!;
    target = { version: s.version, hash: s.hash, content: parse(s.content) };
  } else {
    if (receivesOnly(actor)) throw notFound('已上报的计划调整');
    const live = await currentContent(db, region, level, year);
    target = { version: null, hash: live.hash, content: live.content };
  }
  const before = parse(base.content);
  const diff = diffSnapshots(before.communities, target.content.communities);
  const ids = [
    ...diff.removed.map((c) => c.id),
    ...diff.added.map((c) => c.id),
    ...diff.changed.map((c) => c.id),
  ];
  const reasonOf = new Map(
    (await revisions.reasonsSince(db, ids, year, base.accepted_at)).map((r) => [
      r.community_id,
      {
        code: r.code,
        label: REVISION_REASON_LABELS[r.code],
        text: r.text,
        unit: r.unit_name,
        username: r.username,
        at: r.at,
      },
    ]),
  );
  const withReason = <T extends { id: number }>(c: T) => ({
    ...c,
    reason: reasonOf.get(c.id) ?? null,
  });
  return {
    revision: d.revision,
    revisionLabel: revisionLabel(d.revision),
    state: d.state,
    from: {
      version: base.version,
      hash: base.hash,
      acceptedAt: base.accepted_at,
      acceptedBy: base.accepted_by,
    },
    /** version null: the live plan, not yet submitted */
    to: { version: target.version, hash: target.hash },
    added: diff.added.map(withReason),
    removed: diff.removed.map(withReason),
    changed: diff.changed.map(withReason),
    totals: { before: before.totals, after: target.content.totals },
    /** a province's form, row by row (each row's two year buckets summed) */
    table: level === 'province' ? tableRows(before.table, target.content.table) : null,
  };
}

/** Every accepted version of the year's plan, oldest first: who accepted it, which revision, why. */
export async function acceptanceHistory(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
) {
  const { region } = await readableUnit(db, actor, unitCode, year);
  const [accepted, opened] = await Promise.all([
    revisions.acceptancesOf(db, region.code, year),
    revisions.revisionsOf(db, region.code, year),
  ]);
  const byRevision = new Map(opened.map((r) => [r.revision, r]));
  let previous: SnapshotCommunity[] | null = null;
  const items = [];
  for (const a of accepted) {
    const content = parse(a.content);
    const diff = previous ? diffSnapshots(previous, content.communities) : null;
    const r = byRevision.get(a.revision);
    const reasons = r ? await revisions.reasonsOfRevision(db, region.code, year, a.revision) : [];
    items.push({
      version: a.version,
      hash: a.hash,
      submittedAt: a.created_at,
      submittedBy: a.created_by,
      acceptedAt: a.accepted_at,
      acceptedBy: a.accepted_by,
      revision: a.revision,
      revisionLabel: revisionLabel(a.revision),
      reason: r?.reason ?? null,
      openedBy: r?.opened_by ?? null,
      openedAt: r?.opened_at ?? null,
      totals: content.totals,
      changes: diff
        ? { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length }
        : null,
      reasons: reasons.map((x) => ({
        communityId: x.community_id,
        name:
          content.communities.find((c) => c.id === x.community_id)?.name ??
          previous?.find((c) => c.id === x.community_id)?.name ??
          '',
        code: x.code,
        label: REVISION_REASON_LABELS[x.code],
        text: x.text,
      })),
    });
    previous = content.communities;
  }
  return { unit: { code: region.code, name: region.name }, year, items };
}
