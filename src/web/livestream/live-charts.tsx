import { FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { type ChartOption, EChart } from '../shared/echart.tsx';

// The shared chart registers bars only; this module also draws funnels, lines and pies.
use([FunnelChart, LineChart, PieChart, LegendComponent]);

export const PALETTE = [
  '#1d5bd8',
  '#c8161d',
  '#e8590c',
  '#2f9e44',
  '#7048e8',
  '#f5a623',
  '#0c8599',
  '#868e96',
];

/** The shared ECharts canvas, for option shapes beyond the bar chart's type. */
export function LiveChart({ option, height, label }: { option: object; height: number; label: string }) {
  return <EChart option={option as ChartOption} height={height} label={label} />;
}
