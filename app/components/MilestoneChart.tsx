import { ReferenceArea, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import {
  TODAY_LABEL_ROOM,
  todayLineProps,
  WindowStatusKey,
  WindowSwatch,
  windowAreaProps,
  windowPatterns,
} from "~/components/deadline-chart-style";
import { formatDate } from "~/domain/format";
import { type MilestoneChart as Chart, dayNumber, WINDOW_STATUS_WORDS } from "~/domain/milestones";
import { timeAxis } from "~/domain/time-bins";
import { ChartFigure } from "./ChartFigure";

const WIDTH = 880;
const ROW = 34;
const MARGIN = { top: 24, right: 48, bottom: TODAY_LABEL_ROOM, left: 32 };
const PLOT = WIDTH - MARGIN.left - MARGIN.right;
/** Room for the widest tick label ("26 dic 2022") and a gap. */
const TICK_ROOM = 96;

interface Point {
  x: number;
  y: number;
  label: string;
  late: boolean;
  /** Past the middle of the plot the label goes left of its mark, to stay inside the chart. */
  labelLeft: boolean;
}

/**
 * Milestones on a time axis with the deadline windows as bands (fill by status, border by
 * kind) and today's line. Fixed size so the server renders the full SVG; the table below
 * says the same in words.
 */
export function MilestoneChart({ chart, id }: { chart: Chart; id: string }) {
  const rows = chart.milestones.length;
  const height = MARGIN.top + MARGIN.bottom + 46 + rows * ROW;
  const start = dayNumber(chart.start);
  const span = dayNumber(chart.end) - start;
  const points: Point[] = chart.milestones.map((m, i) => ({
    x: dayNumber(m.date),
    y: i + 1,
    label: m.late ? `${m.label} (in ritardo)` : m.label,
    late: m.late,
    labelLeft: dayNumber(m.date) - start > span / 2,
  }));
  const { ticks } = timeAxis(chart.start, chart.end, Math.floor(PLOT / TICK_ROOM));
  const tickLabel = new Map(ticks.map((t) => [t.day, t.label]));
  return (
    <ChartFigure
      input={{ id, chart }}
      chart={
        <div className="chart-scroll" aria-hidden="true">
          <ScatterChart id={id} width={WIDTH} height={height} margin={MARGIN}>
            {windowPatterns(id)}
            <XAxis
              type="number"
              dataKey="x"
              domain={[start, dayNumber(chart.end)]}
              ticks={ticks.map((t) => t.day)}
              tickFormatter={(day: number) => tickLabel.get(day) ?? ""}
              orientation="top"
              interval={0}
            />
            <YAxis type="number" dataKey="y" domain={[0, rows + 1]} reversed hide />
            {chart.windows.map((w) => (
              <ReferenceArea
                key={w.kind}
                {...windowAreaProps(id, w.kind, w.status, w.from, w.to)}
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
              <WindowSwatch chartId={id} status={w.status} kind={w.kind} /> {w.label} (bordo{" "}
              {w.kind === "completion" ? "tratteggiato" : "continuo"}): {formatDate(w.from)} –{" "}
              {formatDate(w.to)}, {WINDOW_STATUS_WORDS[w.status]}
            </li>
          ))}
          <WindowStatusKey chartId={id} />
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
              [
                // describeStatus's words are the legend's: rispettata, aperta, a rischio, scaduta.
                w.statusText,
                w.originalTo ? `prorogata, scadenza originaria ${formatDate(w.originalTo)}` : null,
              ]
                .filter(Boolean)
                .join("; "),
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
      <text
        x={payload.labelLeft ? cx - 10 : cx + 10}
        y={cy + 4}
        textAnchor={payload.labelLeft ? "end" : "start"}
        fontSize={12}
        fill="#1a1a1a"
      >
        {payload.label}
      </text>
    </g>
  );
}
