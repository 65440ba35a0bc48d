// Files that are not what they claim, too large, or built to exhaust the server: refused in Chinese.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TableReadError, detectFormat } from './read-table.ts';
import { errorOf, hex, rowsOf, tempFiles } from './read-table.fixture.ts';
import { MAIN, minimalParts, sheetXmlWith, zip } from './test-zips.ts';

const { file, tempPath } = tempFiles();

describe('hostile files', () => {
  it('refuses binaries that are neither zip nor text', async () => {
    const png = hex('89504e470d0a1a0a 0000000d49484452 00000001000000010806000000');
    expect((await errorOf(await file(png, 'csv'))).message).toBe(
      '不是 xlsx 或 csv 文件（这是 PNG 图片）',
    );
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), hex('e2e3cfd3 0a 00 01 02')]);
    expect((await errorOf(await file(pdf, 'xlsx'))).message).toBe(
      '不是 xlsx 或 csv 文件（这是 PDF 文件）',
    );
    // a PDF that is text from end to end, renamed .xlsx: not read as a CSV of unknown columns
    const textPdf =
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    expect((await errorOf(await file(textPdf, 'xlsx'))).message).toBe(
      '不是 xlsx 或 csv 文件（这是 PDF 文件）',
    );
    const other = hex('00ff00ff 00ff00ff');
    expect((await errorOf(await file(other, 'csv'))).message).toBe('不是 xlsx 或 csv 文件');
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

  it('refuses a worksheet or shared strings cut off inside, sizes and checksum to match', async () => {
    const rows = [2, 3, 4].map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const whole = `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const sheet = (xml: string) => ({ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml) });
    expect(await rowsOf(await file(zip([...minimalParts(), sheet(whole)]), 'xlsx'))).toHaveLength(
      3,
    );
    // Cut inside the third row, and cut right after a whole row: neither reads as two rows.
    for (const cut of [whole.indexOf('<c r="A4"') + 5, whole.indexOf('<row r="4"')])
      expect(
        (await errorOf(await file(zip([...minimalParts(), sheet(whole.slice(0, cut))]), 'xlsx')))
          .message,
      ).toBe(
        '无法读取 xlsx 文件：xl/worksheets/sheet1.xml 在中途截断（缺少结尾），文件已损坏；请用 Excel 或 WPS 打开后重新保存再上传',
      );
    const strings = `<sst xmlns="${MAIN}"><si><t>甲</t></si><si><t>乙</t></si></sst>`;
    const cutStrings = { name: 'xl/sharedStrings.xml', data: Buffer.from(strings.slice(0, -10)) };
    expect(
      (await errorOf(await file(zip([...minimalParts(), cutStrings, sheet(whole)]), 'xlsx')))
        .message,
    ).toMatch(/^无法读取 xlsx 文件：xl\/sharedStrings\.xml 在中途截断/);
  });

  it('turns file system errors into a Chinese message', async () => {
    expect((await errorOf(tempPath('missing.csv'))).message).toBe('无法读取文件：文件不存在');
  });
});
