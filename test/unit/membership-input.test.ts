import { describe, expect, it } from "vitest";
import { MembershipInput } from "~/forms/membership-input";

describe("the Unione member form", () => {
  it("reads a removal by plain id and an addition by name", () => {
    expect(MembershipInput.parse({ intent: "remove", comuneId: "12" })).toEqual({
      intent: "remove",
      comuneId: 12,
    });
    expect(MembershipInput.parse({ intent: "add", comune: "  Pisa " })).toEqual({
      intent: "add",
      comune: "Pisa",
    });
  });

  it.each([
    [{ intent: "remove", comuneId: "0x8" }],
    [{ intent: "remove", comuneId: "" }],
    [{ intent: "add", comune: "   " }],
    [{ intent: "add", comune: "x".repeat(201) }],
    [{ intent: "delete", comune: "Pisa" }],
    [{}],
  ])("refuses %j with a message", (form) => {
    const parsed = MembershipInput.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBeTruthy();
  });
});
