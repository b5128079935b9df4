import type { ReactNode } from "react";

/**
 * A table's own region: it scrolls sideways when the table is wider than the screen, so the
 * page never does. Focusable and named, so that a keyboard can scroll it and a screen reader
 * announces what it holds.
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  /** The id of the element that names it (the table's caption), instead of a label. */
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <section
      className="table-scroll"
      aria-label={label}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard's focus
      tabIndex={0}
    >
      {children}
    </section>
  );
}
