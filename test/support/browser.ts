import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import type { RunningApp } from "./app-server";
import { type DemoRole, signInAs } from "./http";

/** Debian's Chromium; browsers are never downloaded. .ci/run installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium non trovato in ${CHROMIUM}: installarlo con 'apt-get install chromium'`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine has no network but loopback: keep Chromium from calling home.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page signed in as a demo role, collecting the page's errors and console warnings. */
export async function signedInPage(
  browser: Browser,
  app: RunningApp,
  role: DemoRole,
): Promise<{ page: Page; errors: string[] }> {
  const cookie = await signInAs(app, role);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  const [name, value] = cookie.split("=") as [string, string];
  await page.context().addCookies([{ name, value, url: app.url }]);
  return { page, errors };
}

/**
 * Prints a page on A4 as Chromium does: the elements that pass the printable width (with
 * `marginMm` on each side), and each printed page's size in points.
 */
export async function printOnA4(
  page: Page,
  url: string,
  orientation: "portrait" | "landscape",
  marginMm: number,
): Promise<{ overflowing: string[]; pageSizes: [number, number][] }> {
  await page.goto(url);
  await page.emulateMedia({ media: "print" });
  const paperWidthMm = orientation === "portrait" ? 210 : 297;
  // In CSS pixels, 96 per inch.
  const printable = Math.floor(((paperWidthMm - 2 * marginMm) / 25.4) * 96);
  await page.setViewportSize({ width: printable, height: orientation === "portrait" ? 1000 : 700 });
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}">`)
      .slice(0, 5);
  });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const pageSizes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    ([, w, h]) => [Math.round(Number(w)), Math.round(Number(h))] as [number, number],
  );
  return { overflowing, pageSizes };
}
