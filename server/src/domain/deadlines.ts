/**
 * Deadlines along the chain of declaring units. The plan year's deadline binds the province; the
 * level above may give a unit an earlier internal deadline (建办城〔2021〕28号: 各地可提前安排).
 * A unit must reach its reviewer before the reviewer's own deadline, so a unit's deadline is the
 * earliest along its chain: its own internal deadline, its reviewer's deadline, … up to the plan
 * year's. This holds even when a deadline above is moved earlier after the one below was set.
 */
import { effectiveDeadline } from './declaration.ts';

export interface UnitDeadline {
  /** YYYY-MM-DD the unit must submit by: the earliest along its chain */
  deadline: string;
  /** the internal deadline its reviewer gave it, or null */
  internal: string | null;
  /** its reviewer's own deadline (the plan year's above a province): the latest it may be given */
  parent: string;
  /** its own internal deadline is later than its reviewer's, so the reviewer's holds */
  capped: boolean;
}

/** A unit's deadline under a reviewer whose own deadline is `parent`. */
export function deadlineUnder(parent: string, internal?: string | null): UnitDeadline {
  const own = internal ?? null;
  return {
    deadline: effectiveDeadline(own, parent),
    internal: own,
    parent,
    capped: own !== null && own > parent,
  };
}

/**
 * A unit's deadline from the plan year's and the internal deadlines along its chain, the province's
 * first and the unit's own last (null where a level has none).
 */
export function deadlineAlongChain(
  policy: string,
  internals: readonly (string | null | undefined)[],
): UnitDeadline {
  const above = internals.slice(0, -1).reduce<string>((d, i) => effectiveDeadline(i, d), policy);
  return deadlineUnder(above, internals.at(-1));
}

/** The codes of a region path, top first: '/000000/460000/460100/' → ['000000', '460000', '460100']. */
export const pathCodes = (path: string): string[] => path.split('/').filter(Boolean);

export interface ChainUnit {
  code: string;
  parentCode: string | null;
  path: string;
  internal: string | null;
}

/**
 * Every unit's deadline in a subtree, given the deadline above its top unit: each unit's is the
 * earlier of its own internal deadline and its parent's. `units` holds the subtree's units in any
 * order; a unit whose parent is not among them sits right under `above`.
 */
export function subtreeDeadlines(above: string, units: readonly ChainUnit[]): Map<string, string> {
  const out = new Map<string, string>();
  // A parent's path is shorter than its children's: top-down by depth, then by path, so that the
  // units (and the notices sent to them) come in the same order on either engine.
  const topDown = [...units].sort(
    (a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  for (const u of topDown)
    out.set(
      u.code,
      effectiveDeadline(u.internal, (u.parentCode && out.get(u.parentCode)) || above),
    );
  return out;
}

/** The units whose deadline differs between two computations of the same subtree. */
export function changedDeadlines(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): { code: string; before: string; after: string }[] {
  return [...after].flatMap(([code, a]) => {
    const b = before.get(code);
    return b !== undefined && b !== a ? [{ code, before: b, after: a }] : [];
  });
}

/**
 * What the API and the pages say when a unit's own internal deadline is capped by a level above:
 * 受上级截止日期限制：按海口市的截止日期 2021-05-31（内部截止日期 2021-06-10 晚于此日期）.
 */
export function cappedNote(d: UnitDeadline, parentName: string): string | null {
  return d.capped
    ? `受上级截止日期限制：按${parentName}的截止日期 ${d.parent}（内部截止日期 ${d.internal} 晚于此日期）`
    : null;
}
