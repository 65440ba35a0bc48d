/**
 * Community names are written many ways. Two keys tell how alike two names are:
 *
 * - the orthographic key (orthographicKey) unifies only the writing: full-width and half-width,
 *   spaces, brackets and punctuation, Chinese numerals and digits, letter case. 建设路3号院 /
 *   建设路三号院 and 幸福小区（一期）/ 幸福小区一期 are one name: the same county-level unit and the
 *   same orthographic key is the same community, which the ledger holds once (its unique key).
 * - the suffix-stripped key (suffixStrippedKey) also drops a generic suffix (小区, 院, 宿舍, 家属院,
 *   生活区 …). 机械厂家属院 / 机械厂小区 share it, and are often two places (a factory's family
 *   compound and its dormitory): a suspected duplicate for a person to confirm or dismiss, never a
 *   refusal (issue 9, §1).
 */
import { pushTo } from '../group.ts';

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
/** Generic suffixes, a longer one before any shorter one it ends with (家属院 before 院). */
export const GENERIC_SUFFIXES = [
  '住宅小区',
  '家属小区',
  '生活小区',
  '家属院',
  '家属区',
  '家属楼',
  '生活区',
  '住宅区',
  '宿舍区',
  '宿舍楼',
  '宿舍',
  '小区',
  '新村',
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

const NUMERAL = /[零〇一二两三四五六七八九十百]/;
/** The last characters of the suffixes, to skip the suffix loop for most names at once. */
const SUFFIX_ENDS = new Set(GENERIC_SUFFIXES.map((x) => x.at(-1)!));

/**
 * Characters that take no place on the screen: control characters, the soft hyphen, zero-width
 * spaces and joiners, direction marks and embeddings, the byte-order mark. Pasted from web pages
 * and chat messages, they would make two names that read the same two communities.
 */
const INVISIBLE_CHARS =
  '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb';
export const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** The text without its invisible characters (INVISIBLE). */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE, '');

/** Spaces, punctuation and invisible characters: what a name's key leaves out. */
const NOT_IN_KEY = new RegExp(
  `[\\s\\u3000·・•.,，、。;；:：'"“”‘’\\-—_()（）[\\]【】{}《》<>${INVISIBLE_CHARS}]`,
  'g',
);

/** The name as written, whatever the writing: the ledger's unique key within a county-level unit. */
export function orthographicKey(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  s = s.replace(NOT_IN_KEY, '');
  // The tests first: a replace costs more than a look, and most names need neither.
  if (NUMERAL.test(s)) s = chineseNumerals(s);
  if (s.includes('第')) s = s.replace(/第(\d+)期/g, '$1期');
  return s;
}

/** An orthographic key without its generic suffix, if what remains is at least two characters. */
export function stripGenericSuffix(key: string): string {
  if (!SUFFIX_ENDS.has(key.slice(-1))) return key;
  for (const suffix of GENERIC_SUFFIXES)
    if (key.length > suffix.length + 1 && key.endsWith(suffix)) return key.slice(0, -suffix.length);
  return key;
}

/** The name without its writing and without its generic suffix: the key of suspected duplicates. */
export const suffixStrippedKey = (name: string): string =>
  stripGenericSuffix(orthographicKey(name));

/** UTF-16 surrogates: a character outside the BMP (𠙶, in some place names) is two units long. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** The length in characters (code points), as a reader counts them. */
export const charCount = (s: string): number => (SURROGATE.test(s) ? [...s].length : s.length);

/** Any odd multiplier spreads the hashes; this is FNV's prime. */
const HASH_BASE = 0x01000193;

/**
 * Hashes of a key and of every key with one character deleted (symmetric-delete blocking), the
 * key's own first. Numbers rather than the variant strings, which a scan would otherwise allocate
 * ten of per name: equal strings hash equal, so no pair sharing a variant is missed, and a rare
 * collision only brings a candidate that the exact comparison then drops.
 */
