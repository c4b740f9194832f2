import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsOption, SeriesOption } from 'echarts';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from './format';
import type { ChartSpec } from './model';
import { FONT_FAMILY, MUTED_COLOR, TEXT_COLOR, colorOf } from './theme';

// Charts as static SVG made with ECharts' server-side rendering: the deck looks the same offline, on any
// projector and in the PDF, and needs no script to draw its figures.

// Only what the deck draws: quicker to load in the CLI and smaller in a bundle.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ChartSize {
  width: number;
  height: number;
}

/** Most bars that still get a readable value label each; above it the table beside the chart carries the numbers. */
const MAX_LABELLED_BARS = 24;

export function chartOption(spec: ChartSpec, size: ChartSize): EChartsOption {
  const format = (value: unknown) => formatNumber(typeof value === 'number' ? value : null, spec.decimals ?? 0);
  const bars = spec.categories.length * (spec.stacked ? 1 : spec.series.length);
  const labelled = spec.type === 'bar' && bars <= MAX_LABELLED_BARS;
  const labelSize = bars > 12 ? 15 : 18;
  const legend = spec.series.length > 1;
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    inverse: spec.horizontal ?? false,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: MUTED_COLOR } },
    axisLabel: {
      fontSize: 18,
      color: TEXT_COLOR,
      interval: 0,
      width: spec.horizontal ? 220 : Math.max(60, (size.width - 80) / Math.max(1, spec.categories.length) - 8),
      overflow: 'break' as const,
    },
  };
  const valueAxis = {
    type: 'value' as const,
    name: spec.unit ?? '',
    nameLocation: spec.horizontal ? ('middle' as const) : ('end' as const),
    nameGap: spec.horizontal ? 34 : 15,
    nameTextStyle: { fontSize: 16, color: MUTED_COLOR, align: spec.horizontal ? ('center' as const) : ('left' as const) },
    axisLabel: { fontSize: 16, color: MUTED_COLOR, formatter: format },
    splitLine: { lineStyle: { color: '#E4E7EB' } },
    minInterval: spec.decimals ? 0 : 1,
  };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR, fontSize: 18 },
    legend: { show: legend, top: 0, left: 'center', itemWidth: 22, itemHeight: 14, textStyle: { fontSize: 18, color: TEXT_COLOR } },
    grid: {
      left: 8,
      right: spec.horizontal ? 64 : 24,
      top: legend ? 56 : 24,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series) => {
      const color = colorOf(series);
      return {
        type: spec.type,
        name: series.name,
        data: series.values,
        ...(spec.stacked ? { stack: 'total' } : {}),
        itemStyle: { color },
        lineStyle: { color, width: 4 },
        symbolSize: 10,
        barMaxWidth: 72,
        label: {
          show: labelled,
          position: spec.stacked ? 'inside' : spec.horizontal ? 'right' : 'top',
          fontSize: labelSize,
          fontWeight: 'bold',
          color: spec.stacked ? '#FFFFFF' : TEXT_COLOR,
          formatter: (params: { value: unknown }) => (spec.stacked && params.value === 0 ? '' : format(params.value)),
        },
      };
    }) as SeriesOption[],
  };
}

/**
 * The chart as an SVG string. `idPrefix` replaces ECharts' instance ids (zr0-, zr1-, ...) so that several charts
 * inline in one HTML document never share a clip-path id, and the output is the same on every run.
 */
export function chartToSvg(spec: ChartSpec, size: ChartSize, idPrefix: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(spec, size));
    return chart.renderToSVGString({ useViewBox: true }).replace(/zr\d+-/g, `${idPrefix}-`);
  } finally {
    chart.dispose();
  }
}
