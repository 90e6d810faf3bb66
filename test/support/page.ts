import type { Browser } from "puppeteer-core";

/** Shows an SVG on a fresh page of `browser` (no margin) and returns what `inPage` measures there. */
export async function measureOnPage<T>(browser: Browser, svg: string, inPage: () => T): Promise<Awaited<T>> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    return (await page.evaluate(inPage)) as Awaited<T>;
  } finally {
    await page.close();
  }
}
