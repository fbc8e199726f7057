/**
 * The add-in's notes merged into notes the user already has on a sheet (a comments part and its VML drawing as
 * Excel writes them): each changed note is one spliced <comment> and one spliced <v:shape>; the user's other
 * notes, their text, authors and boxes stay byte for byte. Anything unexpected is reported, not guessed.
 */
import { columnLetter } from "../../../domain/grid";
import { escapeXml, findElement, getAttr, type Splice, applySplices } from "./xml";
import { noteShape, type Note } from "./notes";

const AUTHOR = "Взыскание ЖКУ";
const SHAPES_PER_BLOCK = 1024;

export type NoteChange = Note | { row: number; col: number; text: null };

function commentText(text: string): string {
  return `<text><r><t xml:space="preserve">${escapeXml(text)}</t></r></text>`;
}

/** The <v:shape> of the note on (row, col), found by its x:Row / x:Column. */
function findShape(vml: string, row: number, col: number): { start: number; end: number } | null {
  const re = /<v:shape\b[\s\S]*?<\/v:shape>/g;
  for (let m = re.exec(vml); m; m = re.exec(vml)) {
    if (m[0].includes(`<x:Row>${row}</x:Row>`) && m[0].includes(`<x:Column>${col}</x:Column>`))
      return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

export function mergeUserNotes(
  comments: string,
  vml: string,
  changes: Iterable<NoteChange>,
): { comments: string; vml: string } | { problem: string } {
  const list = findElement(comments, "commentList");
  const authors = findElement(comments, "authors");
  if (!list || list.selfClosing || !authors || authors.selfClosing || !vml.includes('id="_x0000_t202"'))
    return { problem: "примечания пользователя записаны необычно" };
  const blocks = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(vml)?.[1].split(",").map(Number) ?? [];
  if (blocks.length === 0) return { problem: "примечания пользователя записаны необычно" };
  const used = [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(...blocks.map((b) => b * SHAPES_PER_BLOCK), ...used) + 1;
  const lastId = (Math.max(...blocks) + 1) * SHAPES_PER_BLOCK;

  const authorNames = [...comments.slice(authors.openEnd, authors.end).matchAll(/<author>([\s\S]*?)<\/author>/g)];
  let authorId = authorNames.findIndex((a) => a[1] === AUTHOR);
  const cSplices: Splice[] = [];
  if (authorId < 0) {
    authorId = authorNames.length;
    cSplices.push({ at: authors.end - "</authors>".length, remove: 0, insert: `<author>${AUTHOR}</author>` });
  }
  const vSplices: Splice[] = [];
  const vmlEnd = vml.lastIndexOf("</xml>");
  if (vmlEnd < 0) return { problem: "примечания пользователя записаны необычно" };
  for (const change of changes) {
    const ref = `${columnLetter(change.col)}${change.row + 1}`;
    let existing = null as ReturnType<typeof findElement>;
    for (let el = findElement(comments, "comment", list.openEnd); el; el = findElement(comments, "comment", el.end))
      if (getAttr(el.tag, "ref") === ref) existing = el;
    const shape = findShape(vml, change.row, change.col);
    if (change.text === null) {
      if (!existing || !shape) return { problem: `примечание ${ref} не найдено` };
      cSplices.push({ at: existing.start, remove: existing.end - existing.start, insert: "" });
      vSplices.push({ at: shape.start, remove: shape.end - shape.start, insert: "" });
    } else if (existing) {
      const text = findElement(comments, "text", existing.openEnd);
      if (!text || text.start > existing.end) return { problem: `примечание ${ref} записано необычно` };
      cSplices.push({ at: text.start, remove: text.end - text.start, insert: commentText(change.text) });
    } else {
      if (nextId > lastId) return { problem: "на листе слишком много примечаний" };
      const el = `<comment ref="${ref}" authorId="${authorId}">${commentText(change.text)}</comment>`;
      cSplices.push({ at: list.end - "</commentList>".length, remove: 0, insert: el });
      vSplices.push({ at: vmlEnd, remove: 0, insert: noteShape(change, nextId, nextId) });
      nextId++;
    }
  }
  return { comments: applySplices(comments, cSplices), vml: applySplices(vml, vSplices) };
}
