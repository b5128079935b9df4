import { describe, expect, it } from "vitest";
import { dossierFiles, dossierIndexRows, safeName } from "~/domain/dossier";
import { crc32 } from "~/infra/zip.server";

const doc = (title: string, originalName: string, stepKey: string) => ({
  title,
  originalName,
  stepKey,
  sha256: "a".repeat(64),
  sizeBytes: 10,
});

describe("the dossier's layout", () => {
  const steps = [
    { key: "candidatura", date: "2022-11-10", title: "Candidatura inviata" },
    { key: "decreto:1", date: "2023-01-20", title: "Decreto di finanziamento n. 12/2023" },
  ];

  it("puts each document in its step's folder, in story order, the others last", () => {
    const files = dossierFiles(steps, [
      doc("Altro", "nota.pdf", "altro"),
      doc("Decreto", "decreto.pdf.p7m", "decreto:1"),
      doc("Domanda", "domanda.pdf", "candidatura"),
    ]);
    expect(files.map((f) => f.path)).toEqual([
      "01 Candidatura inviata/domanda.pdf",
      "02 Decreto di finanziamento n. 12_2023/decreto.pdf.p7m",
      "Altri documenti/nota.pdf",
    ]);
    expect(files[0]?.step).toBe("Candidatura inviata del 10/11/2022");
  });

  it("keeps two files of one name apart, whatever their case", () => {
    const files = dossierFiles(steps, [
      doc("A", "Domanda.pdf", "candidatura"),
      doc("B", "domanda.pdf", "candidatura"),
      doc("C", "domanda.pdf", "candidatura"),
    ]);
    expect(files.map((f) => f.path)).toEqual([
      "01 Candidatura inviata/Domanda.pdf",
      "01 Candidatura inviata/domanda (2).pdf",
      "01 Candidatura inviata/domanda (3).pdf",
    ]);
  });

  it("never lets a name climb out of its folder or upset Windows", () => {
    expect(safeName('a:b*c?"d<e>f|g\\h/i')).toBe("a_b_c__d_e_f_g_h_i");
    expect(safeName("..")).toBe("_");
    expect(safeName("nome. ")).toBe("nome");
  });

  it("indexes each file in Italian, with size and hash", () => {
    const rows = dossierIndexRows(dossierFiles(steps, [doc("Domanda", "d.pdf", "candidatura")]));
    expect(rows).toEqual([
      ["Passaggio", "Titolo", "File", "Dimensione (byte)", "SHA-256"],
      [
        "Candidatura inviata del 10/11/2022",
        "Domanda",
        "01 Candidatura inviata/d.pdf",
        10,
        "a".repeat(64),
      ],
    ]);
  });
});

describe("the ZIP writer's checksum", () => {
  it("is the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
