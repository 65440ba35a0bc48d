/**
 * How a person is shown wherever a record names who did something (上报人, 退回, 会签人, 签收人,
 * 导入, 填报人): the account's display name with its unit, never the login name (issue 13 §5).
 * Records keep the login name, which is the identity; responses carry this map beside them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { namesOf } from './users.repository.ts';
import { SYSTEM_ACTOR } from './users.service.ts';

/** 系统 for the system's own work (imports at set-up, the demo). */
const SYSTEM_NAME = '系统';

/** "海口市秀英区住房和城乡建设局", or "张三（海口市秀英区）" when the name does not say the unit. */
export function personLabel(p: {
  display_name: string;
  region_name: string;
  region_level: string;
}): string {
  const name = p.display_name.trim();
  if (!name) return p.region_name;
  if (p.region_level === 'country' || name.includes(p.region_name)) return name;
  return `${name}（${p.region_name}）`;
}

/**
 * login name → how to show the person, for every name in `usernames` that is an account (and the
 * system). A name that is no account (one since deleted, a test's actor) is left out: show it as is.
 */
export async function peopleNamed(
  db: Kysely<Database>,
  usernames: Iterable<string | null | undefined>,
): Promise<Record<string, string>> {
  const wanted = [...new Set([...usernames].filter((u): u is string => !!u))];
  const people: Record<string, string> = {};
  for (const p of await namesOf(db, wanted)) people[p.username] = personLabel(p);
  if (wanted.includes(SYSTEM_ACTOR.username)) people[SYSTEM_ACTOR.username] ??= SYSTEM_NAME;
  return people;
}
