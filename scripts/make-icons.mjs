// Draws the add-in's icons (a house with a rouble sign and a gavel-like check bar) as SVG and renders them to PNG
// in headless Chromium. Run once: `node scripts/make-icons.mjs`; the PNGs are committed in assets/.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sizes = [16, 32, 64, 80, 128];

/** The icon on a 64-unit canvas: teal rounded square, white house, rouble sign in the house. */
function svg(size) {
  // Small sizes get a thicker stroke so the shape survives downscaling.
  const stroke = size <= 16 ? 7 : size <= 32 ? 5.5 : 4.5;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect x="1" y="1" width="62" height="62" rx="12" fill="#0F6C5C"/>
  <path d="M10 31 L32 12 L54 31" fill="none" stroke="#FFFFFF" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>
  <path d="M17 29 V53 H47 V29" fill="none" stroke="#FFFFFF" stroke-width="${stroke}" stroke-linejoin="round"/>
  ${
    size >= 32
      ? `<path d="M28 50 V30 H35 A5.5 5.5 0 0 1 35 41 H25 M25 45.5 H36" fill="none" stroke="#FFD24D" stroke-width="${stroke * 0.75}" stroke-linecap="round" stroke-linejoin="round"/>`
      : `<rect x="27" y="36" width="10" height="17" fill="#FFD24D"/>`
  }
</svg>`;
}

const executablePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`Chromium не найден (${executablePath}); установите пакет chromium или задайте CHROME_PATH.`);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    const file = path.join(root, "assets", `icon-${size}.png`);
    await page.locator("svg").screenshot({ path: file, omitBackground: true });
    console.log(`assets/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
