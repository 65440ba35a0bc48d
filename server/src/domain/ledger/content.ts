/** 改造内容: 基础类 / 完善类 / 提升类 (国办发〔2020〕23号; brief §4), parsed where prefixed. */
export const CONTENT_CATEGORIES = ['basic', 'improve', 'upgrade'] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];
export const CONTENT_LABELS: Record<ContentCategory, string> = {
  basic: '基础类',
  improve: '完善类',
  upgrade: '提升类',
};

export interface Content {
  basic: string[];
  improve: string[];
  upgrade: string[];
  /** items with no category prefix */
  other: string[];
}

const PREFIX: Record<string, ContentCategory> = {
  基础类: 'basic',
  完善类: 'improve',
  提升类: 'upgrade',
};

/** '基础类：供水、供电；完善类：加装电梯' → {basic: [供水, 供电], improve: [加装电梯], …}. */
export function parseContent(text: string): Content {
  const out: Content = { basic: [], improve: [], upgrade: [], other: [] };
  for (const part of text.split(/[;；\n]/)) {
    const m = /^\s*(基础类|完善类|提升类)\s*[:：]\s*(.*)$/.exec(part);
    const items = (m ? m[2]! : part)
      .split(/[、,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    out[m ? PREFIX[m[1]!]! : 'other'].push(...items);
  }
  return out;
}

export function formatContent(c: Content): string {
  const parts = CONTENT_CATEGORIES.filter((k) => c[k].length).map(
    (k) => `${CONTENT_LABELS[k]}：${c[k].join('、')}`,
  );
  if (c.other.length) parts.push(c.other.join('、'));
  return parts.join('；');
}
