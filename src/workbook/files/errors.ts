/** A file the page or the CLI cannot open as a table: the message is Russian and names the file. */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileFormatError";
  }
}
