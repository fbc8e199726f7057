/**
 * The packaged library predates worksheet notes (ExcelApi 1.18): NOTES_SHIM adds Worksheet.notes, NoteCollection
 * and Note built with the library's own BatchApiHelper, exactly as its generated code builds Worksheet.comments,
 * so a note request is serialized like every other call. Evaluated after the library, in jsdom or in the page.
 */
/**
 * Worksheet.notes (ExcelApi 1.18) in the library's own idiom: a navigation property "Notes", NoteCollection with
 * Add / GetItem (indexer) / GetItemOrNullObject, Note with the Content property and Delete.
 */
export const NOTES_SHIM = `
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