export function variantHashes(key: string): number[] {
  if (key.length >= CODES.length) {
    CODES = new Int32Array(key.length * 2);
    PREFIX = new Int32Array(key.length * 2 + 1);
  }
  // Characters, not UTF-16 units: a character outside the BMP is deleted whole.
  let n = 0;
  if (SURROGATE.test(key)) for (const c of key) CODES[n++] = c.codePointAt(0)!;
  else for (; n < key.length; n++) CODES[n] = key.charCodeAt(n);
  PREFIX[0] = 0; // PREFIX[i]: the hash of CODES[0, i)
  for (let i = 0; i < n; i++) PREFIX[i + 1] = (Math.imul(PREFIX[i]!, HASH_BASE) + CODES[i]!) | 0;
  // Kept to 30 bits, which V8 holds as small integers (no boxed number per Map key).
  const out = [PREFIX[n]! & 0x3fffffff];
  if (n < 4) return out;
  let suffix = 0; // the hash of CODES[i + 1, n)
  let power = 1; // HASH_BASE ** (n - 1 - i)
  for (let i = n - 1; i >= 0; i--) {
    // Deleting any character of a run of equal ones gives the same variant: the first does.
    if (i === 0 || CODES[i] !== CODES[i - 1])
      out.push((Math.imul(PREFIX[i]!, power) + suffix) & 0x3fffffff);
    suffix = (Math.imul(CODES[i]!, power) + suffix) | 0;
    power = Math.imul(power, HASH_BASE);
  }
  return out;
}

/** variantHashes' working space, reused, and grown for a longer key (names are ≤ 100 characters). */
let CODES = new Int32Array(128);
let PREFIX = new Int32Array(129);

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

/** Keys shorter than this are paired only when equal: 东区 / 西区 are not alike enough. */
const NEAR_MATCH_MIN_CHARS = 4;

/**
 * How alike two names of one unit are: one name ('same'), the same once a generic suffix is
 * removed ('suffix'), or one edit apart ('near'); undefined when none of these.
 */
export type NameLikeness = 'same' | 'suffix' | 'near';
export function nameLikeness(a: string, b: string): NameLikeness | undefined {
  const [x, y] = [orthographicKey(a), orthographicKey(b)];
  if (x === y) return 'same';
  const [sx, sy] = [stripGenericSuffix(x), stripGenericSuffix(y)];
  if (sx === sy) return 'suffix';
  const long = Math.min(charCount(sx), charCount(sy)) >= NEAR_MATCH_MIN_CHARS;
  return long && !differentNumbers(sx, sy) && withinOneEdit(sx, sy) ? 'near' : undefined;
}

export interface NamedCommunity<Ref> {
  ref: Ref;
  unit: string;
  /** The suffix-stripped key (suffixStrippedKey; stripGenericSuffix of a stored name_key). */
  key: string;
}

/**
 * Pairs in the same unit whose suffix-stripped keys are equal (机械厂家属院 / 机械厂小区) or within
 * one edit (insertion, deletion, substitution; keys of at least four characters). Linear in the number of names: each name is indexed under its
 * deletion variants (variantHashes) within its unit, and only names sharing a variant are compared.
 */
export function suspectedPairs<Ref>(items: Iterable<NamedCommunity<Ref>>): [Ref, Ref][] {
  const byUnit = new Map<string, NamedCommunity<Ref>[]>();
  for (const item of items) if (charCount(item.key) >= 2) pushTo(byUnit, item.unit, item);
  const pairs: [Ref, Ref][] = [];
  for (const unit of byUnit.values()) pairsInUnit(unit, pairs);
  return pairs;
}

/** suspectedPairs within one unit: appends to `pairs`, each pair (earlier, later) once. */
function pairsInUnit<Ref>(items: NamedCommunity<Ref>[], pairs: [Ref, Ref][]): void {
  // variant's hash → the position in items of the one name under it, or of the several; most
  // variants have one name, and an array for each would be most of the scan's garbage.
  const index = new Map<number, number | number[]>();
  const seen = new Set<number>(); // earlier × n + later
  const n = items.length;
  const compare = (j: number, i: number) => {
    const [other, item] = [items[j]!, items[i]!];
    if (seen.has(j * n + i)) return;
    if (other.key !== item.key) {
      // A short key's own hash may equal a longer key's deletion variant: near matches need both long.
      const short = Math.min(charCount(other.key), charCount(item.key)) < NEAR_MATCH_MIN_CHARS;
      if (short || differentNumbers(other.key, item.key) || !withinOneEdit(other.key, item.key))
        return;
    }
    seen.add(j * n + i);
    pairs.push([other.ref, item.ref]);
  };
  for (let i = 0; i < n; i++) {
    for (const v of variantHashes(items[i]!.key)) {
      const bucket = index.get(v);
      if (bucket === undefined) index.set(v, i);
      else if (typeof bucket === 'number') {
        compare(bucket, i);
        index.set(v, [bucket, i]);
      } else {
        for (const j of bucket) compare(j, i);
        bucket.push(i);
      }
    }
  }
}
