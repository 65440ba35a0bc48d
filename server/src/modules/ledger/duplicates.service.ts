/**
 * Suspected duplicates: names of one county-level unit that are the same once a generic suffix is
 * removed (机械厂家属院 / 机械厂小区) or within one edit of each other; across neighbouring units, the
 * same address or a location within about 50 m. (The same orthographic name in one unit is refused
 * outright by the ledger's unique key.) The scan is blocked by unit and by deletion variants of the
 * key, so it is linear, never quadratic. Each pair is recorded 'suspected' until a user confirms or
 * dismisses it; the ledger's 疑似重复 filter lists the communities of pairs still suspected.
 */
import { pushTo } from '../../domain/group.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './duplicates.repository.ts';
import {
  charCount,
  orthographicKey,
  stripGenericSuffix,
  suspectedPairs,
} from '../../domain/ledger/names.ts';

export interface Named {
  id: number;
  name: string;
  regionCode: string;
}

export interface SuspectedPair {
  a: Named;
  b: Named;
}

const PREFECTURES_PER_QUERY = 20;
/** About 50 m in latitude; two communities closer than one cell of this grid are neighbours. */
const GRID = 0.0005;

/** What the scan reads of each community (the names of the few in pairs are read afterwards). */
type Candidate = {
  id: number;
  name_key: string;
  region_code: string;
  address: string;
  lng: string | null;
  lat: string | null;
};

/**
 * Pairs in one prefecture-level unit: close names in the same county-level unit, and across its
 * neighbouring units the same address or, where both have one, a location within about 50 m.
 */
function pairsInPrefecture(rows: Candidate[]): [Candidate, Candidate][] {
  const pairs = suspectedPairs(
    rows.map((r) => ({ ref: r, unit: r.region_code, key: stripGenericSuffix(r.name_key) })),
  );
  const across = (group: Candidate[]) => {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        if (group[i]!.region_code !== group[j]!.region_code) pairs.push([group[i]!, group[j]!]);
  };
  // Most addresses and cells hold one community: it stays bare until a second joins it.
  const byAddress = new Map<string, Candidate | Candidate[]>();
  const byCell = new Map<string, Candidate | Candidate[]>();
  const add = (groups: Map<string, Candidate | Candidate[]>, key: string, r: Candidate) => {
    const group = groups.get(key);
    if (!group) groups.set(key, r);
    else if (Array.isArray(group)) group.push(r);
    else groups.set(key, [group, r]);
  };
  for (const r of rows) {
    const address = r.address && orthographicKey(r.address);
    if (address && charCount(address) >= 6) add(byAddress, address, r);
    if (r.lng && r.lat) {
      const key = `${Math.floor(Number(r.lng) / GRID)}:${Math.floor(Number(r.lat) / GRID)}`;
      add(byCell, key, r);
    }
  }
  for (const group of [...byAddress.values(), ...byCell.values()])
    if (Array.isArray(group) && group.length < 50) across(group);
  return pairs;
}

/** Scans the prefecture-level units of the given county-level units; records new suspicions; returns every pair still 'suspected' there. */
export async function scanUnits(
  db: Kysely<Database>,
  units: string[],
  now = new Date(),
): Promise<SuspectedPair[]> {
  if (!units.length) return [];
  const prefectures = new Set<string>();
  for (let i = 0; i < units.length; i += 500)
    for (const r of await repo.prefecturesOfUnits(db, units.slice(i, i + 500)))
      prefectures.add(r.prefecture_code);
  return scanPrefectures(db, [...prefectures].sort(), now);
}

