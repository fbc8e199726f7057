/**
 * The real Office.js Excel client library (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, the
 * script Excel on the web runs in the taskpane) loaded into a jsdom window, so tests can see the exact request
 * bodies it builds. Each RequestContext's `_requestExecutor` is replaced: that is the one place where the library
 * hands a serialized request to the host, and where the host's response comes back.
 *
 * The packaged library predates worksheet notes (ExcelApi 1.18): `installNotes` adds Worksheet.notes, NoteCollection
 * and Note built with the library's own BatchApiHelper, exactly as its generated code builds Worksheet.comments,
 * so a note request is serialized like every other call.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

/** jsdom ships no typings; the one constructor used here. */
const { JSDOM } = createRequire(import.meta.url)("jsdom") as {
  JSDOM: new (html: string, options: { runScripts: "outside-only"; url: string }) => { window: unknown };
};

const LIBRARY = path.resolve(process.cwd(), "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

/** The request message the library hands to its executor: Body is what travels to Excel as JSON. */
export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** What the host answers: results per action id, or an error (code and message as Excel sends them). */
export interface ResponseMessage {
  ErrorCode: string | null;
  HttpStatusCode: number;
  Headers: Record<string, string>;
  Body: {
    Results?: { ActionId: number; Value: unknown }[];
    Error?: { Code: string; Message: string; HttpStatusCode: number; ActionIndex?: number; Location?: string };
  };
}

export type Executor = (message: RequestMessage) => Promise<ResponseMessage>;

/** The window's Office.js namespaces (typed loosely: this is the library's runtime, not its typings). */
export interface RealOfficeJs {
  window: Window & typeof globalThis;
  Excel: {
    RequestContext: new () => Excel.RequestContext;
    run<T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
}

let loaded: RealOfficeJs | null = null;

/** The library, loaded once per test file (about 3 MB of script). */
export function loadRealOfficeJs(): RealOfficeJs {
  if (loaded) return loaded;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const win = dom.window as unknown as Window & typeof globalThis & { eval(src: string): unknown };
  win.eval(fs.readFileSync(LIBRARY, "utf8"));
  win.eval(NOTES_SHIM);
  loaded = { window: win, Excel: (win as unknown as { Excel: RealOfficeJs["Excel"] }).Excel };
  return loaded;
}

/** A fresh RequestContext whose requests go to `executor` instead of a host. */
export function contextWith(executor: Executor): Excel.RequestContext {
  const { Excel } = loadRealOfficeJs();
  const ctx = new Excel.RequestContext();
  (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync: (_customData: unknown, _flags: number, message: RequestMessage) => executor(message),
  };
  return ctx;
}

/** UTF-8 bytes of a request body as it is sent (JSON). */
export function bodyBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body), "utf8");
}

/**
 * Worksheet.notes (ExcelApi 1.18) in the library's own idiom: a navigation property "Notes", NoteCollection with
 * Add / GetItem (indexer) / GetItemOrNullObject, Note with the Content property and Delete.
 */
const NOTES_SHIM = `
(function () {
  var H = OfficeExtension.BatchApiHelper, U = OfficeExtension.Utility, CO = OfficeExtension.ClientObject;
  function extend(C) { C.prototype = Object.create(CO.prototype); C.prototype.constructor = C; return C; }
  var Note = extend(function Note() { CO.apply(this, arguments); });
  Object.defineProperty(Note.prototype, "_className", { get: function () { return "Note"; } });
  Object.defineProperty(Note.prototype, "_scalarPropertyNames", { get: function () { return ["content"]; } });
  Object.defineProperty(Note.prototype, "content", {
    get: function () { U.throwIfNotLoaded("content", this._C, "Note", this._isNull); return this._C; },
    set: function (v) { this._C = v; H.invokeSetProperty(this, "Content", v, 0); }
  });
  Note.prototype.delete = function () { H.invokeMethod(this, "Delete", 0, [], 0, 0); };
  Note.prototype.load = function (o) { return U.load(this, o); };
  Note.prototype._handleResult = function (value) {
    CO.prototype._handleResult.call(this, value);
    if (value === null || value === undefined) return;
    U.fixObjectPathIfNecessary(this, value);
    if (value.Content !== undefined) this._C = value.Content;
  };
  Note.prototype._handleIdResult = function (value) { CO.prototype._handleIdResult.call(this, value); };
  var NoteCollection = extend(function NoteCollection() { CO.apply(this, arguments); });
  Object.defineProperty(NoteCollection.prototype, "_className", { get: function () { return "NoteCollection"; } });
  Object.defineProperty(NoteCollection.prototype, "_isCollection", { get: function () { return true; } });
  NoteCollection.prototype.add = function (cellAddress, content) {
    return H.createMethodObject(Note, this, "Add", 0, [cellAddress, content], false, true, null, 0);
  };
  NoteCollection.prototype.getItem = function (key) { return H.createIndexerObject(Note, this, [key]); };
  NoteCollection.prototype.getItemOrNullObject = function (key) {
    return H.createMethodObject(Note, this, "GetItemOrNullObject", 1, [key], false, false, null, 4);
  };
  Excel.Note = Note; Excel.NoteCollection = NoteCollection;
  Object.defineProperty(Excel.Worksheet.prototype, "notes", {
    get: function () {
      if (!this.m_notes) this.m_notes = H.createPropertyObject(NoteCollection, this, "Notes", true, 4);
      return this.m_notes;
    }
  });
})();
`;
