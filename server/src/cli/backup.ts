/** `gaizao backup --out FILE` and `gaizao restore FILE [--db TARGET]` (cli.md). */
import { access } from 'node:fs/promises';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { RestoreRefused, restoreBackup, writeBackup } from '../modules/backup/backup.service.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';

export async function backupCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  if (!values.out) throw new UsageError('backup 需要 --out FILE（备份文件）');
  const url = databaseUrl(values.db);
  const db = await openDatabase(url);
  try {
    const s = await writeBackup(db, loadConfig({ databaseUrl: url }).uploadDir, values.out).catch(
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'EACCES' || e.code === 'ENOENT' || e.code === 'EISDIR')
          throw new UsageError(`无法写入备份文件：${values.out}（${e.code}）`);
        throw e;
      },
    );
    const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
    console.error(
      `已备份 ${Object.keys(s.tables).length} 张表 ${rows} 行、${s.files} 个文件：${values.out}`,
    );
    for (const m of s.missingFiles) console.error(`警告：上传文件不存在，未备份：${m}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {});
  const file = positionals[0];
  if (!file) throw new UsageError('restore 需要备份文件：gaizao restore FILE [--db 目标]');
  await access(file).catch(() => {
    throw new UsageError(`备份文件不存在或不可读：${file}`);
  });
  const url = databaseUrl(values.db);
  const db = await openDatabase(url);
  try {
    const r = await restoreBackup(db, loadConfig({ databaseUrl: url }).uploadDir, file);
    const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
    console.error(`已恢复 ${Object.keys(r.tables).length} 张表 ${rows} 行、${r.files} 个文件`);
    return 0;
  } catch (e) {
    if (!(e instanceof RestoreRefused)) throw e;
    console.error(`错误：${e.message}`);
    return 2;
  } finally {
    await db.destroy();
  }
}
