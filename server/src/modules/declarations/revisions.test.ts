/**
 * A revision of an accepted plan (计划调整, issue 11 §3), 宁夏's 2022 case as synthetic records: a
 * province's 374 plan communities declared up the chain and accepted by the ministry; then 41
 * removed, each with a reason, the revision carried up again (the counties, their cities, the
 * province with a renewed approval and three new sign-offs) and accepted. The progress table of
 * a month before the revision's acceptance counts 374 planned communities, of a month after 333.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticRows } from '../../demo/synthetic.ts';
import { REVISION_REASONS } from '../../domain/declaration.ts';
import { COLUMNS, HEADERS } from '../../domain/ledger/template.ts';
import { TOTAL_LABEL } from '../../domain/plan-table.ts';
import { csvLine } from '../../domain/spreadsheet-cells.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { actorAt, declareAccepted } from '../../test-support/declarations.ts';
import { assessAndPassAll } from '../../test-support/fiscal.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { refuseYearChangeOfDeclared } from '../plan/earlier-plans.service.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';
import { progressTable } from '../progress/progress.service.ts';
import { getRegion } from '../regions/regions.repository.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { acceptDeclaration, declarationView, submitDeclaration } from './declarations.service.ts';
import { planInForce } from './plan-in-force.ts';
import { acceptanceHistory, revisionDiff } from './revisions.history.ts';
import { reviseDeclaration, setRevisionReason } from './revisions.service.ts';
import { saveContact } from './declarations.receipts.ts';
import { freezeForSignoff, justifyWarning, recordApproval, signOff } from './signoff.service.ts';
import { underPath } from '../../db/under-path.ts';

const Y = 2022;
const NX = '640000';
const PLANNED = 374;
const REMOVED = 41;
const dir = mkdtempSync(join(tmpdir(), 'gaizao-revision-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A time in China on a day of 2022. */
const at = (day: string, hour = 10) =>
  new Date(`2022-${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

describeEachEngine('plan revision (计划调整)', (ctx) => {
  const db = () => ctx.db.db;
  const planned = async (path: string) =>
    (await planCommunities(db(), path, Y).select('c.id').execute()).length;

  beforeAll(async () => {
    const nx = await getRegion(db(), NX);
    const units = await db()
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('is_ledger_unit', '=', 1)
      .where('level', '=', 'county')
      .where((e) => underPath(e, 'path', nx.path))
      .orderBy('code')
      .execute();
    let text = '\uFEFF' + csvLine([...HEADERS]);
    for (const row of syntheticRows(units, PLANNED, { seed: 2022, planYears: [Y] }))
      text += csvLine(COLUMNS.map((c) => row[c.key]));
    const file = join(dir, `ningxia-${ctx.engine}.csv`);
    writeFileSync(file, text);
    const report = await importProjectList(db(), SYSTEM_ACTOR, file, { dryRun: false });
    expect(report.errors).toEqual([]);
    await assessAndPassAll(db(), NX, Y);
    // Room for any synthetic plan's local funding: the fiscal check is not what this is about.
    await db()
      .updateTable('fiscal_assessments')
      .set({ available_yuan: 1e13 })
      .where('plan_year', '=', Y)
      .execute();
  }, 120_000);

  /** Every failing warning of the unit justified, as its staff would do before submitting. */
  async function justify(unit: string, role: 'county' | 'city' | 'province', now: Date) {
    const self = await actorAt(db(), unit, role);
    for (const c of (await declarationView(db(), self, unit, Y)).checks)
      if (!c.passed && c.severity === 'warning' && !c.justification)
        await justifyWarning(db(), self, unit, Y, c.id, '测试：全区统筹后不超过上限', now);
  }

  /** The province's own steps before submitting: a candidate, three sign-offs, the approval. */
  async function signAndApprove(now: Date, documentNo: string, sign = true) {
    const province = await actorAt(db(), NX, 'province');
    if (sign) {
      // The form's contact is part of the frozen version (issue 11 §2).
      await saveContact(db(), province, NX, Y, { name: '测试联系人', phone: '0951-1234567' });
      const { id, hash } = await freezeForSignoff(db(), province, NX, Y, now);
      for (const role of ['province', 'province_ndrc', 'province_finance'] as const)
        await signOff(db(), await actorAt(db(), NX, role), id, hash, now);
    }
    await recordApproval(
      db(),
      province,
      NX,
      Y,
      {
        approvedOn: now.toISOString().slice(0, 10),
        documentNo,
        fileName: 'approval.pdf',
        file: Readable.from([Buffer.from('%PDF-1.4 test')]),
      },
      dir,
      now,
    );
  }

  const planColumn = async (month: number) => {
    const t = await progressTable(db(), await actorAt(db(), '000000', 'ministry'), NX, Y, month);
    return { plan: t.rows.at(-1)![1], versions: t.planVersions, note: t.planNote };
  };

  it(`declares ${PLANNED} communities up to the ministry, then revises away ${REMOVED} of them with reasons`, async () => {
    const nx = await getRegion(db(), NX);
    expect(await planned(nx.path)).toBe(PLANNED);

    // The first declaration, accepted by the ministry on 15 March.
    const march = at('03-15');
    const cities = await db()
      .selectFrom('regions')
      .select('code')
      .where('parent_code', '=', NX)
      .orderBy('code')
      .execute();
    for (const c of cities) await declareAccepted(db(), c.code, Y, march);
    await justify(NX, 'province', march);
    await signAndApprove(march, '宁政函〔2022〕10号');
    const province = await actorAt(db(), NX, 'province');
    const ministry = await actorAt(db(), '000000', 'ministry');
    await submitDeclaration(db(), province, NX, Y, march);
    await acceptDeclaration(db(), ministry, NX, Y, march);
    expect((await planInForce(db(), NX, Y))!).toMatchObject({ version: 1, revision: 0 });

    // 41 communities are to leave the plan (the ledger moves them to a later year). While the
    // plans holding them stand accepted, the ledger refuses to move them.
    const all = await planCommunities(db(), nx.path, Y)
      .select(['c.id', 'c.name', 'c.region_code'])
      .orderBy('c.id')
      .execute();
    const gone = all.filter((_, i) => i % 9 === 0).slice(0, REMOVED);
    expect(gone).toHaveLength(REMOVED);
    await expect(refuseYearChangeOfDeclared(db(), gone[0]!.id, gone[0]!.name)).rejects.toThrow(
      /不能改为其他计划年度/,
    );

    // The counties that lose communities open their revisions first; then the ledger may move them.
    const counties = [...new Set(gone.map((c) => c.region_code))].sort();
    const opened = at('08-01');
    for (const county of counties) {
      const self = await actorAt(db(), county, 'county');
      await reviseDeclaration(db(), self, county, Y, '部分小区不具备改造条件，调整计划', opened);
      expect(await declarationView(db(), self, county, Y)).toMatchObject({
        state: 'draft',
        stateLabel: '计划调整中',
        revision: 1,
        revisionLabel: '计划调整（第1次）',
        inForce: { version: 1 },
      });
    }
    for (const c of gone) await refuseYearChangeOfDeclared(db(), c.id, c.name);
    await db()
      .updateTable('communities')
      .set({ plan_year: Y + 1 })
      .where(
        'id',
        'in',
        gone.map((c) => c.id),
      )
      .execute();
    expect(await planned(nx.path)).toBe(PLANNED - REMOVED);

    // Each removal with a reason, each county's revision accepted by its city.
    for (const [k, county] of counties.entries()) {
      const self = await actorAt(db(), county, 'county');
      await justify(county, 'county', opened);
      const mine = gone.filter((c) => c.region_code === county);
      if (k === 0)
        // Without its reasons the revision is refused, naming the communities.
        await expect(submitDeclaration(db(), self, county, Y, opened)).rejects.toThrow(
          new RegExp(`须填写删除原因：${mine[0]!.name}`),
        );
      for (const c of mine) {
        const code = REVISION_REASONS[gone.indexOf(c) % REVISION_REASONS.length]!;
        await setRevisionReason(
          db(),
          self,
          county,
          Y,
          c.id,
          { code, text: code === 'other' ? '产权单位改制，暂缓改造' : '' },
          opened,
        );
      }
      await submitDeclaration(db(), self, county, Y, at('08-02'));
      const region = await getRegion(db(), county);
      await acceptDeclaration(
        db(),
        await actorAt(db(), region.parent_code!, 'city'),
        county,
        Y,
        at('08-03'),
      );
    }

    // Their cities revise in turn: the reasons given below carry up.
    const affected = [
      ...new Set(
        await Promise.all(counties.map(async (c) => (await getRegion(db(), c)).parent_code!)),
      ),
    ];
    for (const city of affected.sort()) {
      const self = await actorAt(db(), city, 'city');
      await reviseDeclaration(db(), self, city, Y, '所辖县区计划调整', at('08-04'));
      await justify(city, 'city', at('08-04'));
      await submitDeclaration(db(), self, city, Y, at('08-04', 11));
      await acceptDeclaration(db(), await actorAt(db(), NX, 'province'), city, Y, at('08-05'));
    }

    // The province: a new candidate, three new sign-offs, the approval renewed.
    await reviseDeclaration(
      db(),
      province,
      NX,
      Y,
      '按各市县调整，计划由374个调整为333个',
      at('08-06'),
    );
    await justify(NX, 'province', at('08-06'));
    await expect(submitDeclaration(db(), province, NX, Y, at('08-06', 11))).rejects.toThrow(/会签/);
    const { id, hash } = await freezeForSignoff(db(), province, NX, Y, at('08-07'));
    for (const role of ['province', 'province_ndrc', 'province_finance'] as const)
      await signOff(db(), await actorAt(db(), NX, role), id, hash, at('08-07'));
    // The approval of March covers version 1, not the revision's candidate.
    await expect(submitDeclaration(db(), province, NX, Y, at('08-07', 11))).rejects.toThrow(
      /省政府批复对应第 1 版，当前第 2 版未经批复/,
    );
    await signAndApprove(at('08-08'), '宁政函〔2022〕58号', false);
    await submitDeclaration(db(), province, NX, Y, at('08-09'));
    // While the revision travels, version 1 stays in force.
    expect((await planInForce(db(), NX, Y))!).toMatchObject({ version: 1 });
    expect((await declarationView(db(), province, NX, Y)).inForce).toMatchObject({
      version: 1,
      communities: PLANNED,
    });

    const diff = await revisionDiff(db(), ministry, NX, Y);
    expect(diff).toMatchObject({
      revision: 1,
      from: { version: 1 },
      to: { version: 2 },
      added: [],
      changed: [],
      totals: { before: { communities: PLANNED }, after: { communities: PLANNED - REMOVED } },
    });
    expect(diff.removed.map((c) => c.id).sort((a, b) => a - b)).toEqual(gone.map((c) => c.id));
    expect(diff.removed.every((c) => c.reason !== null)).toBe(true);
    expect(diff.removed.find((c) => c.reason?.code === 'other')?.reason).toMatchObject({
      label: '其他',
      text: '产权单位改制，暂缓改造',
    });
    // The form's total row: 小区数 合计 (its third figure) from 374 to 333.
    const total = diff.table!.find((r) => r.label === TOTAL_LABEL)!;
    expect(total.changed).toBe(true);
    expect([total.before![2], total.after![2]]).toEqual([PLANNED, PLANNED - REMOVED]);

    await acceptDeclaration(db(), ministry, NX, Y, at('08-10'));
    expect((await planInForce(db(), NX, Y))!).toMatchObject({ version: 2, revision: 1 });
    expect((await planInForce(db(), NX, Y, at('08-09').toISOString()))!).toMatchObject({
      version: 1,
    });

    const history = await acceptanceHistory(db(), ministry, NX, Y);
    expect(history.items).toHaveLength(2);
    expect(history.items[1]).toMatchObject({
      version: 2,
      revision: 1,
      revisionLabel: '计划调整（第1次）',
      reason: '按各市县调整，计划由374个调整为333个',
      acceptedBy: ministry.username,
      changes: { added: 0, removed: REMOVED, changed: 0 },
      totals: { communities: PLANNED - REMOVED },
    });
    // The communities taken out are no longer declared in 2022: a later year may take them.
    const declared = await db()
      .selectFrom('declared_communities')
      .select('community_id')
      .where('unit_code', '=', NX)
      .where('plan_year', '=', Y)
      .execute();
    expect(declared).toHaveLength(PLANNED - REMOVED);
    expect(declared.map((d) => d.community_id)).not.toContain(gone[0]!.id);
  }, 600_000);

  it('counts 374 planned in the month before the revision was accepted and 333 in the month after', async () => {
    const july = await planColumn(7);
    expect(july.plan).toBe(PLANNED);
    expect(july.versions).toEqual([
      expect.objectContaining({ code: NX, basis: 'accepted', version: 1, revision: 0 }),
    ]);
    expect(july.note).toMatch(/第 1 版（2022-03-15 接收）/);
    for (const month of [8, 9]) {
      const after = await planColumn(month);
      expect(after.plan).toBe(PLANNED - REMOVED);
      expect(after.versions).toEqual([
        expect.objectContaining({ code: NX, basis: 'accepted', version: 2, revision: 1 }),
      ]);
      expect(after.note).toMatch(/第 2 版（计划调整（第1次），2022-08-10 接收）/);
    }
    // Before any acceptance: the latest submitted version, as before revisions existed.
    expect((await planColumn(2)).versions[0]).toMatchObject({ basis: 'submitted', version: 2 });
  });
});
