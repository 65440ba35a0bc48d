/**
 * Files kept with a community (photos before and after, consultation documents): what may be
 * stored, judged by the file's first bytes rather than by its name or the browser's claim. Pure.
 */

/** Per file; a phone photo is 2–6 MB, a scanned consultation record a few MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
/**
 * `fiscal`: a city's or county's fiscal-capacity assessment (财政承受能力评估); `approval`: the
 * provincial government's approval of the year's plan (省级人民政府同意文件).
 */
export type AttachmentPurpose = 'photo' | 'document' | 'fiscal' | 'approval';

const ACCEPTED: Record<AttachmentPurpose, { types: AttachmentType[]; words: string }> = {
  photo: {
    types: ['image/jpeg', 'image/png', 'image/webp'],
    words: '照片只接受 JPEG、PNG 或 WebP 图片',
  },
  document: {
    types: ['application/pdf', 'image/jpeg', 'image/png'],
    words: '协商材料只接受 PDF、JPEG 或 PNG 文件',
  },
  fiscal: {
    types: ['application/pdf', 'image/jpeg', 'image/png'],
    words: '财政承受能力评估文件只接受 PDF、JPEG 或 PNG 文件',
  },
  approval: {
    types: ['application/pdf', 'image/jpeg', 'image/png'],
    words: '省级人民政府同意文件只接受 PDF、JPEG 或 PNG 文件',
  },
};

/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 12;

const startsWith = (head: Uint8Array, bytes: number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** The type the first bytes announce (magic numbers), or undefined. */
export function sniffType(head: Uint8Array): AttachmentType | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return undefined;
}

/**
 * Why a stored file may not be kept, in Chinese and naming the file; undefined if it may.
 * `truncated`: the upload went past MAX_ATTACHMENT_BYTES and was cut off.
 */
export function attachmentProblem(
  purpose: AttachmentPurpose,
  file: { name: string; size: number; truncated: boolean; head: Uint8Array },
): string | undefined {
  const name = `文件“${file.name || '（未命名）'}”`;
  if (file.truncated)
    return `${name}超过大小上限 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩后再上传`;
  if (file.size === 0) return `${name}是空文件`;
  const type = sniffType(file.head);
  if (!type || !ACCEPTED[purpose].types.includes(type))
    return `${name}的格式不符合要求：${ACCEPTED[purpose].words}（按文件内容判断，不看扩展名）`;
  return undefined;
}
