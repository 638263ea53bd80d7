/** Command-line values checked the same way everywhere: `where` names the command and option. */
import { InvalidInputError } from "../errors.ts";

/** A whole number from 1 to `max` (no upper bound when absent). */
export function wholeNumber(text: string, where: string, max = Infinity): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const range = max === Infinity ? "a positive whole number" : `a whole number from 1 to ${max}`;
    throw new InvalidInputError(`${where} must be ${range}, not '${text}'`);
  }
  return value;
}

/** A score from 0 to 1. */
export function score(text: string, where: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidInputError(`${where} must be a number from 0 to 1, not '${text}'`);
  return value;
}
