/** How every chart draws deadline windows and today's line, so legends mean the same thing. */
import { dayNumber } from "~/domain/milestones";

const WINDOW_FILL = { contract: "#cfe3f7", completion: "#e3f1d8" } as const;

/** A window: contract with a solid border, completion with a dashed one (not colour alone). */
export function windowAreaProps(kind: "contract" | "completion", from: string, to: string) {
  return {
    x1: dayNumber(from),
    x2: dayNumber(to),
    fill: WINDOW_FILL[kind],
    fillOpacity: 0.8,
    stroke: "#5c6f82",
    strokeDasharray: kind === "completion" ? "6 3" : undefined,
    ifOverflow: "extendDomain" as const,
  };
}

export function todayLineProps(today: string) {
  return {
    x: dayNumber(today),
    stroke: "#b30000",
    strokeWidth: 2,
    label: { value: "Oggi", position: "top" as const, fill: "#b30000", fontSize: 12 },
  };
}
