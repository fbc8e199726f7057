/**
 * The last children of CT_Worksheet in the order the schema requires (ECMA-376 Part 1, 18.3.1.99): an element the
 * add-in inserts (a drawing for its chart, a legacy drawing for its notes) goes before the first that follows it.
 */
const WORKSHEET_TAIL = [
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The worksheet children that must come after `name`. */
export function worksheetChildrenAfter(name: "drawing" | "legacyDrawing"): ReadonlySet<string> {
  return new Set(WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(name) + 1));
}
