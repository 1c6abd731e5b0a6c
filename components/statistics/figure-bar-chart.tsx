"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";
import type { RechartsBarChart } from "./recharts-bar-chart";

export type { FigureBar } from "./recharts-bar-chart";

// recharts is most of the dashboard's JavaScript: it loads after the page is interactive, and only
// for a chart near the screen, so applying filters waits for neither its download nor its parsing.
const Chart = dynamic(() => import("./recharts-bar-chart").then((m) => m.RechartsBarChart), { ssr: false });

/** A figure's bar chart, drawn once it comes within a screen of the viewport; its box keeps its height meanwhile. */
export function FigureBarChart(props: ComponentProps<typeof RechartsBarChart>) {
  const box = useRef<HTMLDivElement>(null);
  const [isNear, setIsNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || isNear) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setIsNear(true), {
      rootMargin: "100% 0px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isNear]);
  return (
    <div ref={box} style={{ minHeight: props.height }}>
      {isNear && <Chart {...props} />}
    </div>
  );
}
