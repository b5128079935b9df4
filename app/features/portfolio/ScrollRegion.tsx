import type { ReactNode } from "react";

/**
 * A wide table scrolls inside its own region, never the whole page sideways. The region is
 * named and focusable so a keyboard user can scroll it too (WCAG 2.1.1); a <section> would
 * add an outline entry the page does not need.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scroll box, not a section of the outline
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so the keyboard can scroll it
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
