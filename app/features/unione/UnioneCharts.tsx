/**
 * Charts of the Unione page. Fixed sizes so the server renders the full SVG. Marks link to
 * the progetto (or filter) they show, for the mouse; they are out of the tab order and the
 * charts are hidden from assistive technology, because the tables next to them carry the
 * same data and links.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from "recharts";
import { NamedTick, PlainTick } from "~/components/chart-ticks";
import {
  TODAY_LABEL_ROOM,
  todayLineProps,
  WindowStatusKey,
  windowAreaProps,
  windowPatterns,
} from "~/components/deadline-chart-style";
import { formatEuroShort } from "~/domain/format";
import { dayNumber } from "~/domain/milestones";
import { PHASE_LABELS, type Phase } from "~/domain/phase";
import { timeAxis } from "~/domain/time-bins";
import type { ComparisonRow } from "~/features/unione/unione-comparison";
import {
  type LaneChart,
  MARK_LABELS,
  type MarkKind,
  markLevels,
} from "~/features/unione/unione-lanes";

const WIDTH = 900;
/**
 * A symbol's width and a gap; the step between levels of marks close in time is a symbol's
 * line box (about 23 px at 15 px) and a pixel.
 */
const SYMBOL_ROOM = 18;
const LEVEL_STEP = 24;
const LANES_MARGIN = { top: 24, right: 40, bottom: TODAY_LABEL_ROOM, left: 24 };
const LANE_NAMES_WIDTH = 150;
/** Room for the widest tick label ("26 dic 2022") and a gap. */
const TICK_ROOM = 96;

interface BarShape {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: { href?: string | null };
}

/** A bar that is also a link (when it has somewhere to go). */
function LinkedBar({
  href,
  ...rect
}: BarShape & { href: string | null | undefined; stroke?: string }) {
  const shape = (
    <rect
      x={rect.x}
      y={rect.y}
      width={Math.max(0, rect.width ?? 0)}
      height={Math.max(0, rect.height ?? 0)}
      fill={rect.fill}
      stroke={rect.stroke ?? "#1a1a1a"}
      strokeWidth={0.5}
    />
  );
  return href ? (
    <a href={href} tabIndex={-1}>
      {shape}
    </a>
  ) : (
    shape
  );
}

export function AmountsChart({ id, rows }: { id: string; rows: ComparisonRow[] }) {
  const data = rows.map((r) => ({
    comune: r.comune,
    site: r.siteCents,
    services: r.servicesCents,
    href: r.progettoId ? `/progetti/${r.progettoId}` : null,
  }));
  return (
    <div className="chart-scroll" aria-hidden="true">
      <BarChart
        id={id}
        width={WIDTH}
        height={50 + data.length * 30}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 56, bottom: 8, left: 24 }}
      >
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#9cc8ee" />
            <path d="M0,6 L6,0" stroke="#004d99" strokeWidth="1.5" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke="#e6e9f2" />
        <XAxis type="number" tickFormatter={formatEuroShort} />
        <YAxis type="category" dataKey="comune" width={160} interval={0} tick={PlainTick} />
        <Bar
          dataKey="site"
          stackId="a"
          fill="#004d99"
          isAnimationActive={false}
          shape={(props: BarShape) => <LinkedBar {...props} href={props.payload?.href} />}
        />
        <Bar
          dataKey="services"
          stackId="a"
          fill={`url(#${id}-hatch)`}
          isAnimationActive={false}
          shape={(props: BarShape) => <LinkedBar {...props} href={props.payload?.href} />}
        />
      </BarChart>
    </div>
  );
}

export function AmountsLegend({ id }: { id: string }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      <li>
        <svg width="24" height="14" role="presentation">
          <rect width="24" height="14" fill="#004d99" />
        </svg>{" "}
        Sito (tinta piena)
      </li>
      <li>
        <svg width="24" height="14" role="presentation">
          <rect width="24" height="14" fill={`url(#${id}-hatch)`} stroke="#004d99" />
        </svg>{" "}
        Servizi (tratteggio)
      </li>
    </ul>
  );
}

const MARK_SYMBOLS: Record<MarkKind, string> = {
  notifica: "○",
  contratto: "■",
  conclusione: "◆",
  asseverazione: "★",
  erogazione: "€",
};

interface MarkPoint {
  x: number;
  y: number;
  /** Off the lane's line, in pixels, for marks close in time (markLevels). */
  dy: number;
  kind: MarkKind;
  late: boolean;
  href: string | null;
}

function Mark(props: unknown) {
  const { cx = 0, cy = 0, payload } = props as { cx?: number; cy?: number; payload: MarkPoint };
  const text = (
    <text
      x={cx}
      y={cy + payload.dy + 5}
      textAnchor="middle"
      fontSize={15}
      fontWeight={700}
      fill={payload.late ? "#b30000" : "#1a1a1a"}
    >
      {payload.late ? "▲" : MARK_SYMBOLS[payload.kind]}
    </text>
  );
  return payload.href ? (
    <a href={payload.href} tabIndex={-1}>
      {text}
    </a>
  ) : (
    text
  );
}

