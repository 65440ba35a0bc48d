import { describe, expect, it } from 'vitest';
import { attachmentProblem, MAX_ATTACHMENT_BYTES, sniffType } from './attachments.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF');
const PNG = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBP');
const PDF = bytes('%PDF-1.7\n%');
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WAV = bytes('RIFF', [0x24, 0, 0, 0], 'WAVE');

describe('attachment types by their first bytes', () => {
  it.each([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['WebP', WEBP, 'image/webp'],
    ['PDF', PDF, 'application/pdf'],
    ['GIF', GIF, undefined],
    ['a RIFF that is no WebP', WAV, undefined],
    ['a PNG signature cut short', PNG.subarray(0, 5), undefined],
    ['nothing', new Uint8Array(0), undefined],
  ])('%s → %s', (_name, head, type) => expect(sniffType(head)).toBe(type));

  const file = (head: Uint8Array, over: Partial<{ size: number; truncated: boolean }> = {}) => ({
    name: 'x.bin',
    size: 100,
    truncated: false,
    head,
    ...over,
  });
  it.each([
    ['photo', JPEG, undefined],
    ['photo', PNG, undefined],
    ['photo', WEBP, undefined],
    ['photo', PDF, '照片只接受 JPEG、PNG 或 WebP 图片'],
    ['photo', GIF, '照片只接受'],
    ['document', PDF, undefined],
    ['document', JPEG, undefined],
    ['document', PNG, undefined],
    ['document', WEBP, '协商材料只接受 PDF、JPEG 或 PNG 文件'],
  ] as const)('a %s may be %#', (purpose, head, problem) => {
    const found = attachmentProblem(purpose, file(head));
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('names the file when it is too large or empty', () => {
    expect(attachmentProblem('photo', file(PNG, { truncated: true }))).toBe(
      `文件“x.bin”超过大小上限 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩后再上传`,
    );
    expect(attachmentProblem('document', file(new Uint8Array(0), { size: 0 }))).toBe(
      '文件“x.bin”是空文件',
    );
  });
});
