import { BarChart, LineChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what most screens draw is bundled here (a screen with another kind registers it itself, as the plan
// graph does); SVG keeps text crisp on phones and selectable in screenshots.
echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
}

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the chart itself is a picture to them). */
  label: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
  testId?: string;
}

/** An ECharts picture that resizes with its box; clicks on a bar or slice go to `onClick`. */
export function Chart({ option, label, height = 280, onClick, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.current = instance;
    instance.on("click", (params) => {
      const event = params as unknown as ChartClick;
      clickRef.current?.({ name: event.name, seriesName: event.seriesName, dataIndex: event.dataIndex, data: event.data });
    });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(box.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  // size containment: the drawn SVG (as wide as the last layout) never widens the page while it catches up
  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      className={onClick ? "chart chart--clickable" : "chart"}
      style={{ height, width: "100%", minWidth: 0, overflow: "hidden", contain: "size" }}
    />
  );
}
