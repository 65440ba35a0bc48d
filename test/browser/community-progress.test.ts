/**
 * A county bureau through the year on a community page: a start without consultation is refused
 * with the server's reason, a consultation above two thirds is recorded with its document, then the
 * start, with a photo that shows as a thumbnail.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { periodLabel } from '../../common/dates.ts';
import {
  addPhoto,
  communityToStart,
  fillProgress,
  PNG,
  recordConsultation,
} from './progress-support.ts';
import { describeBrowser, useDemoServer } from './support.ts';

describeBrowser('community progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-progress-e2e-'));

  const demo = useDemoServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a start without consultation, then records consultation, start and photo', async () => {
    const page = await demo.signIn('county');
    const today = new Date().toISOString().slice(0, 10);
    const period = today.slice(0, 7);
    // A community of this year's plan not yet consulted (the demo also plans next year, whose
    // months have not come yet).
    const c = await communityToStart(page, Number(today.slice(0, 4)));

    await page.goto(`${demo.url}/ledger/${c.id}`);
    await page.locator('#community-progress').waitFor();
    const consent = page.locator('#consent-status');
    expect(await consent.innerText()).toContain(
      `同意 0/${c.households} 户 = 0.0%，未达到 2/3 门槛，尚不能开工`,
    );

    // A start without consultation: the server's reason, in the form.
    expect(await page.locator('#progress-period').inputValue()).toBe(periodLabel(period));
    await fillProgress(page, {
      startDate: today,
      investment: '35.5',
      fundCentral: '20',
      fundResidents: '1.5',
      elevators: 1,
    });
    await page.locator('#progress-save').click();
    const refusal = page.locator('#progress-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      '开工日期：未经居民充分协商取得共识的，不得开工改造：同意户数须达到 66.67%',
    );
    expect(await page.locator('#progress-records').innerText()).toContain('尚未填报进展');

    // A consultation above two thirds, with its minutes as a PDF.
    const agreeing = Math.ceil(c.households * 0.8);
    const minutes = join(dir, '居民协商会议纪要.pdf');
    writeFileSync(minutes, '%PDF-1.4\n% 居民协商会议纪要\n');
    await recordConsultation(
      page,
      {
        heldOn: today,
        method: '入户走访',
        consulted: c.households,
        agreeing,
        agreed: ['改造方案', '居民出资', '后续管护'],
        document: minutes,
      },
      c.households,
    );
    expect(await consent.innerText()).toContain('已达到 2/3 门槛');
    const consultations = await page.locator('#consultations .ant-table-tbody').innerText();
    expect(consultations).toContain('入户走访');
    expect(consultations).toContain('居民协商会议纪要.pdf');
    expect(consultations).toContain('后续管护');

    // The start again, now accepted, its figures typed in full width as a Chinese input method
    // gives them; the record is listed with its funds.
    await page.locator('#progress-investment').fill('３５．５');
    await page.locator('#progress-elevators').fill('１');
    await page.locator('#progress-save').click();
    const records = page.locator('#progress-records .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => records.count(), { timeout: 10_000 }).toBe(1);
    const row = await records.first().innerText();
    expect(row).toContain(periodLabel(period)); // 2026年12月, as the pages write a month
    expect(row).toContain(today);
    expect(row).toContain('35.5');
    expect(row).toContain('21.5'); // funds in place: 20 + 1.5 万元
    expect(row).toContain('加装电梯 1 部');
    expect(await page.locator('#progress-error').count()).toBe(0);

    // A file that is no image is refused by its bytes, whatever its name.
    const fake = join(dir, '伪装.png');
    writeFileSync(fake, 'GIF89a not a png');
    await page.locator('#photo-file').setInputFiles(fake);
    await page.locator('#photo-save').click();
    await page.locator('#photo-error').waitFor();
    expect(await page.locator('#photo-error').innerText()).toContain(
      '文件“伪装.png”的格式不符合要求：照片只接受 JPEG、PNG 或 WebP 图片',
    );

    // A photo of the start, with its place: shown as a thumbnail that loads.
    const photo = join(dir, '开工现场.png');
    writeFileSync(photo, PNG);
    await addPhoto(page, {
      file: photo,
      kind: '改造后',
      lng: '110.3312',
      lat: '20.0311',
      caption: '开工现场',
    });
    const cards = page.locator('#photo-list .community-photo');
    expect(await cards.count()).toBe(1);
    const card = await cards.first().innerText();
    expect(card).toContain('改造后');
    expect(card).toContain('开工现场');
    expect(card).toContain('110.3312, 20.0311');
    await expect
      .poll(
        () =>
          cards
            .first()
            .locator('img')
            .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        { timeout: 10_000 },
      )
      .toBe(1);
    expect(await page.locator('#photo-error').count()).toBe(0);

    // After a reload everything is still there.
    await page.reload();
    await page.locator('#community-progress').waitFor();
    expect(await page.locator('#progress-records .ant-table-tbody').innerText()).toContain(today);
    expect(await page.locator('#photo-list .community-photo').count()).toBe(1);
  }, 120_000);
});
