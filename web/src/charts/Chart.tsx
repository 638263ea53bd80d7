/**
 * One ECharts chart in a React element: made on mount, given new options on change, resized with
 * its box, disposed on unmount. Only the chart types the app draws are registered.
 */
import { GraphChart, SankeyChart } from "echarts/charts";
import { TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([GraphChart, SankeyChart, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function Chart({
  option,
  label,
  className = "chart",
}: {
  option: ChartOption;
  label: string;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pending = useRef<ChartOption | null>(null);
  // ECharts lays a graph out in a view of the box's size: given options while the box has no
  // size yet (a busy machine, layout not done), its view transform cannot be inverted and it
  // throws. So options wait until the box has a size.
  const apply = (): void => {
    const element = box.current;
    const instance = chart.current;
    if (!element || !instance || instance.isDisposed() || !pending.current) return;
    if (element.clientWidth === 0 || element.clientHeight === 0) return;
    instance.setOption(pending.current, true);
    pending.current = null;
  };
  useEffect(() => {
    const element = box.current!;
    chart.current = echarts.init(element);
    const observer = new ResizeObserver(() => {
      const instance = chart.current;
      if (!instance || instance.isDisposed()) return;
      if (element.clientWidth > 0 && element.clientHeight > 0) instance.resize();
      apply();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    pending.current = option;
    apply();
  }, [option]);
  return <div ref={box} className={className} role="img" aria-label={label} />;
}
