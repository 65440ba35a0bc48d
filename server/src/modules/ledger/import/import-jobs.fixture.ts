/** Files and requests for the import job tests (locks, jobs, uploads). */
import { HAINAN_PROJECT_LIST } from '../../../test-support/samples.ts';

export const SAMPLE = HAINAN_PROJECT_LIST;

export const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';

/**
 * A valid file of `rows` new communities in 龙华区. Each name doubles every digit of its number,
 * so any two names are at least two edits apart: none is a suspected duplicate of another.
 */
export function bigCsv(rows: number, prefix = '检查苑'): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(`460106,${prefix}${String(i).replace(/\d/g, '$&$&')}号,1992,3,60,5000,100,2023`);
  return lines.join('\n') + '\n';
}

export function multipart(fileName: string, content: Buffer | string) {
  const boundary = '----gaizaotest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(head),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
