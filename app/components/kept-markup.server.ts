/**
 * Charts drawn once per input and reused (issue 17: charts cost nothing at request time).
 * Drawing a chart with recharts on the server took most of an Unione page's render; the same
 * input gives the same SVG, so it is kept under its input's JSON, whatever the data version
 * (a write elsewhere does not redraw a chart whose numbers did not change).
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const MAX_CHARTS = 1000;
const kept = new Map<string, string>();

export function keptMarkup(key: string, element: ReactElement): string {
  const found = kept.get(key);
  if (found !== undefined) {
    // Most recently used last: the oldest leaves first when the budget is reached.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const markup = renderToStaticMarkup(element);
  kept.set(key, markup);
  if (kept.size > MAX_CHARTS) kept.delete(kept.keys().next().value as string);
  return markup;
}
