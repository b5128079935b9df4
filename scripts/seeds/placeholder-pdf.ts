/**
 * A valid one-page PDF of exactly `size` bytes that says it stands in for a real document.
 * The demo uses it so its documents have the sizes the comuni's public pages list.
 */
export function placeholderPdf(text: string, size: number): Buffer {
  const safe = text.replace(/[()\\]/g, "");
  const content = `BT /F1 14 Tf 72 770 Td (${safe}) Tj 0 -20 Td (Copia dimostrativa: non e' il documento originale.) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const build = (padding: number) => {
    let out = `%PDF-1.4\n%${"-".repeat(padding)}\n`;
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return out;
  };
  const bare = build(0).length;
  if (size < bare) throw new RangeError(`Un PDF segnaposto richiede almeno ${bare} byte`);
  // Padding sits in a comment line, which grows the file without changing its offsets' width.
  let pdf = build(size - bare);
  if (pdf.length !== size) pdf = build(size - bare - (pdf.length - size));
  return Buffer.from(pdf, "latin1");
}
