import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GaugeChart, LineChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { LegendComponent } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import type { ChartOption } from '../shared/echart.tsx';

// The shared chart registers bars, grid and tooltip; the benefits screens add a gauge,
// a line and a legend (registration is global and idempotent).
use([GaugeChart, LineChart, LegendComponent]);

export type BenefitsChartOption = ComposeOption<
  | BarSeriesOption
  | GaugeSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

/** The shared `EChart` is typed for what it registers itself; these charts use the extra parts. */
export function asChartOption(option: BenefitsChartOption): ChartOption {
  return option as ChartOption;
}
