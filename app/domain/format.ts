/** Italian formats, written by hand so server and browser render identical text. */

/** 15523400 → "€ 155.234,00" */
export function formatEuro(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Importo non intero in centesimi: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const units = groupThousands(Math.floor(abs / 100));
  const decimals = String(abs % 100).padStart(2, "0");
  return `${sign}€ ${units},${decimals}`;
}

/** 155234 → "155.234" */
export function formatInteger(value: number): string {
  return (value < 0 ? "-" : "") + groupThousands(Math.abs(Math.trunc(value)));
}

function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** "2023-01-23" → "23/01/2023" */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`Data non valida: ${iso}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** File sizes as the comuni's public pages show them: 113428 → "110,77 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(2).replace(".", ",")} ${units[unit]}`;
}

/** Chart axes: 123456789 cents → "€ 1,2 mln"; 35000000 → "€ 350 mila". */
export function formatEuroShort(cents: number): string {
  const euro = cents / 100;
  const oneDecimal = (value: number) =>
    (Math.round(value * 10) / 10).toFixed(value >= 10 ? 0 : 1).replace(".", ",");
  if (Math.abs(euro) >= 1e9) return `€ ${oneDecimal(euro / 1e9)} mld`;
  if (Math.abs(euro) >= 1e6) return `€ ${oneDecimal(euro / 1e6)} mln`;
  if (Math.abs(euro) >= 1e3) return `€ ${formatInteger(Math.round(euro / 1e3))} mila`;
  return `€ ${formatInteger(Math.round(euro))}`;
}

/** 42.5 → "42,5%" */
export function formatPercent(value: number): string {
  return `${String(value).replace(".", ",")}%`;
}

const MONTHS = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];

/** Month index 0-11 and year → "mar 2024", as chart axes and tables show months. */
export function formatMonth(monthIndex: number, year: number): string {
  return `${MONTHS[monthIndex] ?? monthIndex + 1} ${year}`;
}
