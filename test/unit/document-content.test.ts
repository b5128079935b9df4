import { describe, expect, it } from "vitest";
import { checkFileName, sniffDocument } from "~/domain/document-content";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";
import { signP7m } from "../support/p7m";

const pdf = placeholderPdf("Determina n. 922", 4_000);

describe("what an uploaded file really is", () => {
  it("recognises a PDF by its content", () => {
    expect(sniffDocument(pdf)).toEqual({ ok: true, kind: "pdf" });
  });

  it("recognises a signed PDF (.p7m), DER or streamed BER", () => {
    expect(sniffDocument(signP7m(pdf))).toEqual({ ok: true, kind: "p7m-pdf" });
    expect(sniffDocument(signP7m(pdf, { streamed: true }))).toEqual({ ok: true, kind: "p7m-pdf" });
  });

  it("rejects a signed file that does not wrap a PDF", () => {
    const result = sniffDocument(signP7m(Buffer.from("solo testo, nessun PDF")));
    expect(result).toEqual({
      ok: false,
      reason: "Il file firmato (.p7m) non contiene un documento PDF.",
    });
  });

  it("rejects other content whatever the name says", () => {
    expect(sniffDocument(Buffer.from("<html>non sono un pdf</html>"))).toEqual({
      ok: false,
      reason: "Il file non è un PDF né un PDF firmato (.p7m).",
    });
    expect(sniffDocument(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01])).ok).toBe(false);
    expect(sniffDocument(new Uint8Array())).toEqual({ ok: false, reason: "Il file è vuoto." });
  });
});

describe("uploaded file names", () => {
  it.each(["Determina 922.pdf", "decreto.pdf.p7m", "Istanza di modifica (firmata).PDF.P7M"])(
    "accepts %s",
    (name) => {
      expect(checkFileName(name)).toEqual({ ok: true, name });
    },
  );

  it.each(["../../etc/passwd.pdf", "..\\boot.ini.pdf", "a/b.pdf", "..", "nome\u0000.pdf"])(
    "rejects %s",
    (name) => {
      expect(checkFileName(name)).toEqual({
        ok: false,
        reason: "Il nome del file non è valido: non può contenere percorsi.",
      });
    },
  );

  it("asks for a file when there is none", () => {
    expect(checkFileName("  ").ok).toBe(false);
  });
});