/** The pairs among `rows` (of any prefectures), each once, lower id first. */
function orderedPairs(rows: (Candidate & { prefecture_code: string })[]): [Candidate, Candidate][] {
  const byPrefecture = new Map<string, Candidate[]>();
  for (const r of rows) pushTo(byPrefecture, r.prefecture_code, r);
  const seen = new Set<string>();
  const ordered: [Candidate, Candidate][] = [];
  for (const group of byPrefecture.values())
    for (const [x, y] of pairsInPrefecture(group)) {
      const pair: [Candidate, Candidate] = x.id < y.id ? [x, y] : [y, x];
      const key = `${pair[0].id}:${pair[1].id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ordered.push(pair);
    }
  return ordered;
}

/** A row of a file being checked, not stored: its id is below zero, its own. */
export type IncomingCandidate = Candidate & { prefecture_code: string; name: string };

/**
 * The pairs an import would add, recording nothing (an import check writes nothing, so it never
 * holds the writer, issue 10): the file's rows against each other and the stored ledger of their
 * prefecture-level units. Every pair has an incoming row, so it is new and 'suspected'.
 */
export async function previewPairs(
  db: Kysely<Database>,
  incoming: IncomingCandidate[],
): Promise<SuspectedPair[]> {
  const byPrefecture = new Map<string, IncomingCandidate[]>();
  for (const r of incoming) pushTo(byPrefecture, r.prefecture_code, r);
  const prefectures = [...byPrefecture.keys()].sort();
  const named = new Map<number, Named>(
    incoming.map((r) => [r.id, { id: r.id, name: r.name, regionCode: r.region_code }]),
  );
  const pairs: [Candidate, Candidate][] = [];
  for (let i = 0; i < prefectures.length; i += PREFECTURES_PER_QUERY) {
    const some = prefectures.slice(i, i + PREFECTURES_PER_QUERY);
    const stored = await repo.namedCandidatesIn(db, some);
    for (const s of stored) named.set(s.id, { id: s.id, name: s.name, regionCode: s.region_code });
    const rows = [...stored, ...some.flatMap((p) => byPrefecture.get(p)!)];
    for (const pair of orderedPairs(rows)) if (pair[0].id < 0 || pair[1].id < 0) pairs.push(pair);
  }
  return pairs.map(([a, b]) => ({ a: named.get(a.id)!, b: named.get(b.id)! }));
}

export async function scanPrefectures(
  db: Kysely<Database>,
  prefectures: string[],
  now = new Date(),
): Promise<SuspectedPair[]> {
  const suspected: [number, number][] = [];
  for (let i = 0; i < prefectures.length; i += PREFECTURES_PER_QUERY) {
    const rows = await repo.candidatesIn(db, prefectures.slice(i, i + PREFECTURES_PER_QUERY));
    const ordered = orderedPairs(rows);
    if (!ordered.length) continue;
    for (let j = 0; j < ordered.length; j += 500)
      await repo.insertSuspectedPairs(
        db,
        ordered.slice(j, j + 500).map(([a, b]) => [a.id, b.id]),
        now.toISOString(),
      );
    const status = new Map<string, string>();
    for (let j = 0; j < ordered.length; j += 500)
      for (const p of await repo.pairStatusesFrom(
        db,
        ordered.slice(j, j + 500).map(([a]) => a.id),
      ))
        status.set(`${p.community_a}:${p.community_b}`, p.status);
    for (const [a, b] of ordered)
      if (status.get(`${a.id}:${b.id}`) === 'suspected') suspected.push([a.id, b.id]);
  }
  const named = new Map<number, Named>();
  const ids = [...new Set(suspected.flat())];
  for (let j = 0; j < ids.length; j += 500)
    for (const c of await repo.communityNames(db, ids.slice(j, j + 500)))
      named.set(c.id, { id: c.id, name: c.name, regionCode: c.region_code });
  return suspected.map(([a, b]) => ({ a: named.get(a)!, b: named.get(b)! }));
}

/** The whole ledger (or a subtree), prefecture by prefecture. */
export async function scanAll(
  db: Kysely<Database>,
  scopePath = '/',
  now = new Date(),
): Promise<number> {
  const prefectures = (await repo.prefecturesUnder(db, scopePath)).map((r) => r.prefecture_code);
  return (await scanPrefectures(db, prefectures, now)).length;
}

/** Confirms or dismisses a pair, given in either order; whether it was recorded. */
export async function setPairStatus(
  db: Kysely<Database>,
  a: number,
  b: number,
  status: 'dismissed' | 'confirmed',
  username: string,
  now = new Date(),
): Promise<boolean> {
  const [x, y] = a < b ? [a, b] : [b, a];
  return repo.updatePairStatus(db, x, y, status, username, now.toISOString());
}
