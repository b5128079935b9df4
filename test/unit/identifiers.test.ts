import { describe, expect, it } from "vitest";
import {
  isValidCig,
  isValidCup,
  isValidPartitaIva,
  normalizeCig,
  normalizeCode,
  normalizeCup,
  normalizeIpa,
  normalizeIstat,
  normalizePartitaIva,
} from "~/domain/identifiers";
import { euroInputValue, parseEuroInput } from "~/domain/money";

describe("CUP", () => {
  it.each([
    ["G51F22003070006", true],
    ["D11F22000360006", true],
    ["G51F2200307000", false],
    ["G51F220030700066", false],
    ["g51f22003070006", false],
    ["G51F22003070-06", false],
    // Any 15 letters and digits are not a CUP: the structure is letter, 2 digits, letter, 11 digits.
    ["ABCDEFGHIJKLMNO", false],
    ["123456789012345", false],
    ["GG1F22003070006", false],
    ["G51122003070006", false],
    ["G51F2200307000A", false],
    ["E71F22000240006", true],
  ])("%s valid: %s", (cup, valid) => expect(isValidCup(cup)).toBe(valid));

  it("is normalized from what people paste", () => {
    expect(normalizeCode(" g51f 2200 3070 006 ")).toBe("G51F22003070006");
  });
});

describe("CIG", () => {
  it.each([
    ["Z0A1B2C3D4", true],
    ["9876543210", true],
    ["Z0A1B2C3D", false],
    ["Z0A1B2C3D45", false],
    ["Z0A1B2C3D!", false],
    // Standard: 7 digits and 3 hexadecimal characters.
    ["8915724AB3", true],
    ["8915724AG3", false],
    ["891572AAB3", false],
    // Smart CIG (V-Z) and PCP CIG (A-U): a letter and 9 hexadecimal characters.
    ["ZB12345678", true],
    ["B0123ABCDE", true],
    ["Z0A1B2C3G4", false],
    ["ABCDEFGHIJ", false],
  ])("%s valid: %s", (cig, valid) => expect(isValidCig(cig)).toBe(valid));
});

describe("partita IVA", () => {
  it.each([
    ["00000010009", true],
    ["00000020008", true],
    ["00488410010", true],
    ["00000010003", false],
    ["0048841001", false],
    ["0048841001A", false],
  ])("%s valid: %s", (vat, valid) => expect(isValidPartitaIva(vat)).toBe(valid));

  it("drops an IT prefix and spaces", () => {
    expect(normalizePartitaIva("IT 00488410010")).toBe("00488410010");
  });
});

describe("amounts typed in a form", () => {
  it.each([
    ["155.234,00", 15_523_400],
    ["155234", 15_523_400],
    ["€ 155.234", 15_523_400],
    ["155234,5", 15_523_450],
    ["155234.50", 15_523_450],
    ["1.234.567,89", 123_456_789],
    ["0,99", 99],
  ])("%s is %i cents", (text, cents) => expect(parseEuroInput(text)).toBe(cents));

  it.each(["", "abc", "1,2,3", "12.34.56", "155.23,00", "-5", "1,234"])(
    "%s is not an amount",
    (text) => {
      expect(parseEuroInput(text)).toBeNull();
    },
  );

  it("shows cents back the Italian way", () => {
    expect(euroInputValue(15_523_400)).toBe("155.234,00");
    expect(euroInputValue(5)).toBe("0,05");
    expect(euroInputValue(null)).toBe("");
  });
});

describe("one normalisation of codes, for forms and the import", () => {
  it("writes a CUP or CIG as the registry does, whatever was pasted", () => {
    expect(normalizeCup(" g51f 2200 3070006 ")).toBe("G51F22003070006");
    expect(normalizeCig("z1a 2b3c4d5")).toBe("Z1A2B3C4D5");
  });

  it("writes an IPA code in lower case, as the index does", () => {
    expect(normalizeIpa(" C_I225 ")).toBe("c_i225");
  });

  it("restores the leading zeros of an ISTAT code and reads N/D as none", () => {
    expect(normalizeIstat("1001")).toBe("001001");
    expect(normalizeIstat("010054")).toBe("010054");
    expect(normalizeIstat("N/D")).toBeNull();
    expect(normalizeIstat("nd")).toBeNull();
    expect(normalizeIstat("")).toBeNull();
    expect(normalizeIstat("12A456")).toBeUndefined();
    expect(normalizeIstat("1234567")).toBeUndefined();
  });
});
