/**
 * “已纳入过中央补助支持城镇老旧小区改造计划的项目，不得重复申报” (建办城〔2021〕28号 三(四)),
 * against the records: a year's plan communities compared with the subsidised history lists and
 * the accepted plans of earlier years, within each county-level unit. The same name (or, for an
 * accepted plan, the same community) is a match that blocks; a near name is a suspicion that asks
 * for a justification. Pure: the names and the key function are passed in.
 */
import { orthographicKey, suffixStrippedKey, suspectedPairs } from './names.ts';

export interface PlannedCommunity {
  id: number;
  name: string;
  regionCode: string;
}

export interface EarlierEntry {
  name: string;
  regionCode: string;
  /** the ledger community, for an accepted plan's entry */
  communityId?: number;
}

export interface EarlierMatches<E> {
  planned: PlannedCommunity;
  /** the same community, or the same name in the same unit */
  exact: E[];
  /** a near name in the same unit (one edit apart, names.ts) */
  suspected: E[];
}

/**
 * Each planned community with its matches among the earlier entries (only those with any).
 * The same name is the same writing (orthographicKey, the ledger's unique key); a near name is what
 * the ledger's duplicate scan finds over the suffix-stripped keys (机械厂家属院 / 机械厂小区).
 */
export function matchEarlier<E extends EarlierEntry>(
  planned: readonly PlannedCommunity[],
  earlier: readonly E[],
): EarlierMatches<E>[] {
  const byUnitKey = new Map<string, E[]>();
  const byId = new Map<number, E[]>();
  const earlierKeys = earlier.map((e) => orthographicKey(e.name));
  earlier.forEach((e, i) => {
    const k = `${e.regionCode}|${earlierKeys[i]}`;
    byUnitKey.set(k, [...(byUnitKey.get(k) ?? []), e]);
    if (e.communityId !== undefined)
      byId.set(e.communityId, [...(byId.get(e.communityId) ?? []), e]);
  });
  const out = new Map<number, EarlierMatches<E>>();
  const entry = (p: PlannedCommunity) => {
    let m = out.get(p.id);
    if (!m) out.set(p.id, (m = { planned: p, exact: [], suspected: [] }));
    return m;
  };
  const plannedKeys = planned.map((p) => orthographicKey(p.name));
  planned.forEach((p, i) => {
    const same = new Set([
      ...(byId.get(p.id) ?? []),
      ...(byUnitKey.get(`${p.regionCode}|${plannedKeys[i]}`) ?? []),
    ]);
    if (same.size) entry(p).exact.push(...same);
  });
  // Near names: the ledger's suspected-duplicate scan over both sets, keeping the pairs across them.
  type Ref = { planned: number } | { earlier: number };
  const items = [
    ...planned.map((p, i) => ({
      ref: { planned: i } as Ref,
      unit: p.regionCode,
      key: suffixStrippedKey(p.name),
    })),
    ...earlier.map((e, i) => ({
      ref: { earlier: i } as Ref,
      unit: e.regionCode,
      key: suffixStrippedKey(e.name),
    })),
  ];
  for (const [a, b] of suspectedPairs(items)) {
    const pi = 'planned' in a ? a.planned : 'planned' in b ? b.planned : undefined;
    const ei = 'earlier' in a ? a.earlier : 'earlier' in b ? b.earlier : undefined;
    if (pi === undefined || ei === undefined) continue;
    const m = entry(planned[pi]!);
    const e = earlier[ei]!;
    if (!m.exact.includes(e)) m.suspected.push(e);
  }
  return [...out.values()].filter((m) => m.exact.length || m.suspected.length);
}
