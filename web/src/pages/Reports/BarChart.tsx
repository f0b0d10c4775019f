import EChartsReactCore from 'echarts-for-react/esm/core';
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts these charts draw, so the chunk stays small; the page loads this module when it first shows a chart.
echarts.use([Bars, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface BarChartProps {
  categories: string[];
  series: ChartSeries[];
  /** The axis' upper end (100 for percentages, 5 for scores); the data's own otherwise. */
  max?: number;
  /** A goal drawn across the bars, as the 90 % of first-contact resolution. */
  goal?: { value: number; label: string };
}

/** Bars per category, one colour per series. Drawn for the eye: the figures beside it are the same as text. */
export default function BarChart({ categories, series, max, goal }: BarChartProps) {
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, overflow: 'truncate', width: 96 } },
    yAxis: { type: 'value', max, minInterval: 1 },
    series: series.map((s, index) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      markLine: index === 0 && goal
        ? { symbol: 'none', data: [{ yAxis: goal.value, name: goal.label }], label: { formatter: goal.label } }
        : undefined,
    })),
  };
  return <EChartsReactCore echarts={echarts} option={option} notMerge opts={{ renderer: 'svg' }} style={{ height: 220 }} />;
}
