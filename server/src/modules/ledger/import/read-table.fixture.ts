// Real files in a temp folder for the read-table tests (read-table.*.test.ts), read the way an
// upload is read; no mocks.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  TableReadError,
  readTable,
  type ReadLimits,
  type ReadOptions,
  type TableRow,
} from './read-table.ts';

/** Registers the hooks that make a temp folder for the test file and remove it afterwards. */
export function tempFiles(): {
  /** Writes `content` to a new file of the folder and answers its path. */
  file: (content: string | Uint8Array, ext?: string) => Promise<string>;
  /** The path of `name` in the folder, for files a test writes itself. */
  tempPath: (name: string) => string;
} {
  let dir: string;
  let fileNo = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gaizao-read-table-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    file: async (content, ext = 'csv') => {
      const path = join(dir, `f${++fileNo}.${ext}`);
      await writeFile(path, content);
      return path;
    },
    tempPath: (name) => join(dir, name),
  };
}

export async function rowsOf(
  path: string,
  limits?: Partial<ReadLimits>,
  options?: ReadOptions,
): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(path, limits, options)) rows.push(row);
  return rows;
}

export async function errorOf(
  path: string,
  limits?: Partial<ReadLimits>,
  options?: ReadOptions,
): Promise<TableReadError> {
  try {
    await rowsOf(path, limits, options);
  } catch (error) {
    expect(error).toBeInstanceOf(TableReadError);
    return error as TableReadError;
  }
  throw new Error('expected a TableReadError');
}

export const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');
