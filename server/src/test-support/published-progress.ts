/**
 * Community-level records behind a published progress table (MOHURD, 截至2022年12月末; the figures
 * in data/mohurd-progress-2022-12.json): for each province, the communities planned and frozen in
 * its submitted snapshot, the communities added to the plan after the submission, and which of them
 * started in 2022, with households that add up to the published 万户 exactly.
 *
 * The published rows come in three shapes, and one rule covers them: `unstarted` planned
 * communities do not start, `extras` are added after submission and start, and everything else
 * planned starts. More started than planned (北京 411 of 400) needs extras; fewer (西藏 27 of 31)
 * needs unstarted ones; the same count with other households (天津 177 of 177, 10.12 → 10.19万户)
 * needs both: a planned community left unstarted while another one, added later, started.
 */
export interface PublishedRow {
  name: string;
  code: string;
  planned: number;
  started: number;
  /** 万户, two decimals, as published */
  plannedWanHouseholds: string;
  startedWanHouseholds: string;
}

export interface ProvinceCommunities {
  /** households of the planned communities that start, of those that do not, of the extras */
  plannedStarted: number[];
  plannedUnstarted: number[];
  extras: number[];
}

/** A published 万户 figure as households: '21.30' → 213,000 (which rounds back to 21.30). */
export const households = (wan: string): number => Math.round(Number(wan) * 100) * 100;

/** The most households a generated community gets (the plausibility band of brief §8.5). */
const MOST = 3000;

/** `total` households over `n` communities, each at least 1, varying around the mean. */
export function spread(total: number, n: number): number[] {
  if (n === 0) {
    if (total !== 0) throw new Error(`${total} households over no community`);
    return [];
  }
  if (total < n) throw new Error(`${total} households over ${n} communities`);
  const base = Math.floor(total / n);
  const out = Array.from({ length: n }, (_, i) => base + (i < total % n ? 1 : 0));
  // Pairs trade up to 40 % of the mean, so sizes vary while the sum stays exact.
  for (let i = 0; i + 1 < n; i += 2) {
    const delta = Math.floor((base * 0.4 * ((i * 37) % 10)) / 10);
    out[i]! += delta;
    out[i + 1]! -= delta;
  }
  return out;
}

/** The fewest swaps (planned left unstarted, extras started) that reproduce the published row. */
export function provinceCommunities(row: PublishedRow): ProvinceCommunities {
  const hp = households(row.plannedWanHouseholds);
  const hs = households(row.startedWanHouseholds);
  const gap = hs - hp;
  const mean = Math.floor(hp / row.planned);
  for (let k = 0; k <= row.planned; k++) {
    const u = Math.max(0, row.planned - row.started) + k;
    const e = Math.max(0, row.started - row.planned) + k;
    if (u > row.planned) break;
    // households of the unstarted (hu) and of the extras (he): he − hu = the published gap
    let hu: number;
    if (u === 0) hu = 0;
    else if (e === 0) hu = -gap;
    else hu = Math.min(Math.max(u * mean, e - gap, u), hp - (row.planned - u));
    const he = gap + hu;
    const feasible =
      he >= e &&
      he <= MOST * e &&
      hu >= u &&
      hu <= MOST * u &&
      hp - hu >= row.planned - u &&
      hp - hu <= MOST * (row.planned - u);
    if (feasible)
      return {
        plannedStarted: spread(hp - hu, row.planned - u),
        plannedUnstarted: spread(hu, u),
        extras: spread(he, e),
      };
  }
  throw new Error(`no community records reproduce ${row.name}`);
}
