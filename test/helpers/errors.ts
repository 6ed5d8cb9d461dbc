/** Assertions on the core's typed errors, shared by the core tests. */
import { InputError } from "../../src/core/errors";

/** Runs `body`, expecting it to throw an InputError; returns it for message checks. */
export function inputError(body: () => unknown): InputError {
  try {
    body();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}
