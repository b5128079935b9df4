import { describe, expect, it } from "vitest";
import { RULES_141_DEADLINES } from "~/domain/avviso-rules";
import { computeDeadlines, deadlineStatus } from "~/domain/deadlines";
import { deadlineFeed } from "~/features/deadlines/calendar.server";
import { deadlineUid, fold, icalendar } from "~/features/deadlines/icalendar";
import { seedDemoData } from "../../scripts/seeds/demo";
import { parseIcs, prop } from "../support/ics";
import { createTempDatabase } from "../support/temp-db";

/** The policy of a request on that day, with the default at-risk window. */
const on = (today: string, atRiskDays = 30) => ({ today, atRiskDays });

const deadlines = computeDeadlines({
  rules: RULES_141_DEADLINES,
  platform: { contract: null, completion: null },
  changes: [],
  small: false,
  notifiedOn: "2023-01-23",
  contractedOn: null,
  concludedOn: null,
  extensions: [{ deadline: "contract", grantedUntil: "2023-12-31" }],
});

function feed(
  generatedAt: string,
  misura = "1.4.1",
  list141 = deadlines,
  reminderDays: readonly number[] = [],
) {
  const list = [list141.contract, list141.completion].flatMap((d) =>
    d
      ? [
          {
            progettoId: 7,
            misura,
            comune: "Santa Margherita Ligure",
            cup: "G51F22003070006",
            deadline: d,
            status: deadlineStatus(d, on("2023-11-01")),
          },
        ]
      : [],
  );
  return icalendar({
    name: "Scadenze PNRR – Comune di Santa Margherita Ligure",
    deadlines: list,
    generatedAt,
    baseUrl: "https://cruscotto.example",
    reminderDays,
  });
}

describe("the deadlines feed", () => {
  it("is a valid calendar with one all-day event per deadline", () => {
    const calendar = parseIcs(feed("2023-11-01T10:00:00.000Z"));
    expect(calendar.name).toBe("VCALENDAR");
    expect(prop(calendar, "VERSION")).toBe("2.0");
    expect(prop(calendar, "PRODID")).toBeDefined();
    const [contract, completion] = calendar.children;
    expect(calendar.children).toHaveLength(2);
    expect(contract?.props.find((p) => p.name === "DTSTART")).toEqual({
      name: "DTSTART",
      params: ";VALUE=DATE",
      value: "20231231",
    });
    expect(prop(contract ?? calendar, "DTEND")).toBe("20240101");
    expect(prop(contract ?? calendar, "DTSTAMP")).toBe("20231101T100000Z");
    expect(prop(contract ?? calendar, "SUMMARY")).toBe(
      "PNRR 1.4.1 – Contrattualizzazione fornitore: Comune di Santa Margherita Ligure",
    );
    expect(prop(contract ?? calendar, "DESCRIPTION")).toContain(
      "Prorogata: la scadenza originaria era il 20/10/2023",
    );
    expect(prop(completion ?? calendar, "DESCRIPTION")).toContain("(stimata)");
  });

  it("names the progetto's measure, and says when the avviso's last date cut a deadline", () => {
    const capped = computeDeadlines({
      rules: { contract: null, completion: null, finalDeadline: "2026-03-31" },
      platform: { contract: "2026-02-28", completion: "2026-09-30" },
      changes: [],
      small: false,
      notifiedOn: null,
      contractedOn: null,
      concludedOn: null,
      extensions: [],
    });
    const calendar = parseIcs(feed("2026-01-10T10:00:00Z", "1.2", capped));
    const [contract, completion] = calendar.children;
    expect(prop(contract ?? calendar, "SUMMARY")).toBe(
      "PNRR 1.2 – Contrattualizzazione fornitore: Comune di Santa Margherita Ligure",
    );
    expect(prop(completion ?? calendar, "DTSTART")).toBe("20260331");
    expect(prop(completion ?? calendar, "DESCRIPTION")).toContain(
      "Limitata alla data ultima fissata per l'avviso",
    );
  });

  it("keeps each deadline's UID when the feed is made again, whatever the date", () => {
    const uids = (text: string) => parseIcs(text).children.map((e) => prop(e, "UID"));
    expect(uids(feed("2023-11-01T10:00:00Z"))).toEqual(uids(feed("2024-02-01T08:30:00Z")));
    expect(uids(feed("2023-11-01T10:00:00Z"))).toEqual([
      deadlineUid(7, "contract"),
      deadlineUid(7, "completion"),
    ]);
  });

  it("alarms at the configured days before each deadline still open", () => {
    const met = computeDeadlines({
      rules: RULES_141_DEADLINES,
      platform: { contract: null, completion: null },
      changes: [],
      small: false,
      notifiedOn: "2023-01-23",
      contractedOn: "2023-06-30",
      concludedOn: null,
      extensions: [],
    });
    const calendar = parseIcs(feed("2023-11-01T10:00:00Z", "1.4.1", met, [30, 7, 1, 0]));
    const [contract, completion] = calendar.children;
    // The contract was signed: no alarm for it.
    expect(contract?.children).toEqual([]);
    const alarms = completion?.children ?? [];
    expect(alarms.map((a) => [a.name, prop(a, "ACTION"), prop(a, "TRIGGER")])).toEqual([
      ["VALARM", "DISPLAY", "-P30D"],
      ["VALARM", "DISPLAY", "-P7D"],
      ["VALARM", "DISPLAY", "-P1D"],
      ["VALARM", "DISPLAY", "PT0S"],
    ]);
    expect(prop(alarms[1] ?? calendar, "DESCRIPTION")).toBe(
      "Tra 7 giorni: Completamento attività\\, Comune di Santa Margherita Ligure",
    );
    expect(prop(alarms[3] ?? calendar, "DESCRIPTION")).toBe(
      "Oggi: Completamento attività\\, Comune di Santa Margherita Ligure",
    );
    // Without configured days, events carry no alarm.
    expect(parseIcs(feed("2023-11-01T10:00:00Z", "1.4.1", met)).children[1]?.children).toEqual([]);
  });

  it("carries the configured reminder days in a comune's feed", () => {
    const t = createTempDatabase();
    try {
      seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
      const id = t.sqlite
        .prepare<[], { id: number }>("select id from comune where name = 'Castel Prova'")
        .get()?.id;
      const body = deadlineFeed(
        {
          db: t.db,
          policy: { today: "2026-12-05", atRiskDays: 30 },
          config: { reminderDays: [14, 2] },
        },
        { comuneId: id ?? 0 },
        "Scadenze PNRR – Comune di Castel Prova",
        "https://cruscotto.example",
      );
      const events = parseIcs(body).children;
      expect(events.length).toBeGreaterThan(0);
      for (const event of events)
        expect(event.children.map((a) => prop(a, "TRIGGER"))).toEqual(["-P14D", "-P2D"]);
    } finally {
      t.cleanup();
    }
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"à".repeat(60)}`;
    const folded = fold(line);
    for (const part of folded.split("\r\n"))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replaceAll("\r\n ", "")).toBe(line);
  });
});
