/** The errors the fake host raises: the shape of OfficeExtension.Error ({code, message}). */

export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
