// The grammar of einsum equations, as PyTorch's torch.einsum reads them: terms of letters
// (a–z, A–Z) separated by commas, an optional "->" and output term, at most one "..." per term,
// spaces ignored. Shapes are checked later, by einsum itself.
import { ArgumentError } from "../errors.js";

/** Marks the ellipsis in a term's label list. */
export const ELLIPSIS = -1;

/** One term of the equation: its text and its labels in order (letters as codes, or ELLIPSIS). */
export interface EinsumTerm {
  readonly text: string;
  readonly labels: readonly number[];
}

/** A parsed equation; `output` is null when the equation has no "->" (implicit output). */
export interface EinsumEquation {
  readonly inputs: readonly EinsumTerm[];
  readonly output: EinsumTerm | null;
}

/** A letter's code: A–Z are 0–25, a–z are 26–51, so codes sort as the letters do in ASCII. */
function letterCode(c: string): number {
  const u = c.charCodeAt(0);
  if (u >= 65 && u <= 90) return u - 65;
  if (u >= 97 && u <= 122) return u - 97 + 26;
  return -1;
}

/** The letter of a code (inverse of letterCode). */
export function letterOf(code: number): string {
  return String.fromCharCode(code < 26 ? 65 + code : 97 + code - 26);
}

/**
 * Reads the terms of `text` (which starts at `base` in `equation`): commas separate terms only
 * where `allowCommas`. Throws, naming the character and its index, on anything else.
 */
function readTerms(
  equation: string,
  text: string,
  base: number,
  allowCommas: boolean,
): EinsumTerm[] {
  const where = allowCommas ? "" : " of the output";
  const terms: EinsumTerm[] = [];
  let labels: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === " ") continue;
    if (c === "," && allowCommas) {
      terms.push({ text: text.slice(start, i).trim(), labels });
      labels = [];
      start = i + 1;
    } else if (c === ".") {
      if (text.slice(i, i + 3) !== "...") {
        throw new ArgumentError(
          `einsum: '.' at index ${base + i} of the equation "${equation}" is not part of an ellipsis "..."`,
        );
      }
      if (labels.includes(ELLIPSIS)) {
        throw new ArgumentError(
          `einsum: a term${where} has two ellipses "..." at index ${base + i} of the equation "${equation}"; each term may have one`,
        );
      }
      labels.push(ELLIPSIS);
      i += 2;
    } else {
      const code = letterCode(c);
      if (code < 0) {
        throw new ArgumentError(
          `einsum: invalid subscript '${c}' at index ${base + i} of the equation "${equation}"; subscripts must be letters a–z or A–Z (with "..." for broadcast dimensions, "," between operands and "->" before the output)`,
        );
      }
      labels.push(code);
    }
  }
  terms.push({ text: text.slice(start).trim(), labels });
  return terms;
}

/**
 * Parses an einsum equation; throws an ArgumentError naming einsum, the equation and the fault.
 *
 * @example
 * parseEinsum("ij,jk->ik").inputs.length; // 2
 */
export function parseEinsum(equation: string): EinsumEquation {
  const arrow = equation.indexOf("->");
  const lhs = arrow < 0 ? equation : equation.slice(0, arrow);
  const inputs = readTerms(equation, lhs, 0, true);
  if (arrow < 0) return { inputs, output: null };
  const [output] = readTerms(equation, equation.slice(arrow + 2), arrow + 2, false);
  if (output === undefined) throw new ArgumentError(`einsum: internal: no output term`);
  const seen = new Set<number>();
  for (const code of output.labels) {
    if (code === ELLIPSIS) continue;
    if (seen.has(code)) {
      throw new ArgumentError(
        `einsum: output subscript ${letterOf(code)} appears more than once in the output "${output.text}" of "${equation}"`,
      );
    }
    seen.add(code);
    if (!inputs.some((t) => t.labels.includes(code))) {
      throw new ArgumentError(
        `einsum: output subscript ${letterOf(code)} does not appear in any input term of "${equation}"`,
      );
    }
  }
  return { inputs, output };
}
