import { ReferenceArea, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { todayLineProps, windowAreaProps } from "~/components/deadline-chart-style";
import { formatDate } from "~/domain/format";
import { type MilestoneChart as Chart, dayNumber, monthTicks } from "~/domain/milestones";
import { ChartFigure } from "./ChartFigure";

const WIDTH = 880;
const ROW = 34;

interface Point {
  x: number;
  y: number;
  label: string;
  late: boolean;
}

/**
 * Milestones on a time axis with the deadline windows as labelled bands and today's line.
 * Fixed size so the server renders the full SVG; the table below says the same in words.
 */
export function MilestoneChart({ chart, id }: { chart: Chart; id: string }) {
  const rows = chart.milestones.length;
  const height = 70 + rows * ROW;
  const points: Point[] = chart.milestones.map((m, i) => ({
    x: dayNumber(m.date),
    y: i + 1,
    label: m.label,
    late: m.late,
  }));
  const span = dayNumber(chart.end) - dayNumber(chart.start);
  const ticks = monthTicks(chart.start, chart.end, span > 900 ? 6 : 3);
  const tickLabel = new Map(ticks.map((t) => [t.day, t.label]));
  return (
    <ChartFigure
      input={{ id, chart }}
      chart={
        <div className="chart-scroll" aria-hidden="true">
          <ScatterChart
            id={id}
            width={WIDTH}
            height={height}
            margin={{ top: 24, right: 48, bottom: 8, left: 32 }}
          >
            <XAxis
              type="number"
              dataKey="x"
              domain={[dayNumber(chart.start), dayNumber(chart.end)]}
              ticks={ticks.map((t) => t.day)}
              tickFormatter={(day: number) => tickLabel.get(day) ?? ""}
              orientation="top"
              interval={0}
            />
            <YAxis type="number" dataKey="y" domain={[0, rows + 1]} reversed hide />
            {chart.windows.map((w) => (
              <ReferenceArea
                key={w.kind}
                {...windowAreaProps(w.kind, w.from, w.to)}
                y1={0}
                y2={rows + 1}
              />
            ))}
            <ReferenceLine {...todayLineProps(chart.today)} />
            <Scatter data={points} shape={MilestoneMark} isAnimationActive={false} />
          </ScatterChart>
        </div>
      }
      legend={
        <ul className="chart-legend" aria-hidden="true">
          {chart.windows.map((w) => (
            <li key={w.kind}>
              <span className={`swatch swatch-${w.kind}`} /> {w.label}: {formatDate(w.from)} –{" "}
              {formatDate(w.to)}
            </li>
          ))}
          <li>
            <span className="swatch swatch-today" /> Oggi, {formatDate(chart.today)}
          </li>
          <li>● in tempo · ▲ in ritardo</li>
        </ul>
      }
      table={{
        caption: "Tappe e finestre di scadenza",
        columns: [{ header: "Data" }, { header: "Tappa" }, { header: "Rispetto alle scadenze" }],
        rows: [
          ...chart.milestones.map((m) => ({
            key: `${m.date}-${m.label}`,
            header: formatDate(m.date),
            cells: [m.label, m.late ? "In ritardo" : "—"],
          })),
          ...chart.windows.map((w) => ({
            key: w.kind,
            header: `${formatDate(w.from)} – ${formatDate(w.to)}`,
            cells: [
              w.label,
              w.originalTo ? `Prorogata; scadenza originaria ${formatDate(w.originalTo)}` : "—",
            ],
          })),
        ],
      }}
    />
  );
}

/** A dot on time, a triangle when late, each with its name: shape and words, not colour alone. */
function MilestoneMark(props: unknown) {
  const { cx, cy, payload } = props as { cx: number; cy: number; payload: Point };
  const colour = payload.late ? "#b30000" : "#0059b3";
  return (
    <g className={payload.late ? "milestone milestone-late" : "milestone"}>
      {payload.late ? (
        <path d={`M${cx},${cy - 7} L${cx + 7},${cy + 6} L${cx - 7},${cy + 6} Z`} fill={colour} />
      ) : (
        <circle cx={cx} cy={cy} r={6} fill={colour} />
      )}
      <text x={cx + 10} y={cy + 4} fontSize={12} fill="#1a1a1a">
        {payload.label}
        {payload.late ? " (in ritardo)" : ""}
      </text>
    </g>
  );
}
