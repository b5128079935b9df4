import { describe, expect, it } from "vitest";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";

describe("placeholder PDFs for the demo", () => {
  it.each([113_428, 879_145, 579_953, 278_702, 1_000, 9_999, 10_000])(
    "are exactly %i bytes",
    (size) => {
      const pdf = placeholderPdf("Determina n. 922", size);
      expect(pdf.byteLength).toBe(size);
      expect(pdf.subarray(0, 8).toString()).toBe("%PDF-1.4");
      expect(pdf.subarray(-6).toString()).toBe("%%EOF\n");
    },
  );

  it("point the xref table at the real object offsets", () => {
    const text = placeholderPdf("Candidatura", 5_000).toString("latin1");
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const firstObject = Number(/0000000000 65535 f \n(\d{10})/.exec(text)?.[1]);
    expect(text.slice(firstObject, firstObject + 7)).toBe("1 0 obj");
  });

  it("cannot be smaller than an empty page", () => {
    expect(() => placeholderPdf("x", 10)).toThrow(RangeError);
  });
});
