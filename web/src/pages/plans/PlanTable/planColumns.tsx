// The form's columns for antd's Table: 地级以上城市 (the unit spanning its three rows), 分 类, and
// per measure a group header with its unit over 2000年底前 / 2000年底后 / 合计.
import type { TableColumnsType } from 'antd';
import { bucketLabels, formatFigure, MEASURES, measureTitle, type FormRow } from '../planForm.ts';

const COLUMN_COUNT = 2 + MEASURES.length * 3;
const UNIT_WIDTH = 130;
const LABEL_WIDTH = 140;
/** 小区数, 居民户数, 楼栋数: counts; 住宅建筑面积, 万元: wider, with two decimals. */
const figureWidth = (measure: number) => (measure < 3 ? 84 : 100);
/** The whole width, for the virtual (national) table, which needs it as a number. */
export const PLAN_TABLE_WIDTH =
  UNIT_WIDTH + LABEL_WIDTH + MEASURES.reduce((w, _, m) => w + 3 * figureWidth(m), 0);

const strong = (row: FormRow, text: string) =>
  row.subtotal || row.total ? <strong>{text}</strong> : text;

export function planColumns(cutoffYear: number): TableColumnsType<FormRow> {
  const buckets = bucketLabels(cutoffYear);
  return [
    {
      title: '地级以上城市',
      key: 'unit',
      fixed: 'start',
      width: UNIT_WIDTH,
      align: 'center',
      onCell: (row) =>
        row.kind === 'province' ? { colSpan: COLUMN_COUNT } : { rowSpan: row.unitSpan },
      render: (_, row) =>
        row.kind === 'province' ? (
          <div className="plan-province-name">{row.unit}</div>
        ) : (
          <strong>{row.unit}</strong>
        ),
    },
    {
      title: '分 类',
      key: 'label',
      fixed: 'start',
      width: LABEL_WIDTH,
      onCell: (row) => (row.kind === 'province' ? { colSpan: 0 } : {}),
      render: (_, row) => strong(row, row.label),
    },
    ...MEASURES.map((m, mi) => ({
      title: measureTitle(m),
      key: m.name,
      align: 'center' as const,
      children: buckets.map((b, bi) => {
        const index = mi * 3 + bi;
        return {
          title: b,
          key: `${m.name}-${bi}`,
          align: 'right' as const,
          width: figureWidth(mi),
          onHeaderCell: () => ({ style: { textAlign: 'center' as const } }),
          onCell: (row: FormRow) => (row.kind === 'province' ? { colSpan: 0 } : {}),
          render: (_: unknown, row: FormRow) => strong(row, formatFigure(row.values[index])),
        };
      }),
    })),
  ];
}
