/**
 * Charts of the national overview. Fixed sizes so the server renders the whole SVG; each
 * chart is hidden from assistive technology because the page shows the same data as a
 * table right below it.
 */
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import { PlainTick } from "~/components/chart-ticks";
import { formatEuroShort } from "~/domain/format";
import {
  type BandRow,
  type MonthPoint,
  type OfficialState,
  paymentBins,
  STATE_LABELS,
  type StateTotals,
} from "~/features/national-overview/national-overview";

const WIDTH = 880;
/** Fills that differ in lightness too, so they read apart in greyscale. */
export const STATE_FILLS: Record<OfficialState, string> = {
  E: "#00584f",
  A: "#5fa8d3",
  R: "#d9d9d9",
};
const STATE_ORDER: OfficialState[] = ["E", "A", "R"];

export function StateLegend() {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {STATE_ORDER.map((s) => (
        <li key={s}>
          <span className="swatch" style={{ background: STATE_FILLS[s] }} /> {STATE_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

export function AreaAmountsChart({
  id,
  areas,
}: {
  id: string;
  areas: { key: string; totals: StateTotals }[];
}) {
  const data = areas.map((a) => ({
    area: a.key,
    E: a.totals.byState.E.amountCents,
    A: a.totals.byState.A.amountCents,
    R: a.totals.byState.R.amountCents,
  }));
  return (
    <div className="chart-scroll" aria-hidden="true">
      <BarChart
        id={id}
        width={WIDTH}
        height={40 + data.length * 26}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 56, bottom: 8, left: 24 }}
      >
        <CartesianGrid horizontal={false} stroke="#e6e9f2" />
        <XAxis type="number" tickFormatter={formatEuroShort} />
        <YAxis type="category" dataKey="area" width={200} interval={0} tick={PlainTick} />
        {STATE_ORDER.map((s) => (
          <Bar
            key={s}
            dataKey={s}
            stackId="amount"
            fill={STATE_FILLS[s]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}

export function BandChart({ id, rows }: { id: string; rows: BandRow[] }) {
  const data = rows.map((r) => ({ band: `Fascia ${r.band}`, comuni: r.total }));
  return (
    <div className="chart-scroll" aria-hidden="true">
      <BarChart
        id={id}
        width={WIDTH}
        height={260}
        data={data}
        margin={{ top: 16, right: 24, bottom: 8, left: 24 }}
      >
        <CartesianGrid vertical={false} stroke="#e6e9f2" />
        <XAxis dataKey="band" interval={0} />
        <YAxis allowDecimals={false} />
        <Bar
          dataKey="comuni"
          fill="#0066cc"
          isAnimationActive={false}
          label={{ position: "top", fontSize: 12 }}
        />
      </BarChart>
    </div>
  );
}

/** Bars by month (quarters over long spans, paymentBins), the running total as a line. */
export function PaymentsChart({ id, points }: { id: string; points: MonthPoint[] }) {
  const data = paymentBins(points).bins.map((b) => ({
    month: b.label,
    amount: b.amountCents,
    cumulative: b.cumulativeCents,
  }));
  return (
    <div className="chart-scroll" aria-hidden="true">
      <ComposedChart
        id={id}
        width={WIDTH}
        height={300}
        data={data}
        margin={{ top: 16, right: 24, bottom: 8, left: 24 }}
      >
        <CartesianGrid vertical={false} stroke="#e6e9f2" />
        <XAxis dataKey="month" interval={Math.max(0, Math.ceil(data.length / 8) - 1)} />
        <YAxis yAxisId="month" tickFormatter={formatEuroShort} width={90} />
        <YAxis yAxisId="total" orientation="right" tickFormatter={formatEuroShort} width={90} />
        <Bar yAxisId="month" dataKey="amount" fill="#5fa8d3" isAnimationActive={false} />
        <Line
          yAxisId="total"
          dataKey="cumulative"
          stroke="#00584f"
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
