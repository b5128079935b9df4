import { describe, expect, it } from "vitest";
import {
  type ConformityStatus,
  checklistItems,
  describeReadiness,
  itemKey,
  readiness,
  SERVICE_CRITERIA,
  SITE_CRITERIA,
} from "~/domain/conformity";
import { readChecklistInput } from "~/forms/conformity-input";

describe("the checklist", () => {
  it("asks every site criterion once and every service criterion per service", () => {
    const items = checklistItems([13, 25]);
    expect(items).toHaveLength(SITE_CRITERIA.length + 2 * SERVICE_CRITERIA.length);
    expect(items[0]).toEqual({ criterion: "C.SI.1.1", servizioId: null });
    expect(items.filter((i) => i.criterion === "C.SE.2.1").map((i) => i.servizioId)).toEqual([
      13, 25,
    ]);
    expect(new Set(items.map(itemKey)).size).toBe(items.length);
  });

  it("is ready only when nothing fails and nothing is left to check", () => {
    const items = checklistItems([13]);
    const all = (status: ConformityStatus) => new Map(items.map((i) => [itemKey(i), status]));
    expect(readiness(items, all("conforme")).ready).toBe(true);
    const tolerated = all("conforme");
    tolerated.set("C.SI.4.1@sito", "tollerato");
    expect(readiness(items, tolerated)).toMatchObject({ ready: true, tollerato: 1 });
    const failing = all("conforme");
    failing.set("C.SE.2.1@13", "non-conforme");
    expect(readiness(items, failing)).toMatchObject({ ready: false, failing: 1 });
    const empty = readiness(items, new Map());
    expect(empty).toMatchObject({ ready: false, open: items.length, conforme: 0 });
    expect(describeReadiness(empty)).toBe(
      `Non pronto: 0 su ${items.length} a posto, ${items.length} da verificare`,
    );
    expect(describeReadiness(readiness(items, all("conforme")))).toBe("Pronto per l'invio");
  });
});

describe("the checklist form", () => {
  const items = checklistItems([13]);
  it("reads addresses, statuses and notes, and never a password", () => {
    const result = readChecklistInput(
      {
        siteUrl: "https://www.comune.esempio.it",
        servicesUrl: "",
        "serviceUrl:13": "https://servizi.comune.esempio.it/multe",
        testCredentialsSupplied: "on",
        "status:C.SI.1.1@sito": "conforme",
        "note:C.SI.1.1@sito": "  verificato a mano ",
        "evidence:C.SI.1.1@sito": "https://www.comune.esempio.it/",
      },
      items,
      [13],
    );
    expect("input" in result).toBe(true);
    if (!("input" in result)) return;
    expect(result.input.siteUrl).toBe("https://www.comune.esempio.it/");
    expect(result.input.servicesUrl).toBeNull();
    expect(result.input.testCredentialsSupplied).toBe(true);
    expect(result.input.items.get("C.SI.1.1@sito")).toEqual({
      status: "conforme",
      note: "verificato a mano",
      evidenceUrl: "https://www.comune.esempio.it/",
    });
    expect(result.input.items.get("C.SI.1.2@sito")?.status).toBe("da-verificare");
  });

  it("refuses what is not a web address and an unknown status, field by field", () => {
    const result = readChecklistInput(
      {
        siteUrl: "www senza schema",
        "status:C.SI.1.1@sito": "forse",
        "evidence:C.SI.1.2@sito": "javascript:alert(1)",
      },
      items,
      [13],
    );
    expect(result).toEqual({
      errors: {
        siteUrl: "Inserire un indirizzo web completo, per esempio https://www.comune.esempio.it",
        "status:C.SI.1.1@sito": "Stato non valido",
        "evidence:C.SI.1.2@sito":
          "Inserire un indirizzo web completo, per esempio https://www.comune.esempio.it",
      },
    });
  });
});
