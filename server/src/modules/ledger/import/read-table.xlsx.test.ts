// Reading xlsx, in this thread and in a worker: cell values as texts, the first tab, large
// workbooks streamed, and damaged files refused in Chinese.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';
import { errorOf, rowsOf, tempFiles } from './read-table.fixture.ts';
import { DOC_RELS, MAIN, RELS, minimalParts, minimalXlsx, sheetXmlWith, zip } from './test-zips.ts';

const { file, tempPath } = tempFiles();

describe('xlsx', () => {
  it('reads the first worksheet as texts; formulas come back as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRow(['小区名称', '建成年份', '面积', '投资', '竣工日期', '是否拆除', '备注']);
    sheet.addRow(['幸福小区', 1988, 12345.67, 0.1 + 0.2, new Date(Date.UTC(1988, 4, 6)), false]);
    sheet.addRow([
      { richText: [{ text: '光明' }, { text: '里' }] },
      { formula: 'B2+1', result: 1989 },
      1.5e-7,
      { sharedFormula: 'B3', result: 1 },
      null,
      true,
      { error: '#N/A' },
    ]);
    sheet.getCell('A5').value = '中间空了一行';
    workbook.addWorksheet('填写说明').addRow(['这一页不读']);
    const path = tempPath('book.xlsx');
    await workbook.xlsx.writeFile(path);

    expect(await rowsOf(path)).toEqual([
      { line: 1, cells: ['小区名称', '建成年份', '面积', '投资', '竣工日期', '是否拆除', '备注'] },
      { line: 2, cells: ['幸福小区', '1988', '12345.67', '0.3', '1988-05-06', '否'] },
      { line: 3, cells: ['光明里', '=B2+1', '1.5e-7', '=（共享公式）', '', '是', '#N/A'] },
      { line: 5, cells: ['中间空了一行'] },
    ]);
  });

  it('keeps every Chinese character of a large workbook intact', async () => {
    // exceljs's own streaming reader garbles characters cut at its 16 KiB inflate chunks;
    // 3,000 distinct names make shared strings of about 100 KiB.
    const chars = '小区名称详细地址建成年份类别楼栋数居民户数住宅建筑面积预计投资额计划年度';
    const names = Array.from({ length: 3000 }, (_, i) => {
      const start = (i * 7) % chars.length;
      return `${chars.slice(start)}${chars.slice(0, start)}`.slice(0, 8 + (i % 11)) + i;
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    names.forEach((name) => sheet.addRow([name, { richText: [{ text: name }] }]));
    const path = tempPath('chinese.xlsx');
    await workbook.xlsx.writeFile(path);

    const rows = await rowsOf(path, {}, { chunkSize: 100 });
    expect(rows.map((row) => row.cells)).toEqual(names.map((name) => [name, name]));
  });

  it('streams a 50,000-row workbook without keeping the rows', async () => {
    const path = tempPath('big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: true,
    });
    const sheet = writer.addWorksheet('清单');
    for (let i = 1; i <= 50_000; i++) {
      const cells = [i, '610103', '碑林区', '柏树林街道', `幸福小区${i}`, `东大街${i}号`, 1988];
      sheet
        .addRow([...cells, '城市(建成区)', 12, 340, 23456.78, 1234.5678, 2025, '基础类：水电气'])
        .commit();
    }
    await sheet.commit();
    await writer.commit();

    // Live heap after a full collection (vitest runs with --expose-gc), so the figure is what the
    // reader keeps, not garbage the collector has not reached under a loaded machine.
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let lastLine = 0;
    for await (const row of readTable(path)) {
      count++;
      lastLine = row.line;
      if (count % 5000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    expect([count, lastLine]).toEqual([50_000, 50_000]);
    // Streaming peaks near 40 MB here; keeping every row ExcelJS builds (as racing each step
    // against one long-lived promise did) passes 150 MB.
    expect(peak).toBeLessThan(100 * 1024 * 1024);
  });

  it('stops cleanly when the caller stops early', async () => {
    const csv = await file('a\n'.repeat(100_000));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`小区${i}`, i]);
    const xlsx = tempPath('early.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    for (const path of [csv, xlsx]) {
      for await (const row of readTable(path, {}, { chunkSize: 1024 })) {
        expect(row.line).toBe(1);
        break;
      }
    }
  });

  it('reads a minimal hand-made xlsx with inline strings', async () => {
    const path = await file(
      minimalXlsx('<c r="B2" t="inlineStr"><is><t>小区</t></is></c>'),
      'xlsx',
    );
    expect(await rowsOf(path)).toEqual([{ line: 2, cells: ['', '小区'] }]);
  });

  it('reads the first tab even when it is not the first sheet file', async () => {
    const sheet = (text: string) =>
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}` +
      '</t></is></c></row></sheetData></worksheet>';
    const path = await file(
      zip([
        {
          name: 'xl/workbook.xml',
          data: Buffer.from(
            `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>` +
              '<sheet name="清单" sheetId="2" r:id="rId2"/>' +
              '<sheet name="填写说明" sheetId="1" r:id="rId1"/></sheets></workbook>',
          ),
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: Buffer.from(
            `<Relationships xmlns="${RELS}">` +
              `<Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
              `<Relationship Id="rId2" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet2.xml"/>` +
              '</Relationships>',
          ),
        },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet('说明')) },
        { name: 'xl/worksheets/sheet2.xml', data: Buffer.from(sheet('清单')) },
      ]),
      'xlsx',
    );
    expect(await rowsOf(path)).toEqual([{ line: 1, cells: ['清单'] }]);
  });

  it('refuses a row wider than the limit', async () => {
    const path = await file(minimalXlsx('<c r="A2"><v>1</v></c><c r="GS2"><v>2</v></c>'), 'xlsx');
    expect((await errorOf(path)).message).toBe('第 2 行有 201 列，超过上限 200 列');
  });

  it('wraps a broken worksheet in a Chinese error', async () => {
    const path = await file(minimalXlsx('<c r="A2"><v>1</v></c></row><oops'), 'xlsx');
    expect((await errorOf(path)).message).toMatch(/^无法读取 xlsx 文件：/);
  });

  it('fails, and does not hang, on damaged compressed data', async () => {
    const sheetXml = Buffer.from(sheetXmlWith('<c r="A1"><v>1</v></c>'.repeat(2000)));
    const packed = deflateRawSync(sheetXml);
    packed.fill(0xff, 40, 80);
    const path = await file(
      zip([
        ...minimalParts(),
        { name: 'xl/worksheets/sheet1.xml', data: packed, method: 8, size: sheetXml.length },
      ]),
      'xlsx',
    );
    expect((await errorOf(path)).message).toMatch(/^无法读取 xlsx 文件：.*sheet1\.xml/);
  });

  it('refuses a zip that is not a workbook', async () => {
    const path = await file(
      zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]),
      'xlsx',
    );
    expect((await errorOf(path)).message).toBe('不是 xlsx 文件（压缩包内没有工作簿）');
  });
});

