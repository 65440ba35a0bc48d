/**
 * 区划代码 as bureaus write them, read onto the ledger's units (issue 9, §6).
 *
 * - A prefecture-level city without districts (不设区的地级市: 东莞 441900, 中山 442000, 儋州
 *   460400, 嘉峪关 620200) holds its communities itself (docs/adr/0002-regions.md). Statistical
 *   lists give such a city codes below its own: 嘉峪关's area is 620201, and the 9- or 12-digit
 *   codes of its streets and towns (东莞 441900003, 441900003000) begin with the city's digits.
 *   Each such code is an alias of the city's unit, and the import says which unit it filed the row
 *   under.
 * - A code retired by a boundary change (县 made 区, districts merged) is refused, naming the unit
 *   or units its area belongs to now, where the successor table knows them
 *   (server/src/db/region-successors.json, with its sources).
 */

/** A retired county-level code and the current units its area went to. */
export interface RetiredCode {
  code: string;
  name: string;
  /** The year of the approval that retired it. */
  retiredIn: number;
  /** The approval, such as 国函〔2015〕183号. */
  document: string;
  successors: { code: string; name: string }[];
}

const COUNTY_CODE = /^\d{6}$/;
/** A street's or town's statistical code: 9 digits, or 12 with the village digits 000. */
const TOWNSHIP_CODE = /^(\d{6})(\d{3}|\d{3}000)$/;

/**
 * The city without districts that `code` stands for, if it is an alias of one: a 6-digit code
 * xxyyNN (NN ≠ 00) of a city xxyy00 without districts, or a township code beginning with the
 * city's code or one of those. `isCityWithoutDistricts` answers for a 6-digit code.
 */
export function cityWithoutDistrictsFor(
  code: string,
  isCityWithoutDistricts: (code: string) => boolean,
): string | undefined {
  const township = TOWNSHIP_CODE.exec(code);
  const county = township ? township[1]! : code;
  if (!COUNTY_CODE.test(county)) return undefined;
  const city = `${county.slice(0, 4)}00`;
  if (!isCityWithoutDistricts(city)) return undefined;
  return county === city && !township ? undefined : city;
}

/** The message for a retired code: when, by which approval, and the code(s) to use now. */
export function retiredCodeMessage(r: RetiredCode): string {
  const now = r.successors.map((s) => `${s.name}（${s.code}）`).join('、');
  const advice =
    r.successors.length === 1 ? `请改用 ${r.successors[0]!.code}` : '请按小区所在地选用新代码';
  return `区划代码 ${r.code}（${r.name}）已于 ${r.retiredIn} 年撤销（${r.document}），其区域现属${now}，${advice}`;
}
