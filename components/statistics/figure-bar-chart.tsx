"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { useIsNear } from "@/components/ui/use-is-near";
import type { RechartsBarChart } from "./recharts-bar-chart";

export type { FigureBar } from "./recharts-bar-chart";

// recharts is most of the dashboard's JavaScript and its drawing nearly half of the page's main-thread
// work (Lighthouse: 863 ms of blocking time with the charts drawn on load, 481 ms without): a chart
// loads and draws once it comes into view, so the first paint and applying filters wait for neither.
const Chart = dynamic(() => import("./recharts-bar-chart").then((m) => m.RechartsBarChart), { ssr: false });

/** A figure's bar chart, drawn once it comes into view; its box keeps its height meanwhile. */
export function FigureBarChart(props: ComponentProps<typeof RechartsBarChart>) {
  const { ref, isNear } = useIsNear<HTMLDivElement>();
  return (
    <div ref={ref} style={{ minHeight: props.height }}>
      {isNear && <Chart {...props} />}
    </div>
  );
}