describe('xlsx in a worker thread (as from 2 MiB)', () => {
  const inWorker = { xlsxWorker: true };

  it('reads the same rows as the reader in this thread', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRow(['小区名称', '建成年份', '面积', '竣工日期', '是否拆除']);
    for (let i = 0; i < 1200; i++)
      sheet.addRow([`幸福小区${i}`, 1988, 12345.67, new Date(Date.UTC(1988, 4, 6)), i % 2 === 0]);
    sheet.addRow([{ richText: [{ text: '光明' }, { text: '里' }] }, { formula: 'B2+1' }]);
    const path = tempPath('worker.xlsx');
    await workbook.xlsx.writeFile(path);

    const here = await rowsOf(path, {}, { xlsxWorker: false });
    expect(here).toHaveLength(1202);
    expect(await rowsOf(path, {}, inWorker)).toEqual(here);
  });

  it('stops the thread when the caller stops early', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    for (let i = 0; i < 5000; i++) sheet.addRow([`小区${i}`, i]);
    const path = tempPath('worker-early.xlsx');
    await workbook.xlsx.writeFile(path);
    for await (const row of readTable(path, {}, inWorker)) {
      expect(row.line).toBe(1);
      break;
    }
  });

  it('passes on the reader’s Chinese errors unchanged', async () => {
    const wide = await file(minimalXlsx('<c r="A2"><v>1</v></c><c r="GS2"><v>2</v></c>'), 'xlsx');
    expect((await errorOf(wide, {}, inWorker)).message).toBe('第 2 行有 201 列，超过上限 200 列');
    const broken = await file(minimalXlsx('<c r="A2"><v>1</v></c></row><oops'), 'xlsx');
    expect((await errorOf(broken, {}, { xlsxWorker: false })).message).toMatch(
      /^无法读取 xlsx 文件：/,
    );
    expect((await errorOf(broken, {}, inWorker)).message).toBe(
      (await errorOf(broken, {}, { xlsxWorker: false })).message,
    );
    const notBook = await file(
      zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]),
      'xlsx',
    );
    expect((await errorOf(notBook, {}, inWorker)).message).toBe(
      '不是 xlsx 文件（压缩包内没有工作簿）',
    );
  });
});
