// Reading CSV: the encodings Chinese offices save in, RFC 4180 quoting, limits, and streaming.
import { createWriteStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable, type TableRow } from './read-table.ts';
import { errorOf, hex, rowsOf, tempFiles } from './read-table.fixture.ts';

const { file, tempPath } = tempFiles();

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
    const path = tempPath('big.csv');
    const padding = 'x'.repeat(800);
    const out = createWriteStream(path);
    out.write('小区名称,建成年份,备注\n');
    for (let i = 1; i <= 50_000; i++) out.write(`幸福小区${i},1988,"${padding}"\n`);
    await new Promise((resolve) => out.end(resolve));

    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last: TableRow | undefined;
    for await (const row of readTable(path)) {
      count++;
      last = row;
      // Live heap after a collection: Node 24's larger young generation otherwise counts garbage.
      if (count % 1000 === 0) {
        gc?.();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    expect(count).toBe(50_001);
    expect(last?.cells[0]).toBe('幸福小区50000');
    // The file is 41 MB (82 MB as JavaScript strings); streaming keeps a few chunks at a time.
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  });
});
