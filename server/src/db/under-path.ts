/**
 * The rows of a region's subtree, by their materialized path (`/000000/510000/…`), written so that
 * both engines can use an index on the path.
 */
import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';

/**
 * Above every character a path holds: digits, the capital letters of functional-zone codes
 * (`4201A0`, domain/regions.ts) and '/'. SQLite compares text by its bytes, and on PostgreSQL the
 * path columns collate "C" whatever the database's collation (migration 0011: under a language
 * collation '/' and '~' are ignored at first and the range would miss children), so `path <= p < path~` is exactly "p starts with path".
 */
const ABOVE_PATH_CHARS = '~';

/** The bounds `[low, high)` of the subtree at `path`, for SQL written by hand (the benchmarks). */
export const subtreeBounds = (path: string): [string, string] => [
  path,
  `${path}${ABOVE_PATH_CHARS}`,
];

/**
 * `ref` lies in the subtree rooted at `path` (itself included): `path` ends with '/', so a
 * sibling sharing its digits (`/000000/5100001/` beside `/000000/510000/`) stays out.
 *
 * Written as a range, not as `ref like 'path%'`: SQLite's LIKE is case-insensitive and so never
 * uses an index, and PostgreSQL's B-tree serves LIKE only under the "C" collation, not C.UTF-8 —
 * a LIKE read every community of the plan year to keep one province's (docs/benchmarks.md,
 * finding 9). The range is served by the `(plan_year, region_path)` and `(region_path,
 * plan_year)` indexes on both engines.
 */
export function underPath<DB, TB extends keyof DB>(
  e: ExpressionBuilder<DB, TB>,
  ref: ReferenceExpression<DB, TB>,
  path: string,
): Expression<SqlBool> {
  const [low, high] = subtreeBounds(path);
  return e.and([e(ref, '>=', low), e(ref, '<', high)]);
}
