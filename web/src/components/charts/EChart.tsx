// ECharts with only the parts the pages use (bar and line charts on a grid), so the bundle stays
// small; echarts-for-react's core build, as Vite 8 needs (DESIGN.md, "Verified on these machines").
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface EChartProps {
  option: ChartOption;
  style?: CSSProperties;
  /** Called with the category (the x or y axis label's index) of a clicked bar or point. */
  onItemClick?: (dataIndex: number) => void;
  'aria-label'?: string;
  /** The id of an element naming the chart instead, for a name that holds data (i18n/Data.tsx). */
  'aria-labelledby'?: string;
  id?: string;
}

export function EChart({ option, style, onItemClick, id, ...rest }: EChartProps) {
  return (
    <div
      id={id}
      role="img"
      aria-label={rest['aria-label']}
      aria-labelledby={rest['aria-labelledby']}
    >
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: true }, ...option }}
        notMerge
        style={{ height: 320, ...style }}
        onEvents={
          onItemClick
            ? { click: (p: { dataIndex: number }) => onItemClick(p.dataIndex) }
            : undefined
        }
      />
    </div>
  );
}
