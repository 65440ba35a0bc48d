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
import type { NameCandidate, PlaceCandidate } from './duplicates.repository.ts';
import { stripGenericSuffix, suspectedPairs } from '../../domain/ledger/names.ts';

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
/** An address or cell shared by this many communities is too common to tell one place by. */
const PLACE_GROUPS_BELOW = 50;

/** A pair of community ids, the lower first. */
type IdPair = [number, number];

/** Close names in the same county-level unit. */
const namePairs = (rows: NameCandidate[]): IdPair[] =>
  suspectedPairs(
    rows.map((r) => ({ ref: r.id, unit: r.region_code, key: stripGenericSuffix(r.name_key) })),
  );

/**
 * Across the neighbouring units of one prefecture-level unit, the same address or, where both
 * have one, a position in the same cell of about 50 m.
 */
function placePairs(rows: PlaceCandidate[]): IdPair[] {
  // Most keys hold one community: it stays bare until a second joins it.
  const groups = new Map<string, PlaceCandidate | PlaceCandidate[]>();
  const add = (key: string, r: PlaceCandidate) => {
    const group = groups.get(key);
    if (!group) groups.set(key, r);
    else if (Array.isArray(group)) group.push(r);
    else groups.set(key, [group, r]);
  };
  for (const r of rows) {
    if (r.address_key) add(`${r.prefecture_code}|a|${r.address_key}`, r);
    if (r.cell_key) add(`${r.prefecture_code}|c|${r.cell_key}`, r);
  }
  const pairs: IdPair[] = [];
  for (const group of groups.values()) {
    if (!Array.isArray(group) || group.length >= PLACE_GROUPS_BELOW) continue;
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        if (group[i]!.region_code !== group[j]!.region_code)
          pairs.push([group[i]!.id, group[j]!.id]);
  }
  return pairs;
}

/** The pairs, each once, lower id first. */
function ordered(pairs: IdPair[]): IdPair[] {
  const seen = new Set<string>();
  const out: IdPair[] = [];
  for (const [x, y] of pairs) {
    const pair: IdPair = x < y ? [x, y] : [y, x];
    const key = `${pair[0]}:${pair[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(pair);
  }
  return out;
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

/** A row of a file being checked, not stored: its id is below zero, its own. */
export type IncomingCandidate = NameCandidate & PlaceCandidate & { name: string };

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
  const pairs: IdPair[] = [];
  for (let i = 0; i < prefectures.length; i += PREFECTURES_PER_QUERY) {
    const some = prefectures.slice(i, i + PREFECTURES_PER_QUERY);
    const stored = await repo.namedCandidatesIn(db, some);
    for (const s of stored) named.set(s.id, { id: s.id, name: s.name, regionCode: s.region_code });
    const rows = [...stored, ...some.flatMap((p) => byPrefecture.get(p)!)];
    for (const pair of ordered([...namePairs(rows), ...placePairs(rows)]))
      if (pair[0] < 0 || pair[1] < 0) pairs.push(pair);
  }
  return pairs.map(([a, b]) => ({ a: named.get(a)!, b: named.get(b)! }));
}

/**
 * Records the pairs of some prefecture-level units not yet recorded and returns those still
 * 'suspected'. It reads every community's name key, and of the places only the communities whose
 * address or cell another shares (the engine groups them): an address or position no one shares
 * pairs nothing.
 */
export async function scanPrefectures(
  db: Kysely<Database>,
  prefectures: string[],
  now = new Date(),
): Promise<SuspectedPair[]> {
  const suspected = await recordPairs(db, prefectures, now);
  const named = new Map<number, Named>();
  const ids = [...new Set(suspected.flat())];
  for (let j = 0; j < ids.length; j += 500)
    for (const c of await repo.communityNames(db, ids.slice(j, j + 500)))
      named.set(c.id, { id: c.id, name: c.name, regionCode: c.region_code });
  return suspected.map(([a, b]) => ({ a: named.get(a)!, b: named.get(b)! }));
}

/** scanPrefectures without naming what it found: the pairs still 'suspected', by id. */
async function recordPairs(
  db: Kysely<Database>,
  prefectures: string[],
  now: Date,
): Promise<IdPair[]> {
  // The next batch is read while this one is paired (PostgreSQL: its reads on connections of
  // their own, grouping the places while JavaScript pairs the names; or queued behind each other
  // in a transaction).
  const read = (some: string[]) => {
    const reads = repo.scanCandidatesIn(db, some, PLACE_GROUPS_BELOW);
    reads.catch(() => {}); // awaited in its turn; not left unhandled meanwhile
    return reads;
  };
  const batches: string[][] = [];
  for (let i = 0; i < prefectures.length; i += PREFECTURES_PER_QUERY)
    batches.push(prefectures.slice(i, i + PREFECTURES_PER_QUERY));
  let next = batches.length ? read(batches[0]!) : undefined;
  const found: IdPair[] = [];
  for (let b = 0; next; b++) {
    const { names, places } = await next;
    next = b + 1 < batches.length ? read(batches[b + 1]!) : undefined;
    // Prefecture-level units do not overlap: a pair is found in one batch only.
    for (const pair of ordered([...namePairs(names), ...placePairs(places)])) found.push(pair);
  }
  // Recorded once all are read, not batch by batch behind the reads of the next.
  const suspected: IdPair[] = [];
  for (let j = 0; j < found.length; j += 500) {
    const some = found.slice(j, j + 500);
    await repo.insertSuspectedPairs(db, some, now.toISOString());
    const status = new Map<string, string>();
    for (const p of await repo.pairStatusesFrom(
      db,
      some.map(([a]) => a),
    ))
      status.set(`${p.community_a}:${p.community_b}`, p.status);
    for (const [a, b] of some) if (status.get(`${a}:${b}`) === 'suspected') suspected.push([a, b]);
  }
  return suspected;
}

/** What a scan of the ledger found. */
export interface ScanResult {
  /** the prefecture-level units scanned: every one holding a community of the subtree */
  prefectures: number;
  /** the pairs the scan finds that are still 'suspected': new, or recorded and not yet settled */
  suspected: number;
}

/**
 * The whole ledger (or a subtree), prefecture by prefecture: what `gaizao duplicates` and
 * `POST /api/duplicates/scan` run, say after an upgrade that pairs by more than before (migration
 * 0034's places), which finds the pairs of communities stored earlier. A subtree's prefecture-level
 * units are scanned whole, as an import scans those of its units: neighbouring units pair.
 */
export async function scanAll(
  db: Kysely<Database>,
  scopePath = '/',
  now = new Date(),
): Promise<ScanResult> {
  const prefectures = (await repo.prefecturesUnder(db, scopePath)).map((r) => r.prefecture_code);
  // Counted, not listed: the pairs are not named.
  const suspected = await recordPairs(db, prefectures, now);
  return { prefectures: prefectures.length, suspected: suspected.length };
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
