// @vitest-environment jsdom
/**
 * The add-in manifest: schema-valid (the Office XSDs, via xmllint) for the development manifest, for a manifest
 * rewritten to a production URL, and for the built dist/manifest.xml; plus what the XSD cannot see — the ribbon
 * button, a real GUID, Russian names with an English override, every resid defined, icons that exist at their
 * stated size, no localhost left in a production manifest.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateManifestFile } from "../../scripts/validate-manifest.mjs";
import { DEV_BASE, normaliseBaseUrl, rewriteManifest } from "../../scripts/manifest-url.mjs";
import { EXCEL_API_MIN } from "../../src/taskpane/excelPort";

const ROOT = path.resolve(__dirname, "../..");
const DEV_MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml");
}

function byLocalName(doc: Document | Element, name: string): Element[] {
  return [...doc.getElementsByTagName("*")].filter((e) => e.localName === name);
}

/** All absolute URLs in the manifest (attribute values and AppDomain texts). */
function urls(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.startsWith("http://schemas.microsoft.com") && !u.startsWith("http://www.w3.org"));
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file a manifest URL refers to inside a folder served at base. */
function fileFor(url: string, base: string, folder: string): string {
  expect(url.startsWith(base), `${url} начинается с ${base}`).toBe(true);
  return path.join(folder, url.slice(base.length));
}

function validates(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "zhku-manifest-"));
  const file = path.join(dir, "manifest.xml");
  writeFileSync(file, xml);
  return validateManifestFile(file);
}

describe("manifest.xml (development)", () => {
  const doc = parse(DEV_MANIFEST);

  it("validates against the Office add-in manifest schema", () => {
    const r = validateManifestFile(path.join(ROOT, "manifest.xml"));
    expect(r.output).toContain("validates");
    expect(r.ok).toBe(true);
  });

  it("is a taskpane add-in for Excel workbooks with a stable GUID, ExcelApi as stated by the Office.js adapter", () => {
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(byLocalName(doc, "Id")[0].textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(byLocalName(doc, "Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
    const set = byLocalName(doc, "Set")[0];
    expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", EXCEL_API_MIN]);
    expect(EXCEL_API_MIN).toBe("1.9");
  });

  it("has a Russian name and description with an en-US override", () => {
    expect(byLocalName(doc, "DefaultLocale")[0].textContent).toBe("ru-RU");
    const name = byLocalName(doc, "DisplayName")[0];
    expect(name.getAttribute("DefaultValue")).toBe("Взыскание ЖКУ");
    expect(byLocalName(name, "Override")[0].getAttribute("Locale")).toBe("en-US");
    const description = byLocalName(doc, "Description")[0];
    expect(description.getAttribute("DefaultValue")).toMatch(/судебный приказ/);
    expect(byLocalName(description, "Override")[0].getAttribute("Locale")).toBe("en-US");
  });

  it("puts a «Взыскание ЖКУ» button in its own group on the Home tab that opens the taskpane", () => {
    const tab = byLocalName(doc, "OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const groups = byLocalName(tab, "Group");
    expect(groups).toHaveLength(1);
    const control = byLocalName(groups[0], "Control")[0];
    expect(control.getAttribute("xsi:type")).toBe("Button");
    const labelId = byLocalName(control, "Label")[0].getAttribute("resid");
    const label = byLocalName(doc, "String").find((s) => s.getAttribute("id") === labelId);
    expect(label?.getAttribute("DefaultValue")).toBe("Взыскание ЖКУ");
    const action = byLocalName(control, "Action")[0];
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const urlId = byLocalName(action, "SourceLocation")[0].getAttribute("resid");
    const url = byLocalName(doc, "Url").find((u) => u.getAttribute("id") === urlId);
    expect(url?.getAttribute("DefaultValue")).toBe(`${DEV_BASE}taskpane.html`);
  });

  it("defines every resid it uses", () => {
    const defined = new Set(
      ["Image", "Url", "String"].flatMap((n) => byLocalName(doc, n).map((e) => e.getAttribute("id"))).filter(Boolean),
    );
    const used = [...doc.getElementsByTagName("*")].map((e) => e.getAttribute("resid")).filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(8);
    for (const id of used) expect(defined.has(id), `resid ${id}`).toBe(true);
  });

  it("points only at https://localhost:3000 during development, and its icons exist at the stated sizes", () => {
    for (const u of urls(DEV_MANIFEST)) expect(u.startsWith("https://localhost:3000")).toBe(true);
    for (const img of byLocalName(doc, "Image").filter((e) => e.getAttribute("id"))) {
      const file = fileFor(img.getAttribute("DefaultValue") ?? "", DEV_BASE, ROOT);
      const size = Number(/(\d+)x\d+/.exec(img.getAttribute("id") ?? "")?.[1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(
      pngSize(fileFor(byLocalName(doc, "IconUrl")[0].getAttribute("DefaultValue") ?? "", DEV_BASE, ROOT)).width,
    ).toBe(32);
    expect(
      pngSize(fileFor(byLocalName(doc, "HighResolutionIconUrl")[0].getAttribute("DefaultValue") ?? "", DEV_BASE, ROOT))
        .width,
    ).toBe(64);
    expect(pngSize(path.join(ROOT, "assets/icon-128.png")).width).toBe(128);
  });
});

describe("production URL rewrite", () => {
  it("moves every URL under the hosting address, sets the AppDomain to its origin, and still validates", () => {
    const xml = rewriteManifest(DEV_MANIFEST, "https://example.org/zhku");
    expect(xml).not.toContain("localhost");
    const all = urls(xml);
    expect(all.length).toBeGreaterThan(8);
    for (const u of all) expect(u === "https://example.org" || u.startsWith("https://example.org/zhku/"), u).toBe(true);
    expect(xml).toContain("<AppDomain>https://example.org</AppDomain>");
    expect(xml).toContain('DefaultValue="https://example.org/zhku/taskpane.html"');
    expect(validates(xml).ok).toBe(true);
  });

  it("refuses a non-HTTPS or malformed hosting address with a Russian message", () => {
    expect(() => normaliseBaseUrl("http://example.org/")).toThrow(/https:\/\//);
    expect(() => normaliseBaseUrl("example.org")).toThrow(/не является URL/);
    expect(normaliseBaseUrl("https://files.uk.local:8443/addin")).toBe("https://files.uk.local:8443/addin/");
  });
});

const DIST = path.join(ROOT, "dist");
const built = existsSync(path.join(DIST, "manifest.xml")) && existsSync(path.join(DIST, "build-info.json"));

describe.runIf(built)("dist/manifest.xml (after npm run build)", () => {
  const xml = built ? readFileSync(path.join(DIST, "manifest.xml"), "utf8") : "";
  const info = built
    ? (JSON.parse(readFileSync(path.join(DIST, "build-info.json"), "utf8")) as { baseUrl: string; mode: string })
    : null;

  it("validates against the schema", () => {
    expect(validateManifestFile(path.join(DIST, "manifest.xml")).ok).toBe(true);
  });

  it("points only at the URL it was built for, and every file it names is in dist/", () => {
    const base = info!.baseUrl;
    if (base !== DEV_BASE) expect(xml).not.toContain("localhost");
    const origin = new URL(base).origin;
    for (const u of urls(xml)) {
      if (u === origin) continue;
      expect(existsSync(fileFor(u, base, DIST)), u).toBe(true);
    }
  });
});
