// Real files in a temp folder, read the way an upload is read; no mocks.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TableReadError,
  detectFormat,
  readTable,
  type ReadLimits,
  type ReadOptions,
  type TableRow,
} from './read-table.ts';
import { DOC_RELS, MAIN, RELS, minimalParts, minimalXlsx, sheetXmlWith, zip } from './test-zips.ts';

let dir: string;
let fileNo = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gaizao-read-table-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Uint8Array, ext = 'csv'): Promise<string> {
  const path = join(dir, `f${++fileNo}.${ext}`);
  await writeFile(path, content);
  return path;
}

async function rowsOf(
  path: string,
  limits?: Partial<ReadLimits>,
  options?: ReadOptions,
): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(path, limits, options)) rows.push(row);
  return rows;
}

async function errorOf(
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

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('csv', () => {
  it('reads UTF-8 with and without a BOM, skipping blank rows', async () => {
    const text = '小区名称,建成年份\n幸福小区,1988\n\n , \n光明里,1995\n';
    const expected = [
      { line: 1, cells: ['小区名称', '建成年份'] },
      { line: 2, cells: ['幸福小区', '1988'] },
      { line: 5, cells: ['光明里', '1995'] },
    ];
    expect(await rowsOf(await file(text))).toEqual(expected);
    expect(await rowsOf(await file('\uFEFF' + text))).toEqual(expected);
  });

  it('reads GB18030, as older Excel and WPS save CSV in China', async () => {
    // Bytes from a GB18030 encoder, checked here against Node's own decoder.
    const header = hex('d0a1c7f8c3fbb3c6 2c bda8b3c9c4eab7dd 2c c2a5b6b0cafd 0d0a');
    const row = hex('b1aec1d6c7f8d0d2b8a3d0a1c7f8 2c 31393838 2c 3132 0d0a');
    expect(new TextDecoder('gb18030').decode(header)).toBe('小区名称,建成年份,楼栋数\r\n');
    expect(new TextDecoder('gb18030').decode(row)).toBe('碑林区幸福小区,1988,12\r\n');

    expect(await rowsOf(await file(Buffer.concat([header, row])))).toEqual([
      { line: 1, cells: ['小区名称', '建成年份', '楼栋数'] },
      { line: 2, cells: ['碑林区幸福小区', '1988', '12'] },
    ]);
  });

  it('follows RFC 4180 quoting, with CRLF, LF or CR line ends', async () => {
    const text =
      'a,b,c\r\n' +
      '"x, y","say ""hi""","two\r\nlines"\r\n' +
      '"",plain,"last\nline"\n' +
      'after,"q"tail,x"y\r' +
      'no,end';
    expect(await rowsOf(await file(text))).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 3, cells: ['', 'plain', 'last\nline'] },
      { line: 4, cells: ['after', 'qtail', 'x"y'] },
      { line: 5, cells: ['no', 'end'] },
    ]);
  });

  it('names the row of a quote left open to the end of the file', async () => {
    const error = await errorOf(await file('a,b\n"x\ny",1\n3,"open\nmore\n'));
    expect(error.message).toBe('第 3 行（文本第 4 行）的引号没有闭合，直到文件末尾');
  });

  it('never splits a character across reads, in UTF-8 or GB18030', async () => {
    // 2-, 3- and 4-byte UTF-8 characters; read 7 bytes at a time every one of them is cut.
    const names = Array.from({ length: 400 }, (_, i) => `é小区𠀀${'幸福光明'.slice(i % 4)}${i}`);
    const text = names.map((name, i) => `${name},"备注，${name}"\n${i % 7 ? '' : '\n'}`).join('');
    const rows = await rowsOf(await file(text), {}, { chunkSize: 7 });
    expect(rows.map((row) => row.cells)).toEqual(names.map((name) => [name, `备注，${name}`]));

    // GB18030: '小区' is 2-byte, '𠀀' 4-byte, ',' and '\r\n' 1-byte.
    const line = hex('d0a1c7f8 2c 95328236 0d0a');
    expect(new TextDecoder('gb18030').decode(line)).toBe('小区,𠀀\r\n');
    const gbRows = await rowsOf(
      await file(Buffer.concat(Array(500).fill(line))),
      {},
      {
        chunkSize: 7,
      },
    );
    expect(gbRows).toHaveLength(500);
    expect(gbRows.every((row) => row.cells.join('|') === '小区|𠀀')).toBe(true);
  });

  it('refuses a file that stops being valid UTF-8 past its first 64 KiB', async () => {
    const head = Buffer.from('小区名称\n' + '幸福小区\n'.repeat(10_000));
    const error = await errorOf(await file(Buffer.concat([head, hex('ff fe'), Buffer.from('\n')])));
    expect(error.message).toBe('文件第 10002 行有无法识别的字符（不是有效的 UTF-8 文本）');
  });

  it('refuses a row wider than the limit, trailing empty cells not counted', async () => {
    const wide = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    const error = await errorOf(await file(`a,b\n${wide}\n`));
    expect(error.message).toBe('第 2 行有 5000 列，超过上限 200 列');

    const padded = `a,b${','.repeat(5000)}\n1,2${','.repeat(5000)}\n`;
    expect(await rowsOf(await file(padded))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('streams 50,000 rows without holding the file', async () => {
    const path = join(dir, 'big.csv');
    const padding = 'x'.repeat(800);
    const out = createWriteStream(path);
    out.write('小区名称,建成年份,备注\n');
    for (let i = 1; i <= 50_000; i++) out.write(`幸福小区${i},1988,"${padding}"\n`);
    await new Promise((resolve) => out.end(resolve));

    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last: TableRow | undefined;
    for await (const row of readTable(path)) {
      count++;
      last = row;
      if (count % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(count).toBe(50_001);
    expect(last?.cells[0]).toBe('幸福小区50000');
    // The file is 41 MB (82 MB as JavaScript strings); streaming keeps a few chunks at a time.
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  });
});

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
    const path = join(dir, 'book.xlsx');
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
    const path = join(dir, 'chinese.xlsx');
    await workbook.xlsx.writeFile(path);

    const rows = await rowsOf(path, {}, { chunkSize: 100 });
    expect(rows.map((row) => row.cells)).toEqual(names.map((name) => [name, name]));
  });

  it('streams a 50,000-row workbook without keeping the rows', async () => {
    const path = join(dir, 'big.xlsx');
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
    const xlsx = join(dir, 'early.xlsx');
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
    const path = join(dir, 'worker.xlsx');
    await workbook.xlsx.writeFile(path);

    const here = await rowsOf(path, {}, { xlsxWorker: false });
    expect(here).toHaveLength(1202);
    expect(await rowsOf(path, {}, inWorker)).toEqual(here);
  });

  it('stops the thread when the caller stops early', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    for (let i = 0; i < 5000; i++) sheet.addRow([`小区${i}`, i]);
    const path = join(dir, 'worker-early.xlsx');
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

describe('hostile files', () => {
  it('refuses binaries that are neither zip nor text', async () => {
    const png = hex('89504e470d0a1a0a 0000000d49484452 00000001000000010806000000');
    expect((await errorOf(await file(png, 'csv'))).message).toBe('不是 xlsx 或 csv 文件');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), hex('e2e3cfd3 0a 00 01 02')]);
    expect((await errorOf(await file(pdf, 'xlsx'))).message).toBe('不是 xlsx 或 csv 文件');
    const xls = Buffer.concat([hex('d0cf11e0a1b11ae1'), Buffer.alloc(512)]);
    expect((await errorOf(await file(xls, 'xls'))).message).toBe(
      '不是 xlsx 或 csv 文件（旧版 .xls 或加密的 Excel 文件请另存为不加密的 .xlsx）',
    );
  });

  it('tells formats apart by content, not by name', () => {
    expect(detectFormat('list.csv', Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('xlsx');
    expect(detectFormat('list.xlsx', Buffer.from('小区名称,建成年份\n'))).toBe('csv');
    expect(() => detectFormat('list.csv', hex('00ff00ff'))).toThrow(TableReadError);
  });

  it('refuses an empty file', async () => {
    expect((await errorOf(await file(''))).message).toBe('文件为空');
    expect((await errorOf(await file('\r\n , \n\n'))).message).toBe('文件为空');
  });

  it('refuses a file over the size limit', async () => {
    const error = await errorOf(await file('a,b\n'.repeat(1000)), { maxBytes: 1024 });
    expect(error.message).toBe('文件过大（0.004 MB），上限 0.001 MB');
  });

  it('refuses a zip bomb from its directory', async () => {
    // 50 MB of zeros deflate to about 50 KB: a ratio near 1000.
    const zeros = Buffer.alloc(50 * 1024 * 1024);
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: deflateRawSync(zeros),
        method: 8,
        size: zeros.length,
      },
    ]);
    expect((await errorOf(await file(bomb, 'xlsx'))).message).toBe(
      '文件疑似压缩炸弹（解压后 50.01 MB），已拒绝',
    );
    expect(
      (await errorOf(await file(bomb, 'xlsx'), { maxUncompressedBytes: 1024 })).message,
    ).toMatch(/^文件疑似压缩炸弹/);
  });

  it('refuses a member that unpacks to more than its directory declares', async () => {
    const big = Buffer.from(sheetXmlWith('<c r="A1"><v>1</v></c>'.repeat(200_000)));
    const liar = zip([
      ...minimalParts(),
      { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(big), method: 8, size: 1000 },
    ]);
    expect((await errorOf(await file(liar, 'xlsx'))).message).toBe(
      '文件疑似压缩炸弹（xl/worksheets/sheet1.xml 解压后超过所声明的 0.001 MB），已拒绝',
    );
  });

  it('turns file system errors into a Chinese message', async () => {
    expect((await errorOf(join(dir, 'missing.csv'))).message).toBe('无法读取文件：文件不存在');
  });
});
