/**
 * The SQL of the pages read most, checked in (issue 12 §3, as immich keeps src/queries/*.sql): the
 * plan table, the ledger page and the progress table, on each engine, one statement per query it
 * runs (a query run once per row shows as many). A change to a query shows
 * in review as a change to its file; `npx vitest run server/src/queries.snapshot.test.ts -u`
 * rewrites them after a deliberate change.
 */
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import type { Actor } from './domain/actor.ts';
import { listLedger } from './modules/ledger/communities.service.ts';
import { planTable } from './modules/plan/plan-table.service.ts';
import { progressTable } from './modules/progress/progress.service.ts';
import { describeEachEngine } from './test-support/engines.ts';

const province: Actor = {
  userId: 0,
  username: 'snapshot',
  roles: ['province'],
  regionCode: '460000',
  regionPath: '/000000/460000/',
  regionLevel: 'province',
};

/** Records every query's tree as it is sent, to be compiled to the engine's SQL. */
function recorder(): { plugin: KyselyPlugin; nodes: RootOperationNode[] } {
  const nodes: RootOperationNode[] = [];
  return {
    nodes,
    plugin: {
      transformQuery: (args) => {
        nodes.push(args.node);
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
  };
}

describeEachEngine('SQL snapshots', (ctx) => {
  async function sqlOf(run: (db: typeof ctx.db.db) => Promise<unknown>): Promise<string> {
    const { plugin, nodes } = recorder();
    await run(ctx.db.db.withPlugin(plugin));
    const executor = ctx.db.db.getExecutor();
    // Sorted: queries run side by side (Promise.all) may reach the database in either order.
    return `${nodes
      .map((node, i) => executor.compileQuery(node, { queryId: String(i) }).sql)
      .sort()
      .join(';\n\n')};\n`;
  }

  const file = (name: string) => `./queries/${name}.${ctx.engine}.sql`;

  it('of the plan table', async () => {
    const sql = await sqlOf((db) => planTable(db, province, '46', 2027));
    await expect(sql).toMatchFileSnapshot(file('plan-table'));
  });

  it('of the ledger page', async () => {
    const sql = await sqlOf((db) =>
      listLedger(db, province, {
        region: '460100',
        q: '小区',
        sort: 'name',
        order: 'asc',
        page: 1,
        pageSize: 20,
      }),
    );
    await expect(sql).toMatchFileSnapshot(file('ledger-page'));
  });

  it('of the progress table', async () => {
    const sql = await sqlOf((db) => progressTable(db, province, '46', 2026, 9));
    await expect(sql).toMatchFileSnapshot(file('progress-table'));
  });
});
