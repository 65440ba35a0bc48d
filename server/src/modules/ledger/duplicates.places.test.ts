/**
 * Suspected duplicates by place (duplicates.service.ts): the same address or a position within
 * about 50 m, across neighbouring units of one city. The keys are stored with each community as
 * it is written (communities.address_key, cell_key), and the scan asks the engine which of them
 * communities share; migration 0034 keys the communities stored before it.
 */
import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as m0034 from '../../db/migrations/0034_place_keys.ts';
import type { Database } from '../../db/schema.ts';
import { addressKey, positionCell } from '../../domain/ledger/place-keys.ts';
import { smallCommunity, type Place } from '../../test-support/communities.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { createCommunity, updateCommunity } from './communities.service.ts';
import { pairsOf } from './duplicates.repository.ts';
import { scanAll, setPairStatus } from './duplicates.service.ts';

const HAIKOU = (code: string): Place => ({
  region_code: code,
  prefecture_code: '460100',
  region_path: `/000000/460000/460100/${code}/`,
});

const input = (regionCode: string, name: string, more: Record<string, string> = {}) => ({
  regionCode,
  name,
  buildYear: '1995',
  buildings: '3',
  households: '60',
  floorArea: '5000',
  investment: '100',
  planYear: '2031',
  ...more,
});

/** A community written straight to the table, in Haikou, with the place the test is about. */
const stored = (code: string, name: string, place: Partial<Insertable<Database['communities']>>) =>
  smallCommunity(HAIKOU(code), name, place);

