/**
 * A unique key refused a row: on PostgreSQL SQLSTATE 23505, on SQLite a UNIQUE or PRIMARY KEY
 * constraint. Where two requests race to write the same record, the key is the backstop and the
 * loser is told so (409), not given a 500 (issue 10).
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  const { code } = e as { code: unknown };
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