export function LanesChart({ id, chart }: { id: string; chart: LaneChart }) {
  const lanes = chart.lanes.length;
  const plot = WIDTH - LANES_MARGIN.left - LANES_MARGIN.right - LANE_NAMES_WIDTH;
  const span = dayNumber(chart.end) - dayNumber(chart.start);
  // Marks closer than a symbol's width leave the lane's line: up, down, further up…
  const minGapDays = Math.ceil((SYMBOL_ROOM * span) / plot);
  const points: MarkPoint[] = chart.lanes.flatMap((lane, i) => {
    const levels = markLevels(
      lane.marks.map((m) => m.date),
      minGapDays,
    );
    return lane.marks.map((m, j) => {
      const level = levels[j] ?? 0;
      return {
        x: dayNumber(m.date),
        y: i + 1,
        dy: Math.ceil(level / 2) * LEVEL_STEP * (level % 2 === 1 ? -1 : 1),
        kind: m.kind,
        late: m.late,
        href: lane.progettoId ? `/progetti/${lane.progettoId}` : null,
      };
    });
  });
  const highest = Math.max(0, ...points.map((p) => Math.abs(p.dy)));
  const laneHeight = Math.max(36, 2 * highest + 30);
  const { ticks } = timeAxis(chart.start, chart.end, Math.floor(plot / TICK_ROOM));
  const tickLabel = new Map(ticks.map((t) => [t.day, t.label]));
  const names = new Map(chart.lanes.map((l, i) => [i + 1, l.comune]));
  return (
    <div className="chart-scroll" aria-hidden="true">
      <ScatterChart
        id={id}
        width={WIDTH}
        height={44 + LANES_MARGIN.bottom + lanes * laneHeight}
        margin={LANES_MARGIN}
      >
        {windowPatterns(id)}
        <XAxis
          type="number"
          dataKey="x"
          domain={[dayNumber(chart.start), dayNumber(chart.end)]}
          ticks={ticks.map((t) => t.day)}
          tickFormatter={(day: number) => tickLabel.get(day) ?? ""}
          orientation="top"
          interval={0}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[0.5, lanes + 0.5]}
          ticks={chart.lanes.map((_, i) => i + 1)}
          tick={<NamedTick names={names} />}
          interval={0}
          reversed
          width={LANE_NAMES_WIDTH}
        />
        {chart.lanes.flatMap((lane, i) =>
          lane.windows.map((w) => (
            <ReferenceArea
              key={`${lane.comuneId}-${w.kind}`}
              {...windowAreaProps(id, w.kind, w.status, w.from, w.to)}
              y1={i + 0.7}
              y2={i + 1.3}
            />
          )),
        )}
        <ReferenceLine {...todayLineProps(chart.today)} />
        <Scatter data={points} shape={Mark} isAnimationActive={false} />
      </ScatterChart>
    </div>
  );
}

export function LanesLegend({ id }: { id: string }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {(Object.keys(MARK_LABELS) as MarkKind[]).map((k) => (
        <li key={k}>
          <strong>{MARK_SYMBOLS[k]}</strong> {MARK_LABELS[k]}
        </li>
      ))}
      <li>
        <strong style={{ color: "#b30000" }}>▲</strong> tappa in ritardo
      </li>
      <li>finestra per contrattualizzare: bordo continuo</li>
      <li>finestra per completare: bordo tratteggiato</li>
      <WindowStatusKey chartId={id} />
      <li>
        <span className="swatch swatch-today" /> oggi
      </li>
    </ul>
  );
}

export function FunnelChart({
  id,
  funnel,
  hrefOf,
}: {
  id: string;
  funnel: { phase: Phase; count: number }[];
  hrefOf: (phase: Phase) => string;
}) {
  const data = funnel.map((f) => ({
    phase: `${PHASE_LABELS[f.phase]} (${f.count})`,
    count: f.count,
    href: f.count > 0 ? hrefOf(f.phase) : null,
  }));
  return (
    <div className="chart-scroll" aria-hidden="true">
      <BarChart
        id={id}
        width={WIDTH}
        height={40 + data.length * 30}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 40, bottom: 8, left: 24 }}
      >
        <CartesianGrid horizontal={false} stroke="#e6e9f2" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="phase" width={230} interval={0} tick={PlainTick} />
        <Bar
          dataKey="count"
          fill="#0066cc"
          isAnimationActive={false}
          shape={(props: BarShape) => <LinkedBar {...props} href={props.payload?.href} />}
        />
      </BarChart>
    </div>
  );
}
