/**
 * Errors the CLI turns into exit codes (docs/architecture.md, § 5): 2 = bad input, with a one-line Russian message naming the
 * file, sheet, cell or field; 1 = unexpected failure.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
