/**
 * Seeded synthetic communities, realistic per docs/sources.md §8.5 and §11: households
 * per community log-normal around the province's ratio, 12–85 households per building, 70–125 m²
 * per household, 1.2–4 万元 per household, about one in ten built 2001–2005. The same seed gives
 * the same rows, so benchmark runs compare and the demo looks the same on every machine.
 */
import { formatScaled } from '../domain/ledger/decimal.ts';
import { suffixStrippedKey } from '../domain/ledger/names.ts';
import type { ColumnKey } from '../domain/ledger/template.ts';

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROADS = [
  '建设',
  '解放',
  '人民',
  '胜利',
  '和平',
  '团结',
  '友谊',
  '文化',
  '新华',
  '光明',
  '幸福',
  '红旗',
  '朝阳',
  '前进',
  '东风',
  '青年',
  '工农',
  '中山',
  '民主',
  '健康',
  '长江',
  '黄河',
  '滨江',
  '北京',
  '上海',
  '公园',
  '学院',
  '车站',
  '纺织',
  '机械',
];
const UNITS = [
  '纺织厂',
  '机械厂',
  '供电局',
  '粮食局',
  '人民医院',
  '第一中学',
  '税务局',
  '邮电局',
  '化肥厂',
  '水泥厂',
  '商业局',
  '交通局',
  '棉纺厂',
  '自来水公司',
  '农机站',
  '印刷厂',
];
const SUFFIXES = ['小区', '院', '家属院', '宿舍', '生活区', '小区'];
const CONTENT = [
  '基础类：供水、排水、供电、道路；完善类：环境绿化、无障碍设施；提升类：养老、托育',
  '基础类：雨污分流、外墙保温、屋面防水；完善类：加装电梯、停车场',
  '基础类：管网改造、建筑节能改造；完善类：文化休闲设施、智能快件箱',
  '基础类：供水、供电、供气、消防、安防；完善类：电动自行车充电设施、照明',
  '基础类：屋面维修、外墙维修、楼梯等公共部位维修；完善类：适老设施、物业用房；提升类：社区综合服务设施',
];
const OWNERSHIP = ['房改房', '单位自管房', '国有企事业单位', '公房', '商品房', '集资房', '军队'];

export interface SyntheticUnit {
  code: string;
  name: string;
}

export interface SyntheticOptions {
  seed: number;
  planYears: number[];
  /** the province's households per community (brief §8.3), default 150 */
  householdsPerCommunity?: number;
}

function logNormal(rnd: () => number, median: number, sigma: number): number {
  const u = Math.max(rnd(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  return median * Math.exp(sigma * z);
}

/** `count` rows spread over the units, each a record in the template's columns. */
export function* syntheticRows(
  units: SyntheticUnit[],
  count: number,
  opts: SyntheticOptions,
): Generator<Record<ColumnKey, string>> {
  const rnd = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const used = new Set<string>();
  const median = opts.householdsPerCommunity ?? 150;
  for (let i = 0; i < count; i++) {
    const unit = units[i % units.length]!;
    let name = '';
    // Unique without generic suffixes: 青年路1号院 and 青年路1号小区 would be a suspected duplicate.
    for (let tries = 0; !name || used.has(`${unit.code}|${suffixStrippedKey(name)}`); tries++) {
      const n = 1 + Math.floor(rnd() * (tries > 5 ? 999 : 199));
      name =
        rnd() < 0.6
          ? `${pick(ROADS)}路${n}号${pick(['院', '小区', '大院'])}`
          : `${pick(UNITS)}${n}号${pick(SUFFIXES)}`;
    }
    used.add(`${unit.code}|${suffixStrippedKey(name)}`);
    const households = Math.max(6, Math.min(3000, Math.round(logNormal(rnd, median, 0.6))));
    const perBuilding = 12 + rnd() * 73;
    const buildings = Math.max(1, Math.round(households / perBuilding));
    const areaCenti = Math.round(households * (70 + rnd() * 55) * 100);
    const investYuan = Math.round(households * (1.2 + rnd() * 2.8) * 10_000);
    const buildYear = rnd() < 0.1 ? 2001 + Math.floor(rnd() * 5) : 1975 + Math.floor(rnd() * 26);
    yield {
      seq: String(i + 1),
      regionCode: unit.code,
      regionName: unit.name,
      street: '',
      name,
      address: `${unit.name}${name}`,
      buildYear: String(buildYear),
      areaClass: '',
      buildings: String(buildings),
      households: String(households),
      floorArea: formatScaled(areaCenti, 2, 0),
      investment: formatScaled(investYuan, 4, 0),
      planYear: String(pick(opts.planYears)),
      content: pick(CONTENT),
      ownership: pick(OWNERSHIP),
      exclusion: '',
      subsidyYear: '',
    };
  }
}
