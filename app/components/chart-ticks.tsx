/**
 * A category-axis label drawn as one line of SVG text. Recharts' own tick measures text in
 * the browser and wraps long labels, which the server cannot do: the two renders would
 * differ and React would throw the server's chart away on hydration.
 */
export function PlainTick(props: unknown) {
  const { x, y, payload, anchor } = props as {
    x: number;
    y: number;
    payload: { value: string | number };
    anchor?: "start" | "middle" | "end";
  };
  return (
    <text x={x} y={y} dy="0.35em" textAnchor={anchor ?? "end"} fill="#333" fontSize={13}>
      {payload.value}
    </text>
  );
}

/**
 * The same, for a numeric axis whose values stand for names (one lane per comune); used as
 * an element, `tick={<NamedTick names={…} />}`, which recharts clones with the tick's props.
 */
export function NamedTick(
  props: { names?: ReadonlyMap<number, string> } & Record<string, unknown>,
) {
  const { names, payload } = props as {
    names?: ReadonlyMap<number, string>;
    payload?: { value: number };
  };
  return PlainTick({ ...props, payload: { value: names?.get(payload?.value ?? 0) ?? "" } });
}
