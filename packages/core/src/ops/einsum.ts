import { ArgumentError, ShapeError } from "../errors.js";
import { describeValue, dimAt, formatShape } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { diagonalOf } from "./diagonal.js";
import { type EinsumTerm, ELLIPSIS, letterOf, parseEinsum } from "./einsum-parse.js";
import { matmul } from "./matmul.js";
import { permute } from "./permute.js";

// einsum is lowered to ops that carry their own gradients (diagonal's strided slice, sum, permute,
// reshape, broadcast mul, matmul), so its gradient and every higher one come from theirs. Labels
// are numbered: letters 0–51 (see einsum-parse.ts), then one number per broadcast dimension that
// "..." covers, from FIRST_ELLIPSIS_ID on.
const FIRST_ELLIPSIS_ID = 52;

/** A tensor whose axes carry distinct labels. */
interface Labelled {
  readonly t: Tensor;
  readonly ids: readonly number[];
}

function idName(id: number): string {
  return id < FIRST_ELLIPSIS_ID ? letterOf(id) : `"..." (dimension ${id - FIRST_ELLIPSIS_ID})`;
}

const ordinal = (n: number) => `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;

function sizeOfId(x: Labelled, id: number): number {
  return dimAt(x.t.shape, x.ids.indexOf(id));
}

/** x summed over the axes whose label satisfies `drop`. */
function sumOut(x: Labelled, drop: (id: number) => boolean): Labelled {
  const axes = x.ids.flatMap((id, i) => (drop(id) ? [i] : []));
  if (axes.length === 0) return x;
  return { t: x.t.sum(axes), ids: x.ids.filter((id) => !drop(id)) };
}

/** x with its axes reordered as `order` (a permutation of its labels); no copy when in order. */
function arrange(x: Labelled, order: readonly number[]): Tensor {
  return permute(
    x.t,
    order.map((id) => x.ids.indexOf(id)),
  );
}

const isIdentity = (perm: readonly number[]) => perm.every((p, i) => p === i);
const product = (xs: readonly number[]) => xs.reduce((p, d) => p * d, 1);

/**
 * Of two layouts of x's labels, the one that needs no permute if there is one (else the first):
 * true means the second.
 */
function prefersSecond(x: Labelled, first: readonly number[], second: readonly number[]): boolean {
  const p1 = first.map((id) => x.ids.indexOf(id));
  const p2 = second.map((id) => x.ids.indexOf(id));
  return !isIdentity(p1) && isIdentity(p2);
}

/**
 * a and b multiplied and summed over the labels they share that `keep` (the labels still needed
 * later: by the output or a later operand) does not hold. Labels only one side has and nobody
 * needs are summed first. With shared labels to sum, this is one (batched) matmul: a laid out as
 * [batch…, a's own, summed] (or its transpose, read in place by matmul), b as [batch…, summed,
 * b's own]; without, a broadcast product.
 */
function contract(a0: Labelled, b0: Labelled, keep: ReadonlySet<number>): Labelled {
  let a = sumOut(a0, (id) => !keep.has(id) && !b0.ids.includes(id));
  let b = sumOut(b0, (id) => !keep.has(id) && !a.ids.includes(id));
  // Σₖ aₖ·b where one side has size 1 along k is a₀·Σₖ bₖ: sum both sides first
  const unequal = a.ids.filter(
    (id) => b.ids.includes(id) && !keep.has(id) && sizeOfId(a, id) !== sizeOfId(b, id),
  );
  if (unequal.length > 0) {
    a = sumOut(a, (id) => unequal.includes(id));
    b = sumOut(b, (id) => unequal.includes(id));
  }
  const shared = a.ids.filter((id) => b.ids.includes(id));
  const batch = shared.filter((id) => keep.has(id));
  const summed = shared.filter((id) => !keep.has(id));
  const aOwn = a.ids.filter((id) => !shared.includes(id));
  const bOwn = b.ids.filter((id) => !shared.includes(id));
  const ids = [...batch, ...aOwn, ...bOwn];
  const sizes = (x: Labelled, list: readonly number[]) => list.map((id) => sizeOfId(x, id));
  if (summed.length === 0) {
    // no sum: a broadcast product, a as [batch…, a's own, 1…] and b as [batch…, 1…, b's own]
    const ta = arrange(a, [...batch, ...aOwn]).reshape([
      ...sizes(a, batch),
      ...sizes(a, aOwn),
      ...bOwn.map(() => 1),
    ]);
    const tb = arrange(b, [...batch, ...bOwn]).reshape([
      ...sizes(b, batch),
      ...aOwn.map(() => 1),
      ...sizes(b, bOwn),
    ]);
    return { t: ta.mul(tb), ids };
  }
  const m = product(sizes(a, aOwn));
  const k = product(sizes(a, summed));
  const n = product(sizes(b, bOwn));
  const transposeA = prefersSecond(
    a,
    [...batch, ...aOwn, ...summed],
    [...batch, ...summed, ...aOwn],
  );
  const transposeB = prefersSecond(
    b,
    [...batch, ...summed, ...bOwn],
    [...batch, ...bOwn, ...summed],
  );
  const ta = arrange(
    a,
    transposeA ? [...batch, ...summed, ...aOwn] : [...batch, ...aOwn, ...summed],
  );
  const tb = arrange(
    b,
    transposeB ? [...batch, ...bOwn, ...summed] : [...batch, ...summed, ...bOwn],
  );
  const product2d = matmul(
    ta.reshape([...sizes(a, batch), ...(transposeA ? [k, m] : [m, k])]),
    tb.reshape([...sizes(b, batch), ...(transposeB ? [n, k] : [k, n])]),
    { transposeA, transposeB },
  );
  // matmul broadcast the batch labels: a size 1 takes the other side's size
  const broadcastSizes = batch.map((id) =>
    sizeOfId(a, id) === 1 ? sizeOfId(b, id) : sizeOfId(a, id),
  );
  return {
    t: product2d.reshape([...broadcastSizes, ...sizes(a, aOwn), ...sizes(b, bOwn)]),
    ids,
  };
}

/** The labels of each axis of operand `t` for `term`, its "..." expanded to the last `e` ids. */
function axisIds(term: EinsumTerm, t: Tensor, ellipsisDims: number): number[] {
  const ownDims = t.ndim - (term.labels.length - (term.labels.includes(ELLIPSIS) ? 1 : 0));
  const ids: number[] = [];
  for (const code of term.labels) {
    if (code !== ELLIPSIS) ids.push(code);
    else for (let j = 0; j < ownDims; j++) ids.push(FIRST_ELLIPSIS_ID + ellipsisDims - ownDims + j);
  }
  return ids;
}

/** Checks each operand's rank against its term; returns how many dimensions "..." covers. */
function checkRanks(equation: string, terms: readonly EinsumTerm[], ts: readonly Tensor[]): number {
  let ellipsisDims = 0;
  ts.forEach((t, i) => {
    const term = terms[i];
    if (term === undefined) return;
    const hasEllipsis = term.labels.includes(ELLIPSIS);
    const letters = term.labels.length - (hasEllipsis ? 1 : 0);
    if (hasEllipsis ? letters > t.ndim : letters !== t.ndim) {
      throw new ShapeError(
        `einsum: operand ${i} has shape ${formatShape(t.shape)} (${t.ndim} dimensions) but its term "${term.text}" in "${equation}" has ${letters} subscripts${hasEllipsis ? " besides the ellipsis" : " and no ellipsis"}`,
      );
    }
    if (hasEllipsis) ellipsisDims = Math.max(ellipsisDims, t.ndim - letters);
  });
  return ellipsisDims;
}

/**
 * Checks that every label has one size: equal within an operand (a diagonal), equal or 1 across
 * operands (broadcasting, as in PyTorch).
 */
function checkSizes(
  equation: string,
  terms: readonly EinsumTerm[],
  operands: readonly Labelled[],
  ellipsisDims: number,
): void {
  const seen = new Map<number, { size: number; operand: number }>();
  operands.forEach(({ t, ids }, i) => {
    const term = terms[i]?.text ?? "";
    const own = new Map<number, number>();
    ids.forEach((id, axis) => {
      const size = dimAt(t.shape, axis);
      const mine = own.get(id);
      if (mine !== undefined && mine !== size) {
        throw new ShapeError(
          `einsum: subscript ${idName(id)} is repeated in operand ${i} (term "${term}", shape ${formatShape(t.shape)}) but its dimensions have sizes ${mine} and ${size}`,
        );
      }
      own.set(id, size);
      const before = seen.get(id);
      if (before === undefined || before.size === 1) seen.set(id, { size, operand: i });
      else if (size !== 1 && size !== before.size) {
        const other = operands[before.operand];
        const what =
          id < FIRST_ELLIPSIS_ID
            ? `subscript ${idName(id)}`
            : `a dimension covered by "..." (the ${ordinal(id - FIRST_ELLIPSIS_ID + 1)} of ${ellipsisDims})`;
        throw new ShapeError(
          `einsum: ${what} has size ${before.size} in operand ${before.operand} (term "${terms[before.operand]?.text ?? ""}", shape ${formatShape(other?.t.shape ?? [])}) but size ${size} in operand ${i} (term "${term}", shape ${formatShape(t.shape)}) in "${equation}"; sizes must match or be 1`,
        );
      }
    });
  });
}

/** x with each repeated label reduced to its diagonal (the diagonal axis goes last). */
function takeDiagonals(x: Labelled): Labelled {
  let { t, ids } = x;
  for (;;) {
    const q = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (q < 0) return { t, ids };
    const id = ids[q] ?? 0;
    const p = ids.indexOf(id);
    t = diagonalOf(t, 0, p, q);
    ids = [...ids.filter((_, i) => i !== p && i !== q), id];
  }
}

/**
 * Einstein summation, as PyTorch's `torch.einsum`: each operand's axes are named by letters in
 * `equation`; letters shared by operands are multiplied along, letters missing from the output
 * are summed over. `"ij,jk->ik"` is a matrix product, `"bij,bjk->bik"` a batched one, `"i,j->ij"`
 * an outer product, `"ii->i"` a diagonal, `"ii->"` a trace, `"ij->ji"` a transpose.
 *
 * The grammar is PyTorch's: letters a–z and A–Z; spaces are ignored; without `"->"` the output
 * holds the letters that appear once, in alphabetical order (uppercase first). `"..."` stands for
 * any number of leading dimensions, which broadcast across operands (`"...ij,...jk->...ik"`); a
 * dimension of size 1 also broadcasts against a letter's size in another operand. Operands may
 * also be passed as one array, `einsum("ij,jk", [a, b])`.
 *
 * Operands are contracted left to right, two at a time; each pairwise contraction that sums a
 * letter is one (batched) matmul, so `"ij,jk->ik"` costs exactly one matmul.
 *
 * @example
 * einsum("ij,jk->ik", a, b); // matmul(a, b)
 * einsum("bij,bjk->bik", x, y); // bmm(x, y)
 * einsum("ii", m); // trace(m)
 * einsum("...ij->...ji", x); // x.transpose(-2, -1)
 */
export function einsum(equation: string, operands: readonly Tensor[]): Tensor;
export function einsum(equation: string, ...operands: TensorLike[]): Tensor;
export function einsum(equation: string, ...args: unknown[]): Tensor {
  if (typeof equation !== "string") {
    throw new ArgumentError(
      `einsum: equation must be a string such as "ij,jk->ik", got ${describeValue(equation)}`,
    );
  }
  const [first] = args;
  const list =
    args.length === 1 &&
    Array.isArray(first) &&
    first.length > 0 &&
    first.every((v) => v instanceof Tensor)
      ? (first as unknown[])
      : args;
  if (list.length === 0)
    throw new ArgumentError(`einsum: no operands given for the equation "${equation}"`);
  const parsed = parseEinsum(equation);
  if (parsed.inputs.length !== list.length) {
    throw new ArgumentError(
      `einsum: the equation "${equation}" has ${parsed.inputs.length} input term${parsed.inputs.length === 1 ? "" : "s"} but ${list.length} operand${list.length === 1 ? " was" : "s were"} given`,
    );
  }
  const tensors = list.map((v) => asTensor(v as TensorLike, undefined, "einsum"));
  const ellipsisDims = checkRanks(equation, parsed.inputs, tensors);
  const labelled = tensors.map(
    (t, i): Labelled => ({
      t,
      ids: parsed.inputs[i] ? axisIds(parsed.inputs[i], t, ellipsisDims) : [],
    }),
  );
  checkSizes(equation, parsed.inputs, labelled, ellipsisDims);

  const ellipsisIds = Array.from({ length: ellipsisDims }, (_, j) => FIRST_ELLIPSIS_ID + j);
  let outIds: number[];
  if (parsed.output) {
    outIds = parsed.output.labels.flatMap((code) => (code === ELLIPSIS ? ellipsisIds : [code]));
  } else {
    // implicit output: the broadcast dimensions, then the letters used once, alphabetically
    const counts = new Map<number, number>();
    for (const term of parsed.inputs)
      for (const code of term.labels)
        if (code !== ELLIPSIS) counts.set(code, (counts.get(code) ?? 0) + 1);
    const once = [...counts].filter(([, c]) => c === 1).map(([code]) => code);
    outIds = [...ellipsisIds, ...once.sort((p, q) => p - q)];
  }

  const [head, ...rest] = labelled.map(takeDiagonals);
  if (head === undefined) throw new ArgumentError("einsum: internal: no operand");
  let acc = head;
  rest.forEach((next, i) => {
    const keep = new Set(outIds);
    for (const later of rest.slice(i + 1)) for (const id of later.ids) keep.add(id);
    acc = contract(acc, next, keep);
  });
  const outSet = new Set(outIds);
  acc = sumOut(acc, (id) => !outSet.has(id));
  return arrange(acc, outIds);
}
