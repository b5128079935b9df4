import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).not.toContain("correct horse battery");
    await expect(verifyPassword("correct horse battery", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterx", hash)).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([
      hashPassword("stessa-password"),
      hashPassword("stessa-password"),
    ]);
    expect(a).not.toBe(b);
  });

  it("rejects stored values it does not recognise", async () => {
    await expect(verifyPassword("x", "md5$abc")).resolves.toBe(false);
    await expect(verifyPassword("x", "")).resolves.toBe(false);
  });

  it("generates readable one-time passwords long enough for the policy", () => {
    const password = generatePassword();
    expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(generatePassword()).not.toBe(password);
  });
});
