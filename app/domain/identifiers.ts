/**
 * Italian identifiers — CUP, CIG, partita IVA, codice IPA, codice ISTAT — and the one way
 * each is normalised, used by the forms and by the open-data import alike.
 */

/**
 * CUP: 15 characters — a letter, two digits, a letter, the two digits of the year of the
 * decision, then nine digits (progressive and check digits), e.g. G51F22003070006. The
 * grouping is the one Wikipedia gives for the published example "C 1 1 G 06 00000 000 1"
 * (it.wikipedia.org/wiki/Codice_unico_di_progetto, after the CIPE deliberations); all 1,664
 * CUP of the PA digitale 2026 open data of Misura 1.4.1 (sample of January 2025) fit it.
 */
export function isValidCup(value: string): boolean {
  return /^[A-Z][0-9]{2}[A-Z][0-9]{11}$/.test(value);
}

/**
 * CIG: 10 characters in one of ANAC's three published forms, as the administrative
 * courts' filing system (PAT, "rito appalti") checks them: standard, 7 digits and 3
 * hexadecimal characters; smart CIG, a letter V-Z and 9 hexadecimal characters; CIG of the
 * national platform (PCP, since 2024), a letter A-U and 9 hexadecimal characters.
 */
export function isValidCig(value: string): boolean {
  return /^(?:[0-9]{7}[0-9A-F]{3}|[A-Z][0-9A-F]{9})$/.test(value);
}

/**
 * Partita IVA: 11 digits, the last a check digit (Luhn-like: digits in even positions are
 * doubled, minus 9 when over 9).
 */
export function isValidPartitaIva(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(value[i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}

/** What people paste: spaces, lower case, an "IT" prefix on a VAT number. */
export function normalizeCode(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export function normalizePartitaIva(value: string): string {
  const compact = normalizeCode(value);
  return compact.startsWith("IT") ? compact.slice(2) : compact;
}

/** CUP and CIG as typed or published: spaces dropped, upper case. */
export const normalizeCup = normalizeCode;
export const normalizeCig = normalizeCode;

/** codice IPA: the index writes it in lower case ("c_i225"); files come in mixed case. */
export function normalizeIpa(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * codice ISTAT of a comune: six digits, the leading zeros that spreadsheets drop restored.
 * null for "N/D" or empty (a comune suppressed after it applied); undefined when invalid.
 */
export function normalizeIstat(value: string): string | null | undefined {
  const text = value.trim();
  if (text === "" || /^n\/?d$/i.test(text)) return null;
  return /^\d{4,6}$/.test(text) ? text.padStart(6, "0") : undefined;
}
