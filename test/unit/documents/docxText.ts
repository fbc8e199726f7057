/** Reads a .docx back for tests: unzip with fflate, the text of word/document.xml paragraph by paragraph. */
import { strFromU8, unzipSync } from "fflate";

export function docxXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("word/document.xml missing: not a .docx");
  return strFromU8(xml);
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Paragraph texts in document order (table cells are paragraphs too). */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = docxXml(bytes);
  const out: string[] = [];
  for (const p of xml.split(/<w:p[ >]/).slice(1)) {
    const texts = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]));
    out.push(texts.join(""));
  }
  return out;
}

export function docxText(bytes: Uint8Array): string {
  return docxParagraphs(bytes).join("\n");
}

/** The texts of runs highlighted yellow (the gaps the clerk must fill). */
export function docxHighlighted(bytes: Uint8Array): string[] {
  const xml = docxXml(bytes);
  const out: string[] = [];
  for (const r of xml.split("<w:r>").slice(1)) {
    if (!/<w:highlight w:val="yellow"\/>/.test(r)) continue;
    const m = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(r);
    if (m) out.push(unescapeXml(m[1]));
  }
  return out;
}

/** Media files (images) inside the .docx. */
export function docxMedia(bytes: Uint8Array): Record<string, Uint8Array> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith("word/media/")));
}
