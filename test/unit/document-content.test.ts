import { describe, expect, it } from "vitest";
import { checkFileName, SNIFF_BYTES, sniffDocument } from "~/domain/document-content";
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

  it("recognises a signed PDF saved as base64 text, bare or in PEM armour", () => {
    const der = signP7m(pdf);
    const base64 = der.toString("base64");
    const lines = base64.match(/.{1,64}/g)?.join("\r\n") ?? "";
    const accepted = { ok: true, kind: "p7m-pdf" };
    expect(sniffDocument(Buffer.from(base64))).toEqual(accepted);
    expect(sniffDocument(Buffer.from(`${lines}\r\n`))).toEqual(accepted);
    expect(
      sniffDocument(Buffer.from(`-----BEGIN PKCS7-----\n${lines}\n-----END PKCS7-----\n`)),
    ).toEqual(accepted);
    const streamed = signP7m(pdf, { streamed: true }).toString("base64");
    expect(
      sniffDocument(Buffer.from(`-----BEGIN CMS-----\n${streamed}\n-----END CMS-----`)),
    ).toEqual(accepted);
  });

  it("judges a base64 file by what it decodes to, even when only its head is read", () => {
    const large = signP7m(placeholderPdf("Decreto", 200_000)).toString("base64");
    expect(sniffDocument(Buffer.from(large).subarray(0, SNIFF_BYTES))).toEqual({
      ok: true,
      kind: "p7m-pdf",
    });
    const notPdf = signP7m(Buffer.from("solo testo, nessun PDF")).toString("base64");
    expect(sniffDocument(Buffer.from(notPdf))).toEqual({
      ok: false,
      reason: "Il file firmato (.p7m) non contiene un documento PDF.",
    });
    // Base64 of anything else, or a PDF in base64, is not a signed document.
    for (const other of [Buffer.from("Q2lhbyBtb25kbw=="), Buffer.from(pdf.toString("base64"))])
      expect(sniffDocument(other)).toEqual({
        ok: false,
        reason: "Il file non è un PDF né un PDF firmato (.p7m).",
      });
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
