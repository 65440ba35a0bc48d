/** `gaizao duplicates` (docs/cli.md): the ledger scanned again for suspected duplicates. */
import { openDatabase } from '../bootstrap.ts';
import { scanAll } from '../modules/ledger/duplicates.service.ts';
import { findRegion } from '../modules/regions/regions.repository.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';

export async function duplicatesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    scope: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`duplicates 不接受参数：${positionals.join(' ')}`);
  const db = await openDatabase(databaseUrl(values.db));
  try {
    let scopePath = '/000000/';
    let scopeName = '全国';
    if (values.scope && values.scope !== 'all') {
      const region = await findRegion(db.db, values.scope.padEnd(6, '0'));
      if (!region) throw new UsageError(`未知区划：${values.scope}`);
      scopePath = region.path;
      scopeName = region.name;
    }
    const result = await scanAll(db.db, scopePath);
    if (values.json) console.log(JSON.stringify(result));
    else
      console.log(
        `已排查${scopeName}的小区所在的 ${result.prefectures} 个地级单位：待确认的疑似重复 ${result.suspected} 对（在台账中勾选“只看疑似重复”查看）`,
      );
    return 0;
  } finally {
    await db.destroy();
  }
}
