import { describe, expect, it } from "vitest";
import {
  activitiesConcludedOn,
  FLOW_KINDS,
  SERVIZI,
  servicesInForce,
  servizioById,
} from "~/domain/services";

describe("the services catalogue", () => {
  it("numbers the 26 services 1 to 26 as the avviso does", () => {
    expect(SERVIZI.map((s) => s.id)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(servizioById(21).name).toBe(
      "Presentare domanda di partecipazione ad un concorso pubblico",
    );
    expect(servizioById(25).name).toBe("Richiedere l'accesso agli atti");
    expect(() => servizioById(27)).toThrow(RangeError);
  });

  it("gives each service one of the five flow kinds, and uses all five", () => {
    expect(new Set(SERVIZI.map((s) => s.flowKind))).toEqual(new Set(Object.keys(FLOW_KINDS)));
  });
});

describe("services in force", () => {
  it("applies Santa Margherita Ligure's swap of concorso pubblico for accesso agli atti", () => {
    expect(
      servicesInForce([21, 16, 20, 13], [{ decidedOn: null, removed: [21], added: [25] }]),
    ).toEqual([13, 16, 20, 25]);
  });

  it("applies substitutions in the order they were decided", () => {
    const later = { decidedOn: "2023-09-01", removed: [25], added: [7] };
    const earlier = { decidedOn: "2023-06-01", removed: [21], added: [25] };
    expect(servicesInForce([21, 13], [later, earlier])).toEqual([7, 13]);
  });
});

describe("completion of the activities", () => {
  const facts = {
    siteOnlineOn: "2023-06-30",
    servicesOnline: new Map([
      [13, "2023-08-01"],
      [16, "2023-08-20"],
    ]),
    checklistSubmittedOn: "2023-08-10",
  };

  it("is the date of the last step once the site, every service and the checklist are done", () => {
    expect(activitiesConcludedOn([13, 16], facts)).toBe("2023-08-20");
  });

  it("has not happened while a service in force is not online", () => {
    expect(activitiesConcludedOn([13, 16, 25], facts)).toBeNull();
    expect(activitiesConcludedOn([13], { ...facts, checklistSubmittedOn: null })).toBeNull();
  });

  it("for a measure without services (1.2, 1.3.1, 1.4.3…) is the request to complete", () => {
    const none = { siteOnlineOn: null, servicesOnline: new Map(), checklistSubmittedOn: null };
    expect(activitiesConcludedOn([], none)).toBeNull();
    expect(activitiesConcludedOn([], { ...none, completionRequestedOn: "2024-01-20" })).toBe(
      "2024-01-20",
    );
    // A 1.4.1 progetto still needs its site, services and checklist: a request alone is not it.
    expect(
      activitiesConcludedOn([13, 16, 25], { ...facts, completionRequestedOn: "2023-09-01" }),
    ).toBeNull();
  });
});
