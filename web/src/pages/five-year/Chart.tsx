// One ECharts canvas with just the parts the five-year charts use (bars, lines, a goal line),
// imported piecemeal so the page does not carry the whole library (DESIGN.md: echarts-for-react
// under Vite 8 from `echarts-for-react/esm/core`).
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

interface Props {
  id: string;
  /** what the chart shows, for screen readers */
  label: string;
  /** the id of the table that holds the chart's figures, its text alternative */
  describedBy?: string;
  option: EChartsOption;
  height?: number;
}

export function Chart({ id, label, describedBy, option, height = 320 }: Props) {
  return (
    <div id={id} role="img" aria-label={label} aria-describedby={describedBy}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />
    </div>
  );
}
