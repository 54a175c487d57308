/**
 * A stand-in for the custom-functions runtime (`CustomFunctions.Error`, `ErrorCode`): just enough for
 * the wrappers to build their errors, so tests can check the code and the message.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const runtime = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
type Globals = { CustomFunctions?: unknown };

/** Installs the stand-in as the global `CustomFunctions` for the tests of one file. */
export function useFakeCustomFunctions(): void {
  beforeAll(() => {
    (globalThis as Globals).CustomFunctions = runtime;
  });
  afterAll(() => {
    delete (globalThis as Globals).CustomFunctions;
  });
}

/** The Excel error a function throws (synchronously or by rejecting). */
export async function excelError(f: () => unknown): Promise<FakeCustomFunctionsError> {
  try {
    await f();
  } catch (err) {
    if (err instanceof FakeCustomFunctionsError) return err;
    throw err;
  }
  throw new Error("expected the function to fail with an Excel error");
}
