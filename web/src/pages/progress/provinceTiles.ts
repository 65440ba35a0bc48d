// The ministry's map: one square per province-level reporting unit at its approximate place, a
// tile-grid cartogram rather than a boundary map (docs/adr/0004-progress-map.md). Columns run west
// to east, rows north to south; 兵团 sits beside 新疆.

export interface ProvinceTile {
  code: string;
  /** The short name used in national tables (北京, 内蒙古, 兵团). */
  short: string;
  col: number;
  row: number;
}

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '230000', short: '黑龙江', col: 7, row: 0 },
  { code: '650000', short: '新疆', col: 0, row: 1 },
  { code: '660000', short: '兵团', col: 1, row: 1 },
  { code: '150000', short: '内蒙古', col: 4, row: 1 },
  { code: '110000', short: '北京', col: 5, row: 1 },
  { code: '210000', short: '辽宁', col: 6, row: 1 },
  { code: '220000', short: '吉林', col: 7, row: 1 },
  { code: '620000', short: '甘肃', col: 2, row: 2 },
  { code: '640000', short: '宁夏', col: 3, row: 2 },
  { code: '140000', short: '山西', col: 4, row: 2 },
  { code: '130000', short: '河北', col: 5, row: 2 },
  { code: '120000', short: '天津', col: 6, row: 2 },
  { code: '630000', short: '青海', col: 1, row: 3 },
  { code: '610000', short: '陕西', col: 3, row: 3 },
  { code: '410000', short: '河南', col: 4, row: 3 },
  { code: '370000', short: '山东', col: 5, row: 3 },
  { code: '540000', short: '西藏', col: 1, row: 4 },
  { code: '510000', short: '四川', col: 2, row: 4 },
  { code: '500000', short: '重庆', col: 3, row: 4 },
  { code: '420000', short: '湖北', col: 4, row: 4 },
  { code: '340000', short: '安徽', col: 5, row: 4 },
  { code: '320000', short: '江苏', col: 6, row: 4 },
  { code: '530000', short: '云南', col: 2, row: 5 },
  { code: '520000', short: '贵州', col: 3, row: 5 },
  { code: '430000', short: '湖南', col: 4, row: 5 },
  { code: '360000', short: '江西', col: 5, row: 5 },
  { code: '330000', short: '浙江', col: 6, row: 5 },
  { code: '310000', short: '上海', col: 7, row: 5 },
  { code: '450000', short: '广西', col: 3, row: 6 },
  { code: '440000', short: '广东', col: 4, row: 6 },
  { code: '350000', short: '福建', col: 5, row: 6 },
  { code: '460000', short: '海南', col: 4, row: 7 },
];

export const TILE_COLUMNS = 8;
export const TILE_ROWS = 8;

/** Colour bands of the start rate by communities (percent), lowest first; none: no plan. */
export const RATE_BANDS: readonly { from: number; label: string; color: string }[] = [
  { from: 0, label: '低于 50%', color: '#fde2d8' },
  { from: 50, label: '50%–80%', color: '#fbb99e' },
  { from: 80, label: '80%–95%', color: '#91caff' },
  { from: 95, label: '95%–100%', color: '#4096ff' },
  { from: 100, label: '100% 及以上', color: '#0958d9' },
];
export const NO_PLAN_COLOR = '#f0f0f0';

export function rateColor(rate: number | null): string {
  if (rate === null) return NO_PLAN_COLOR;
  let color = NO_PLAN_COLOR;
  for (const band of RATE_BANDS) if (rate >= band.from) color = band.color;
  return color;
}

/** Dark text on the light bands, white on the dark ones. */
export const textColorFor = (rate: number | null): string =>
  rate !== null && rate >= 95 ? '#fff' : 'rgba(0,0,0,0.88)';
