/**
 * Concurrent merges of overlapping communities into projects (issue 10; probe finding 4), with
 * pool changes of the same projects among them: every merge either goes through or answers 409 in
 * Chinese, never 500, and at the end each community is in exactly one project, no project is left
 * empty, and the maintained figures still add up. On both engines, and across two servers on one
 * PostgreSQL. Before the fix PostgreSQL answered 500s (a link to a project another merge had just
 * deleted) and left communities in two projects.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { answer, type Answer } from '../../test-support/races.ts';
import { twoServers } from '../../test-support/two-servers.ts';
import { checkFigures } from '../figures/figures.service.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';
/** 三亚's four districts: the pairs merged cross district lines, as a city may (联动改造). */
const COUNTIES = ['460202', '460203', '460204', '460205'];
const ROUNDS = 4;
const PER_ROUND = 8;

describeEachEngine('project merge races', (ctx) => {
  let app: App;
  let sanya: Client;
  /** ROUNDS groups of PER_ROUND communities, each still in a project of its own. */
  let groups: number[][];
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-merge-races-'));

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    const rows = Array.from(
      { length: ROUNDS * PER_ROUND },
      (_, i) =>
        `${COUNTIES[i % COUNTIES.length]},合并竞争第${i + 1}号院,1990,3,${40 + i},${3000 + i}.5,${100 + i}.1234,2023`,
    );
    const file = join(dir, 'list.csv');
    writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, file, { dryRun: false });
    expect(report.errors).toEqual([]);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    sanya = await loginAs(app, 'sanya');
    const ids = (
      await ctx.db.db
        .selectFrom('communities')
        .select('id')
        .where('name', 'like', '合并竞争%')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    expect(ids).toHaveLength(ROUNDS * PER_ROUND);
    groups = Array.from({ length: ROUNDS }, (_, r) =>
      ids.slice(r * PER_ROUND, (r + 1) * PER_ROUND),
    );
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The i-th of 20 requests merges the i-th and the next community of the group, round about. */
  const pair = (group: number[], i: number) => [
    group[i % group.length]!,
    group[(i + 1) % group.length]!,
  ];

  /** The projects of the group, each still holding one community (version 1). */
  const projectsOf = async (group: number[]) =>
    (
      await ctx.db.db
        .selectFrom('project_communities')
        .select('project_id')
        .where('community_id', 'in', group)
        .execute()
    ).map((r) => r.project_id);

  /**
   * 20 merges of overlapping pairs and, among them, a pool change of each project the group
   * started in (which locks the project and then its communities, as a merge does).
   */
  async function race(
    send: (i: number, method: 'POST' | 'PUT', url: string, body: unknown) => Promise<Answer>,
    group: number[],
  ) {
    const projects = await projectsOf(group);
    const all = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        send(i, 'POST', '/api/projects/merge', { communityIds: pair(group, i) }),
      ),
      ...projects.map((id, i) =>
        send(i, 'PUT', `/api/projects/${id}`, { version: 1, pool: i % 2 ? 'planning' : 'reserve' }),
      ),
    ]);
    const merges = all.slice(0, 20);
    const edits = all.slice(20);
    // A pool change goes through, or finds its project emptied by a merge and gone.
    for (const a of edits) expect([200, 404]).toContain(a.status);
    await expectSound(merges, group);
  }

  async function expectSound(answers: Answer[], group: number[]) {
    for (const a of answers) {
      expect([200, 409]).toContain(a.status);
      if (a.status === 409) expect(a.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const db = ctx.db.db;
    const links = await db
      .selectFrom('project_communities')
      .select(['community_id', 'project_id'])
      .where('community_id', 'in', group)
      .execute();
    // Each community in exactly one project (ADR 0003: its investment counts once).
    expect(links.map((l) => l.community_id).sort((a, b) => a - b)).toEqual(
      [...group].sort((a, b) => a - b),
    );
    const empty = await db
      .selectFrom('projects as p')
      .select('p.id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('project_communities as pc')
              .select('pc.community_id')
              .whereRef('pc.project_id', '=', 'p.id'),
          ),
        ),
      )
      .execute();
    expect(empty).toEqual([]);
    // Every project the group's communities are in is whole for its sum, as the page shows it.
    for (const id of new Set(links.map((l) => l.project_id))) {
      const p = (await sanya.get(`/api/projects/${id}`)).json();
      const members = links.filter((l) => l.project_id === id).map((l) => l.community_id);
      expect(p.communities.map((c: { id: number }) => c.id)).toEqual(members.sort((a, b) => a - b));
    }
    expect((await checkFigures(db)).mismatches).toEqual([]);
  }

  it('merges 20 parallel overlapping pairs among pool changes: 200 or 409, never 500, one project per community', async () => {
    for (const group of groups.slice(0, ctx.engine === 'postgres' ? 2 : ROUNDS)) {
      await race(
        async (_, method, url, body) => answer(await sanya.send(method, url, body)),
        group,
      );
    }
  });

  it.skipIf(ctx.engine !== 'postgres')(
    'does the same across two servers on one PostgreSQL',
    async () => {
      const servers = await twoServers(ctx.url);
      const headers = { cookie: sanya.cookie, 'x-csrf-token': sanya.csrf };
      try {
        for (const group of groups.slice(2)) {
          await race(
            async (i, method, url, body) =>
              answer(await servers.request(i % 2, method, url, body, headers)),
            group,
          );
        }
      } finally {
        await servers.close();
      }
    },
  );
});
