import { isValidElement, type ReactNode, useId } from "react";
import { keptMarkup } from "./kept-markup.server";
import { TableScroll } from "./TableScroll";

export interface TableColumn {
  header: ReactNode;
  numeric?: boolean;
}

export interface TableRow {
  key: string | number;
  /** The row's own heading (first column). */
  header: ReactNode;
  cells: ReactNode[];
}

export interface DataTableProps {
  caption: ReactNode;
  /** The first column's heading, then the others. */
  columns: TableColumn[];
  rows: TableRow[];
  foot?: TableRow;
  className?: string;
}

/** A table with a caption, a heading per row and numbers aligned right. */
export function DataTable({ caption, columns, rows, foot, className }: DataTableProps) {
  const line = (row: TableRow) => (
    <tr key={row.key}>
      <th scope="row">{row.header}</th>
      {row.cells.map((cell, i) => (
        // Columns are fixed for a table: the index is the column's identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <td key={i} className={columns[i + 1]?.numeric ? "num" : undefined}>
          {cell}
        </td>
      ))}
    </tr>
  );
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className={className}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <th key={i} scope="col" className={c.numeric ? "num" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(line)}</tbody>
        {foot ? <tfoot>{line(foot)}</tfoot> : null}
      </table>
    </TableScroll>
  );
}

/**
 * A chart with its text alternative, once for every chart: the SVG, a legend readable
 * without colours, and the same data as a table in the caption.
 */
export function ChartFigure({
  chart,
  input,
  legend,
  table,
}: {
  chart: ReactNode;
  /**
   * Everything the chart's drawing depends on, as JSON-able data (its id, its rows, its
   * links): the SVG is drawn once per input and kept. Without it, drawn every time.
   */
  input?: unknown;
  legend?: ReactNode;
  table: Omit<DataTableProps, "className">;
}) {
  const kept =
    input !== undefined && isValidElement(chart)
      ? keptMarkup(`${chartName(chart)}:${JSON.stringify(input)}`, chart)
      : null;
  return (
    <figure className="chart">
      {kept === null ? (
        chart
      ) : (
        // React's own markup of our chart (renderToStaticMarkup escapes every text): safe.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: see above
        <div className="chart-drawing" dangerouslySetInnerHTML={{ __html: kept }} />
      )}
      {legend}
      <figcaption>
        <DataTable
          {...table}
          className="chart-table"
          caption={
            // One text node, so the caption reads (and is found) as one sentence.
            typeof table.caption === "string" ? (
              `${table.caption} (alternativa testuale al grafico)`
            ) : (
              <>{table.caption} (alternativa testuale al grafico)</>
            )
          }
        />
      </figcaption>
    </figure>
  );
}

function chartName(chart: { type: unknown }): string {
  const type = chart.type as { name?: string } | string;
  return typeof type === "string" ? type : (type.name ?? "chart");
}
