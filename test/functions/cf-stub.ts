/**
 * A minimal stand-in for the `CustomFunctions` global that Excel provides at run time, so the
 * custom functions can be called under jest and their Error codes/messages asserted.
 */
/* global globalThis */
/**
 * As in Excel, a message travels only with #VALUE! and #N/A (CustomFunctions.ErrorCode reference:
 * divisionByZero, invalidNumber, … "a custom error message can't be used"); with any other code the
 * user sees no text, so the stub drops it and a test asserting the message fails.
 */
export class StubCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(code === "#VALUE!" || code === "#N/A" ? message : undefined);
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Installs the stub on globalThis (call before the functions run). */
export function installCustomFunctionsStub(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StubCustomFunctionError,
    ErrorCode,
  };
}

/** Runs `fn` and returns the CustomFunctions.Error it throws; fails the test on anything else. */
export function cfError(fn: () => unknown): StubCustomFunctionError {
  let thrown: unknown = undefined;
  let returned: unknown = undefined;
  try {
    returned = fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined)
    throw new Error(`expected a CustomFunctions.Error, got ${JSON.stringify(returned)}`);
  if (!(thrown instanceof StubCustomFunctionError)) {
    throw new Error(`expected a CustomFunctions.Error, got ${String(thrown)}`);
  }
  return thrown;
}
