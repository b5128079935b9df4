/**
 * How every chart draws deadline windows and today's line, so legends mean the same thing.
 * A window's status is its fill pattern (and a word in legend and table), its kind is its
 * border: neither relies on colour alone.
 */
import {
  dayNumber,
  WINDOW_STATUS_WORDS,
  WINDOW_STATUSES,
  type WindowStatus,
} from "~/domain/milestones";

type WindowKind = "contract" | "completion";

const INK: Record<WindowStatus, string> = {
  met: "#2e7d32",
  open: "#0059b3",
  "at-risk": "#a15c00",
  missed: "#b30000",
};

/** The pattern's shape, named in the legend next to the status. */
export const WINDOW_PATTERN_NAMES: Record<WindowStatus, string> = {
  met: "tinta unita",
  open: "righe oblique",
  "at-risk": "puntini",
  missed: "quadretti",
};

const patternId = (chartId: string, status: WindowStatus) => `${chartId}-finestra-${status}`;

/**
 * The four fills, once per chart (pattern ids are the chart's id plus the status). A plain
 * <defs> element, not a component: recharts draws only SVG tags and its own children.
 */
export function windowPatterns(chartId: string) {
  return (
    <defs>
      {WINDOW_STATUSES.map((status) => (
        <pattern
          key={status}
          id={patternId(chartId, status)}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
        >
          <rect width="8" height="8" fill={INK[status]} fillOpacity={0.14} />
          {status === "open" ? (
            <path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke={INK[status]} strokeWidth={1} />
          ) : status === "at-risk" ? (
            <circle cx="4" cy="4" r="1.6" fill={INK[status]} />
          ) : status === "missed" ? (
            <path d="M0,0 L8,8 M8,0 L0,8" stroke={INK[status]} strokeWidth={1} />
          ) : null}
        </pattern>
      ))}
    </defs>
  );
}

/** A window: its status as fill, contract with a solid border, completion with a dashed one. */
export function windowAreaProps(
  chartId: string,
  kind: WindowKind,
  status: WindowStatus,
  from: string,
  to: string,
) {
  return {
    x1: dayNumber(from),
    x2: dayNumber(to),
    fill: `url(#${patternId(chartId, status)})`,
    fillOpacity: 1,
    stroke: INK[status],
    strokeWidth: 1.5,
    strokeDasharray: kind === "completion" ? "6 3" : undefined,
    className: `window window-${kind} window-${status}`,
    ifOverflow: "extendDomain" as const,
  };
}

/** A legend's sample of a window, drawn with the chart's own pattern. */
export function WindowSwatch({
  chartId,
  status,
  kind,
}: {
  chartId: string;
  status: WindowStatus;
  kind?: WindowKind;
}) {
  return (
    <svg width="28" height="16" role="presentation" className="window-swatch">
      <rect
        x="1"
        y="1"
        width="26"
        height="14"
        fill={`url(#${patternId(chartId, status)})`}
        stroke={INK[status]}
        strokeWidth={1.5}
        strokeDasharray={kind === "completion" ? "4 2" : undefined}
      />
    </svg>
  );
}

/** The key of the four fills, in words: every chart with windows shows it. */
export function WindowStatusKey({ chartId }: { chartId: string }) {
  return (
    <>
      {WINDOW_STATUSES.map((status) => (
        <li key={status}>
          <WindowSwatch chartId={chartId} status={status} /> finestra {WINDOW_STATUS_WORDS[status]}{" "}
          ({WINDOW_PATTERN_NAMES[status]})
        </li>
      ))}
    </>
  );
}

/**
 * Today's line, its label below the plot: the time axis and its labels are on top, so the
 * label never meets them (the chart's bottom margin leaves it room).
 */
export function todayLineProps(today: string) {
  return {
    x: dayNumber(today),
    stroke: "#b30000",
    strokeWidth: 2,
    label: {
      value: "Oggi",
      position: "bottom" as const,
      fill: "#b30000",
      fontSize: 12,
      fontWeight: 700,
      className: "today-label",
    },
  };
}

/** The bottom margin a chart needs for today's label. */
export const TODAY_LABEL_ROOM = 24;
