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
    throw new UsageError(`参数有误：${parseArgsMessage(e)}`);
  }
}

/** node:util parseArgs's error in Chinese: its messages are English, and long. */
function parseArgsMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const option = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /argument missing|ambiguous/.test(message)
      ? `选项 ${option.split(' ')[0]} 需要一个值`
      : `选项 ${option.split(' ')[0]} 不需要值`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${option}`;
  return message;
}

/** --db PATH, else DATABASE_URL, else ./data/gaizao.db (cli.md). */
export const databaseUrl = (db: string | boolean | undefined): string =>
  typeof db === 'string' ? db : loadConfig().databaseUrl;
