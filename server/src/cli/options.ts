import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import { UsageError } from './usage-error.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { db: { type: 'string' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`参数有误：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** --db PATH, else DATABASE_URL, else ./data/gaizao.db (cli.md). */
export const databaseUrl = (db: string | boolean | undefined): string =>
  typeof db === 'string' ? db : loadConfig().databaseUrl;
