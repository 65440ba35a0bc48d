/**
 * Community names are written many ways (建设路3号院 / 建设路三号院, 幸福小区（一期）/ 幸福小区一期,
 * full-width and half-width, stray spaces, 小区 / 院 / 宿舍 / 家属院 / 生活区 suffixes). The
 * normalised key makes those one name; near keys make a suspected duplicate (issue 3).
 */

const DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const SUFFIXES = [
  '家属小区',
  '家属院',
  '家属楼',
  '生活区',
  '宿舍区',
  '宿舍楼',
  '宿舍',
  '小区',
  '大院',
  '院落',
  '院',
];

/** 十 → 10, 二十三 → 23, 三 → 3: small Chinese numerals as written in house numbers. */
function chineseNumerals(s: string): string {
  return s.replace(/[零〇一二两三四五六七八九十百]+/g, (run) => {
    if (!/[十百]/.test(run)) return [...run].map((c) => DIGITS[c]).join('');
    let total = 0;
    let current = 0;
    for (const c of run) {
      if (c === '百') {
        total += (current || 1) * 100;
        current = 0;
      } else if (c === '十') {
        total += (current || 1) * 10;
        current = 0;
      } else current = Number(DIGITS[c]);
    }
    return String(total + current);
  });
}

export function normaliseName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  s = s.replace(/[\s\u3000·・•.,，、。;；:：'"“”‘’\-—_()（）[\]【】{}《》<>]/g, '');
  s = chineseNumerals(s);
  s = s.replace(/第(\d+)期/g, '$1期');
  for (const suffix of SUFFIXES) {
    if (s.length > suffix.length + 1 && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/** Every key with one character deleted, and the key itself (symmetric-delete blocking). */
export function deletionVariants(key: string): string[] {
  const chars = [...key];
  const out = new Set([key]);
  if (chars.length >= 4)
    for (let i = 0; i < chars.length; i++)
      out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...out];
}

/** 建设路3号院 and 建设路4号院 are one edit apart, and two different communities. */
const differentNumbers = (a: string, b: string): boolean =>
  a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#') && a !== b;

/**
 * Sharing a deletion variant means at most two edits apart (纺织厂 / 棉纺厂 share 纺厂); keep only
 * one insertion, deletion or substitution.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const tail = (p: string[], from: number) => p.slice(from).join('');
  if (x.length === y.length) return tail(x, i + 1) === tail(y, i + 1); // one substitution at i
  return x.length > y.length ? tail(x, i + 1) === tail(y, i) : tail(y, i + 1) === tail(x, i);
}

export interface NamedCommunity<Ref> {
  ref: Ref;
  unit: string;
  key: string;
}

/**
 * Pairs of different keys in the same unit within one edit (insertion, deletion, substitution;
 * keys of at least four characters). Linear in the number of names: each name is indexed under its
 * deletion variants within its unit, and only names sharing a variant are compared.
 */
export function suspectedPairs<Ref>(items: Iterable<NamedCommunity<Ref>>): [Ref, Ref][] {
  const index = new Map<string, NamedCommunity<Ref>[]>();
  const pairs: [Ref, Ref][] = [];
  const seen = new Set<string>();
  let n = 0;
  const ids = new Map<NamedCommunity<Ref>, number>();
  for (const item of items) {
    ids.set(item, n++);
    if ([...item.key].length < 4) continue;
    for (const v of deletionVariants(item.key)) {
      const bucketKey = `${item.unit}\u0000${v}`;
      const bucket = index.get(bucketKey);
      if (bucket) {
        for (const other of bucket) {
          if (
            other.key === item.key ||
            differentNumbers(other.key, item.key) ||
            !withinOneEdit(other.key, item.key)
          )
            continue;
          const pairId = `${ids.get(other)}:${ids.get(item)}`;
          if (seen.has(pairId)) continue;
          seen.add(pairId);
          pairs.push([other.ref, item.ref]);
        }
        bucket.push(item);
      } else index.set(bucketKey, [item]);
    }
  }
  return pairs;
}