describeEachEngine('suspected duplicates by place', (ctx) => {
  const keysOf = (id: number) =>
    ctx.db.db
      .selectFrom('communities')
      .select(['address', 'lng', 'lat', 'address_key', 'cell_key', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const pairedWith = async (id: number) => (await pairsOf(ctx.db.db, id)).map((p) => p.id);

  it('pairs two neighbouring units’ communities within 50 m, and by an address edited to match', async () => {
    const db = ctx.db.db;
    const a = await createCommunity(
      db,
      SYSTEM_ACTOR,
      input('460105', '海甸花园', {
        address: '海口市和平大道66号',
        lng: '110.3301',
        lat: '20.0401',
      }),
    );
    // 20 m away, in the next district: one place, perhaps entered twice
    const b = await createCommunity(
      db,
      SYSTEM_ACTOR,
      input('460106', '和平新村', { address: '海口市龙华路9号', lng: '110.3302', lat: '20.0402' }),
    );
    // a kilometre away
    const c = await createCommunity(
      db,
      SYSTEM_ACTOR,
      input('460107', '椰风小区', {
        address: '海口市琼山大道1号',
        lng: '110.3401',
        lat: '20.0501',
      }),
    );
    for (const id of [a, b, c]) {
      const k = await keysOf(id);
      expect(k.address_key).toBe(addressKey(k.address));
      expect(k.cell_key).toBe(positionCell(k.lng, k.lat));
      expect(k.cell_key).not.toBeNull();
    }
    expect(await pairedWith(a)).toEqual([b]);
    expect(await pairedWith(c)).toEqual([]);

    // c's address corrected to a's, in other writing: its key follows, and the pair is suspected
    await updateCommunity(
      db,
      SYSTEM_ACTOR,
      c,
      1,
      input('460107', '椰风小区', {
        address: '海口市 和平大道 66 号',
        lng: '110.3401',
        lat: '20.0501',
      }),
    );
    const edited = await keysOf(c);
    expect(edited.address_key).toBe((await keysOf(a)).address_key);
    expect(await pairedWith(c)).toEqual([a]);

    // its position removed: no cell any more
    await updateCommunity(
      db,
      SYSTEM_ACTOR,
      c,
      2,
      input('460107', '椰风小区', { lng: '', lat: '' }),
    );
    expect(await keysOf(c)).toMatchObject({ address_key: null, cell_key: null });
  });

  it('finds nothing in an address fifty communities share, and pairs the units of one shared by fewer', async () => {
    const db = ctx.db.db;
    const address = '海口市海秀东路一百号';
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) =>
        stored(i % 2 ? '460105' : '460108', `共址小区${from + i}`, {
          address,
          address_key: addressKey(address),
        }),
      );
    const ids = (
      await db.insertInto('communities').values(rows(50, 0)).returning('id').execute()
    ).map((r) => r.id);
    await scanAll(db);
    expect(await pairedWith(ids[0]!)).toEqual([]);

    await db.deleteFrom('communities').where('id', '=', ids[49]!).execute();
    await scanAll(db);
    // 49 left: each is paired with the 24 or 25 of the other unit, none of its own
    const paired = await pairedWith(ids[0]!);
    expect(paired).toHaveLength(24);
    const units = await db
      .selectFrom('communities')
      .select('region_code')
      .distinct()
      .where('id', 'in', paired)
      .execute();
    expect(units.map((u) => u.region_code)).toEqual(['460105']);
  });

  it('scans a subtree by the prefecture-level units holding its communities, each whole', async () => {
    const db = ctx.db.db;
    await db.deleteFrom('communities').execute(); // the earlier tests' pairs, out of the counts
    // Stored unpaired, as before an upgrade: two districts of Haikou sharing an address, two of
    // Sanya sharing another, and 五指山市 (a county-level city under the province, its own
    // prefecture-level unit) sharing a name with 琼海市's, which never pairs across units.
    const sanya = (code: string): Place => ({
      region_code: code,
      prefecture_code: '460200',
      region_path: `/000000/460000/460200/${code}/`,
    });
    const own = (code: string): Place => ({
      region_code: code,
      prefecture_code: code,
      region_path: `/000000/460000/${code}/`,
    });
    const at = (address: string) => ({ address, address_key: addressKey(address) });
    const rows = [
      stored('460105', '扫描甲', at('海口市龙昆南路二十号')),
      stored('460106', '扫描乙', at('海口市龙昆南路20号')),
      { ...stored('', '扫描丙', at('三亚市解放路八号')), ...sanya('460202') },
      { ...stored('', '扫描丁', at('三亚市解放路8号')), ...sanya('460203') },
      { ...stored('', '扫描戊', {}), ...own('469001') },
      { ...stored('', '扫描戊', {}), ...own('469002') },
    ];
    const [haikouA, , sanyaA] = (
      await db.insertInto('communities').values(rows).returning('id').execute()
    ).map((r) => r.id);

    // 龙华区 (460106): its city scanned whole, nothing of Sanya's
    expect(await scanAll(db, '/000000/460000/460100/460106/')).toEqual({
      prefectures: 1,
      suspected: 1,
    });
    expect(await pairedWith(haikouA!)).toHaveLength(1);
    expect(await pairedWith(sanyaA!)).toEqual([]);
    // a unit with no community, and one outside the ledger's provinces: nothing to scan
    expect(await scanAll(db, '/000000/460000/460200/460204/')).toEqual({
      prefectures: 0,
      suspected: 0,
    });
    expect(await scanAll(db, '/000000/440000/')).toEqual({ prefectures: 0, suspected: 0 });
    // the province: its four prefecture-level units with communities; Haikou's pair again, once
    expect(await scanAll(db, '/000000/460000/')).toEqual({ prefectures: 4, suspected: 2 });
    expect(await pairedWith(sanyaA!)).toHaveLength(1);
    // a pair settled is no longer reported
    await setPairStatus(db, haikouA!, (await pairedWith(haikouA!))[0]!, 'dismissed', 'test');
    expect(await scanAll(db)).toEqual({ prefectures: 4, suspected: 1 });
  });

  it('migration 0034 keys the communities stored before it', async () => {
    const db = ctx.db.db as unknown as Kysely<unknown>;
    await m0034.down(db);
    const before = [
      ['460105', '旧甲', '海口市滨海大道十八号', '110.3301', '20.0401'],
      ['460106', '旧乙', '滨海大道', null, null],
      ['460106', '旧丙', '', '110.3302', '20.0402'],
    ] as const;
    for (const [code, name, address, lng, lat] of before) {
      // as a row was before the migration: without the key columns
      const { address_key: _a, cell_key: _c, ...row } = stored(code, name, { address, lng, lat });
      await sql`insert into communities ${sql.raw(`(${Object.keys(row).join(', ')})`)}
        values (${sql.join(Object.values(row))})`.execute(db);
    }
    await m0034.up(ctx.db.dialect)(db);
    const keyed = await ctx.db.db
      .selectFrom('communities')
      .select(['name', 'address', 'lng', 'lat', 'address_key', 'cell_key'])
      .where(
        'name',
        'in',
        before.map((s) => s[1]),
      )
      .orderBy('name')
      .execute();
    expect(keyed).toHaveLength(3);
    for (const k of keyed) {
      expect(k.address_key).toBe(addressKey(k.address));
      expect(k.cell_key).toBe(positionCell(k.lng, k.lat));
    }
    expect(keyed.map((k) => [k.address_key, k.cell_key])).toEqual(
      expect.arrayContaining([
        ['海口市滨海大道18号', '220660:40080'],
        [null, null],
        [null, '220660:40080'],
      ]),
    );
  });
});
