/**
 * One account for every unit of the demo province that declares a plan (the units with
 * communities in it: 海口市 and 三亚市 with their districts, 儋州市, and the fifteen county-level
 * units under the province; 三沙市 has no old communities), so that a newcomer can walk the whole
 * chain county → city → province in the browser. Login names follow one rule: `city-<代码>` for a
 * unit the province reviews, `county-<代码>` for a district its city reviews; 海口市 and its 龙华区
 * keep their short names `city` and `county` (seed.ts), which the tests and the docs use.
 */
import type { Role } from '../../../common/roles.ts';

export interface DemoAccount {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
}

/** [code, name] of the units the province reviews (prefecture level in the region table). */
const CITIES: [string, string][] = [
  ['460100', '海口市'],
  ['460200', '三亚市'],
  ['460400', '儋州市'],
  ['469001', '五指山市'],
  ['469002', '琼海市'],
  ['469005', '文昌市'],
  ['469006', '万宁市'],
  ['469007', '东方市'],
  ['469021', '定安县'],
  ['469022', '屯昌县'],
  ['469023', '澄迈县'],
  ['469024', '临高县'],
  ['469025', '白沙黎族自治县'],
  ['469026', '昌江黎族自治县'],
  ['469027', '乐东黎族自治县'],
  ['469028', '陵水黎族自治县'],
  ['469029', '保亭黎族苗族自治县'],
  ['469030', '琼中黎族苗族自治县'],
];

/** [code, name, city code] of the districts their city reviews. */
const COUNTIES: [string, string, string][] = [
  ['460105', '秀英区', '460100'],
  ['460106', '龙华区', '460100'],
  ['460107', '琼山区', '460100'],
  ['460108', '美兰区', '460100'],
  ['460202', '海棠区', '460200'],
  ['460203', '吉阳区', '460200'],
  ['460204', '天涯区', '460200'],
  ['460205', '崖州区', '460200'],
];

/** The units whose accounts keep the short names of seed.ts. */
const SHORT_NAMED: Record<string, string> = { '460100': 'city', '460106': 'county' };

const cityName = (code: string) => CITIES.find(([c]) => c === code)![1];

/** Every declaring unit's account, cities first, each city followed by its districts. */
export const UNIT_ACCOUNTS: DemoAccount[] = CITIES.flatMap(([code, name]) => [
  {
    username: SHORT_NAMED[code] ?? `city-${code}`,
    displayName: `${name}住房和城乡建设局`,
    regionCode: code,
    roles: ['city'] as Role[],
  },
  ...COUNTIES.filter(([, , city]) => city === code).map(([c, n]) => ({
    username: SHORT_NAMED[c] ?? `county-${c}`,
    displayName: `${cityName(code)}${n}住房和城乡建设局`,
    regionCode: c,
    roles: ['county'] as Role[],
  })),
]);

/** The unit accounts a newcomer does not already know by their short names. */
export const OTHER_UNIT_ACCOUNTS = UNIT_ACCOUNTS.filter((a) => !(a.regionCode in SHORT_NAMED));
