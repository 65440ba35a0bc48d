/**
 * Exact decimals: money and area are stored as integers in their smallest unit (元 for 万元 with
 * four decimals, 0.01 m² for m² with two) and formatted at the edges, so no binary floating point
 * ever touches a sum (issue 3; brief §10 "Format and rounding rules").
 */

/** '226.4105' with 4 digits → 2264105. Undefined if the text is not a plain decimal with ≤ digits. */
export function parseScaled(text: string, digits: number): number | undefined {
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > digits) return undefined;
  const value = Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(value) ? value : undefined;
}

/** 2264105 with 4 digits → '226.4105'; always exactly `digits` decimals (minimum = 0: '226'). */
export function formatScaled(value: number, digits: number, minimum = digits): string {
  const neg = value < 0;
  const abs = String(Math.abs(value)).padStart(digits + 1, '0');
  let frac = abs.slice(abs.length - digits);
  while (frac.length > minimum && frac.endsWith('0')) frac = frac.slice(0, -1);
  const int = abs.slice(0, abs.length - digits);
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/**
 * Rounds an integer in a small unit to a coarser one, half up (away from zero), once, from the
 * exact value: roundHalfUp(12345, 100) → 123 (units of 100).
 */
export function roundHalfUp(value: number, unit: number): number {
  const q = Math.floor(Math.abs(value) / unit);
  const r = Math.abs(value) - q * unit;
  const rounded = r * 2 >= unit ? q + 1 : q;
  return value < 0 ? -rounded : rounded;
}

/** Units of the ledger's stored integers. */
export const YUAN_PER_WAN = 10_000; // investment: 元; 万元 has 4 decimals
export const AREA_SCALE_DIGITS = 2; // floor area: 0.01 m²
