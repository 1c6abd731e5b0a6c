"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type FigureBar = { dataKey: string; name: string; fill: string; stackId?: string };

/** The dashboard's one bar-chart look: horizontal grid lines, small axis labels, a tooltip; a legend when there are several bars. */
export function RechartsBarChart({
  data,
  xKey,
  bars,
  height,
  xTickFormatter,
}: {
  data: object[];
  xKey: string;
  bars: FigureBar[];
  height: number;
  xTickFormatter?: (value: string) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={xKey} tickFormatter={xTickFormatter} fontSize={12} />
        <YAxis fontSize={12} width={48} />
        <Tooltip />
        {bars.length > 1 && <Legend />}
        {bars.map((bar) => (
          <Bar key={bar.dataKey} {...bar} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
