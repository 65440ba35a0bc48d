/**
 * A province's plan, approved and received (issue 11 §2): the provincial government's approval
 * names the candidate version it approves, so an approval of version 2 does not cover version 3
 * until renewed; the form's contact (联系人及电话) is entered by the province and frozen with what is
 * signed; 住房和城乡建设部, 国家发展改革委 and 财政部 each see the submitted plan and sign for its
 * receipt once (parallel clicks give one receipt), and only the first returns or accepts.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs } from '../../test-support/fixtures.ts';
import { declareAccepted } from '../../test-support/declarations.ts';
import { declarationWorld, justifyAll, view, Y } from './declarations.fixture.ts';
import { frozenRows } from '../../domain/plan-table.ts';

function multipart(fields: Record<string, string>) {
  const b = '----gz' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="批复.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--${b}--\r\n`,
  );
  return {
    payload: Buffer.from(parts.join('')),
    contentType: `multipart/form-data; boundary=${b}`,
  };
}

describeEachEngine('declaration approval and national recipients', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;
  const base = `/api/declarations/460000/${Y}`;

  const approve = (documentNo: string) => {
    const form = multipart({ approvedOn: '2021-06-20', documentNo });
    return world.app.inject({
      method: 'POST',
      url: `${base}/approval`,
      headers: {
        cookie: u.province!.cookie,
        'x-csrf-token': u.province!.csrf,
        'content-type': form.contentType,
      },
      payload: form.payload,
    });
  };
  const setContact = (name: string, phone: string) =>
    u.province!.send('PUT', `${base}/contact`, { name, phone });
  const freeze = async () => (await u.province!.send('POST', `${base}/freeze`)).json();

  it('refuses a contact with a bad phone or no name, naming the field', async () => {
    const bad = await setContact('张三', '电话0898');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^联系电话“电话0898”格式不正确/);
    expect(bad.json().error.details).toEqual([{ path: 'phone', message: expect.any(String) }]);
    const short = await setContact('张三', '12-34');
    expect(short.json().error.message).toMatch(/联系电话.*7–20 个字符/);
    const noName = await setContact(' ', '0898-65312345');
    expect(noName.json().error.message).toBe('联系人：请填写姓名');
    expect(
      (await u.city!.send('PUT', `${base}/contact`, { name: '李四', phone: '0898 6531 2345' }))
        .statusCode,
    ).toBe(404);
    expect((await view(u.province!, '460000')).province.contact).toBeNull();
  });

  it('binds the approval to version 2 and shows it does not cover version 3 until renewed; submit waits for it', async () => {
    for (const c of (await view(u.province!, '460000')).unacceptedChildren)
      await declareAccepted(ctx.db.db, c.code, Y);
    await justifyAll(u.province!, '460000');
    // Before the plan is submitted the other recipients see nothing of it.
    expect((await u.mof!.get(base)).statusCode).toBe(404);
    expect((await u['ndrc-national']!.get(`/api/declarations/460106/${Y}`)).statusCode).toBe(404);

    expect((await setContact('张三', '0898-65312345')).statusCode).toBe(204);
    expect((await freeze()).id).toBeGreaterThan(0);
    // A new contact is a new version: what is signed carries it.
    expect((await setContact('李四', '(0898) 6531 2345')).statusCode).toBe(204);
    const v2 = await freeze();
    expect((await approve('琼府函〔2021〕88号')).statusCode).toBe(204);
    let p = (await view(u.province!, '460000')).province;
    expect(p.candidate).toMatchObject({ version: 2, hash: v2.hash, current: true });
    expect(p.approval).toMatchObject({
      documentNo: '琼府函〔2021〕88号',
      covers: { version: 2, hash: v2.hash },
      current: true,
    });
    expect(p.approvalNotice).toBeNull();

    expect((await setContact('王五', '0898-66668888')).statusCode).toBe(204);
    const v3 = await freeze();
    p = (await view(u.province!, '460000')).province;
    expect(p.contact).toEqual({ name: '王五', phone: '0898-66668888' });
    expect(p.candidate).toMatchObject({ version: 3, hash: v3.hash });
    expect(p.approval).toMatchObject({ covers: { version: 2, hash: v2.hash }, current: false });
    expect(p.approvalNotice).toBe('省政府批复对应第 2 版，当前第 3 版未经批复，须重新录入批复');

    for (const who of ['province', 'ndrc', 'finance'])
      expect(
        (await u[who]!.send('POST', `/api/signoffs/${v3.id}`, { hash: v3.hash })).statusCode,
      ).toBe(200);
    const refused = await u.province!.send('POST', `${base}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      '省政府批复对应第 2 版，当前第 3 版未经批复，须重新录入批复',
    );

    expect((await approve('琼府函〔2021〕96号')).statusCode).toBe(204);
    p = (await view(u.province!, '460000')).province;
    expect(p.approval).toMatchObject({
      documentNo: '琼府函〔2021〕96号',
      covers: { version: 3 },
      current: true,
    });
    expect(p.approvalHistory).toEqual([
      expect.objectContaining({
        documentNo: '琼府函〔2021〕88号',
        covers: { version: 2, hash: v2.hash },
        current: false,
      }),
    ]);
    expect((await u.province!.send('POST', `${base}/submit`)).json()).toEqual({
      state: 'submitted',
    });

    // The contact is frozen with the submitted version and printed on the live form.
    const frozen = (await u.ministry!.get(`${base}/versions/1`)).json();
    expect(frozen.content.contact).toBe('王五 0898-66668888');
    expect((await u.province!.get(`/api/plan-table?province=46&year=${Y}`)).json().contact).toBe(
      '王五 0898-66668888',
    );
    const late = await setContact('赵六', '0898-12345678');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('计划已上报，不能修改联系人及电话');
  });

  it('lets the three departments see the submitted plan; only the ministry returns or accepts', async () => {
    // The ledger moves on after the submission: they still see the submitted figures.
    const c = (await u.province!.get(`/api/communities?pageSize=1&planYear=${Y}`)).json().items[0];
    await ctx.db.db
      .updateTable('communities')
      .set({ households: c.households + 100 })
      .where('id', '=', c.id)
      .execute();
    for (const who of ['mof', 'ndrc-national']) {
      const c = u[who]!;
      const v = (await c.get(base)).json();
      expect(v).toMatchObject({ state: 'submitted', version: 1, side: null });
      // The submitted figures only: no live checks, nothing of the units below.
      expect(v).toMatchObject({ checks: [], children: [], unacceptedChildren: [] });
      const frozen = (await u.ministry!.get(`${base}/versions/1`)).json().content;
      expect(v.totals).toEqual(frozen.totals);
      expect((await view(u.ministry!, '460000')).totals.households).toBe(
        frozen.totals.households + 100,
      );
      expect((await view(u.ministry!, '460000')).children.length).toBeGreaterThan(0);
      expect((await c.get(`${base}/versions/1`)).statusCode).toBe(200);
      expect((await c.get(`/api/declarations-overview?year=${Y}`)).statusCode).toBe(200);
      for (const action of ['accept', 'return'])
        expect(
          (await c.send('POST', `${base}/${action}`, { reason: '退回测试' })).statusCode,
          `${who} ${action}`,
        ).toBe(403);
      // Nothing below the province, nothing else of the province.
      expect((await c.get(`/api/declarations/460100/${Y}`)).statusCode).toBe(404);
      expect((await c.send('POST', `${base}/freeze`)).statusCode).toBe(403);
      expect(
        (await c.send('PUT', `${base}/contact`, { name: '张三', phone: '0898-65312345' }))
          .statusCode,
      ).toBe(403);
      expect((await c.get('/api/communities?pageSize=1')).statusCode).toBe(403);
      // The plan table: the submitted version, never the ledger's working table.
      const table = (await c.get(`/api/plan-table?province=46&year=${Y}`)).json();
      expect(table).toMatchObject({ basis: 'version', version: { number: 1 } });
      expect(frozenRows(table.blocks[0].rows)).toEqual(frozen.table);
      const live = await c.get(`/api/plan-table?province=46&year=${Y}&basis=live`);
      expect(live.statusCode).toBe(403);
      expect(live.json().error.message).toContain('不查看台账工作底稿');
      expect((await c.get(`/api/plan-table?province=all&year=${Y}&basis=live`)).statusCode).toBe(
        403,
      );
    }
    // A province's own staff, the ministry's reviewer or a county cannot sign for receipt.
    expect((await u.province!.send('POST', `${base}/receipts`)).statusCode).toBe(403);
    expect((await u.admin!.send('POST', `${base}/receipts`)).statusCode).toBe(403);
    expect((await u.mof!.send('POST', `/api/declarations/420000/${Y}/receipts`)).statusCode).toBe(
      404,
    );
  });

  it('shows the security and audit administrators nothing of the plan (三员分立); its readers still see it', async () => {
    await addUser(ctx.db.db, 'decl_security', '000000', ['security_admin']);
    await addUser(ctx.db.db, 'decl_auditor', '000000', ['audit_admin']);
    // Each page of the submitted plan, and who reads it.
    const reads: [string, string][] = [
      ['ministry', base],
      ['ministry', `${base}/versions/1`],
      ['mof', `${base}/versions/1`],
      ['ministry', `${base}/diff`],
      ['ministry', `${base}/acceptances`],
      ['ministry', `${base}/candidate`],
      ['province', `${base}/revision/diff`],
      ['city', `/api/declarations/460100/${Y}`],
      ['ministry', `/api/declarations-overview?year=${Y}`],
      ['ndrc-national', `/api/declarations-overview?year=${Y}`],
    ];
    const refused = new Set<number>();
    for (const name of ['decl_security', 'decl_auditor']) {
      const c = await loginAs(world.app, name);
      for (const [, url] of reads) {
        const res = await c.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(403);
        expect(res.json().error.message, url).toMatch(/三员分立/);
      }
      for (const action of ['accept', 'return', 'freeze', 'receipts'])
        refused.add((await c.send('POST', `${base}/${action}`, { reason: '测试' })).statusCode);
      // Their page header's bell: nothing of the units' business.
      const notes = await c.get(`/api/notifications?year=${Y}`);
      expect(notes.statusCode).toBe(200);
      expect(notes.json().items).toEqual([]);
    }
    expect([...refused]).toEqual([403]);
    for (const [who, url] of reads) {
      const res = await u[who]!.get(url);
      // The revision diff answers 404 while there is no revision: found, not refused.
      expect(res.statusCode, `${who} ${url}`).toBe(url.endsWith('/revision/diff') ? 404 : 200);
    }
    // The ministry, at the same country level, still has the province's submission in its bell.
    const ministryNotes = (await u.ministry!.get(`/api/notifications?year=${Y}`)).json().items;
    expect(ministryNotes.length).toBeGreaterThan(0);
  });

  it('gives one receipt per department of many parallel sign-fors, with who, when and the version', async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        [u.mof!, u['ndrc-national']!, u.ministry!][i % 3]!.send(
          'POST',
          `${base}/receipts`,
          i % 2 ? { version: 1 } : undefined,
        ),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array<number>(24).fill(200));
    expect(answers.filter((a) => a.json().created)).toHaveLength(3);
    const submitted = (await view(u.province!, '460000')).submitted;
    for (const role of ['mof', 'ndrc_national', 'ministry']) {
      const mine = answers.map((a) => a.json().receipt).filter((r) => r.role === role);
      expect(new Set(mine.map((r) => `${r.at}/${r.username}`)).size, role).toBe(1);
      expect(mine[0]).toMatchObject({ version: 1, hash: submitted.hash });
    }
    const rows = await ctx.db.db
      .selectFrom('plan_receipts')
      .selectAll()
      .where('unit_code', '=', '460000')
      .execute();
    expect(rows.map((r) => [r.role, r.username, r.version]).sort()).toEqual([
      ['ministry', 'ministry', 1],
      ['mof', 'mof', 1],
      ['ndrc_national', 'ndrc-national', 1],
    ]);
    const stale = await u.mof!.send('POST', `${base}/receipts`, { version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('第 2 版已被第 1 版取代，请签收最新上报的版本');

    const overview = (await u.mof!.get(`/api/declarations-overview?year=${Y}`)).json().items;
    expect(overview.find((o: { code: string }) => o.code === '460000').receipts).toEqual([
      { role: 'ministry', label: '住建部', username: 'ministry', at: expect.any(String) },
      { role: 'ndrc_national', label: '发改委', username: 'ndrc-national', at: expect.any(String) },
      { role: 'mof', label: '财政部', username: 'mof', at: expect.any(String) },
    ]);
    expect(overview.find((o: { code: string }) => o.code === '420000').receipts[0].at).toBeNull();
    expect(
      (await view(u.province!, '460000')).province.receipts.map(
        (r: { username: string }) => r.username,
      ),
    ).toEqual(['ministry', 'ndrc-national', 'mof']);

    // Returned, there is nothing to sign for; the ministry alone returns.
    expect((await u.ministry!.send('POST', `${base}/return`, { reason: '请核实' })).json()).toEqual(
      { state: 'returned' },
    );
    const none = await u.mof!.send('POST', `${base}/receipts`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toMatch(/当前为“已退回”，没有待签收的上报版本/);
  });
});
