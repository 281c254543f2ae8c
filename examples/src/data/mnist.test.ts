import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Generator } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { MNIST_PIXELS, mnist, mnistLoader, mnistSplit } from "./mnist.js";

const counts = (labels: ArrayLike<number>) => {
  const c = new Array<number>(10).fill(0);
  for (const l of Array.from(labels)) c[l] = (c[l] ?? 0) + 1;
  return c;
};

describe("mnist", () => {
  const all = mnist();

  it("holds the package's 10,000 digits as [n, 784] float32 pixels in [0, 1] and int32 labels", () => {
    expect(all.x.shape).toEqual([10000, MNIST_PIXELS]);
    expect(all.x.dtype).toBe("float32");
    expect(all.y.shape).toEqual([10000]);
    expect(all.y.dtype).toBe("int32");
    expect(all.x.min().item()).toBe(0);
    expect(all.x.max().item()).toBe(1);
    expect(all.classes).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    const c = counts(all.y.data());
    for (const n of c) expect(n).toBeGreaterThan(800);
  });

  it("gives exactly the values of the package's JSON (the binary cache changes nothing)", () => {
    const dir = dirname(createRequire(import.meta.url).resolve("mnist/package.json"));
    const three = JSON.parse(readFileSync(join(dir, "src", "digits", "3.json"), "utf8")) as {
      data: number[];
    };
    const firstThree = Array.from(all.y.data()).indexOf(3);
    const pixels = all.x.data().subarray(firstThree * MNIST_PIXELS);
    const want = Float32Array.from(three.data);
    for (let i = 0; i < want.length; i++)
      if (pixels[i] !== want[i]) expect(pixels[i]).toBe(want[i]);
  });

  it("keeps the first perClass digits of each class", () => {
    const small = mnist({ perClass: 7 });
    expect(small.x.shape).toEqual([70, MNIST_PIXELS]);
    expect(counts(small.y.data())).toEqual(new Array(10).fill(7));
    expect(Array.from(small.x.data().subarray(0, MNIST_PIXELS))).toEqual(
      Array.from(all.x.data().subarray(0, MNIST_PIXELS)),
    );
  });

  it("rejects a perClass that is not a positive integer, naming the function and the value", () => {
    expect(() => mnist({ perClass: 0 })).toThrow(/mnist: options.perClass .* got 0/);
    expect(() => mnist({ perClass: 2.5 })).toThrow(/got 2.5/);
  });
});

describe("mnistSplit", () => {
  it("splits each class 80/20, with no digit in both parts", () => {
    const { train, test } = mnistSplit({ seed: 0, perClass: 50 });
    expect(train.x.shape).toEqual([400, MNIST_PIXELS]);
    expect(test.x.shape).toEqual([100, MNIST_PIXELS]);
    expect(counts(train.y.data())).toEqual(new Array(10).fill(40));
    expect(counts(test.y.data())).toEqual(new Array(10).fill(10));
    const rows = (x: Float32Array) =>
      Array.from({ length: x.length / MNIST_PIXELS }, (_, i) =>
        x.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS).join(","),
      );
    const trainRows = new Set(rows(train.x.data() as Float32Array));
    const shared = rows(test.x.data() as Float32Array).filter((r) => trainRows.has(r));
    expect(shared).toEqual([]);
  });

  it("is the same for the same seed and differs for another seed", () => {
    const a = mnistSplit({ seed: 3, perClass: 20 });
    const b = mnistSplit({ seed: 3, perClass: 20 });
    const c = mnistSplit({ seed: 4, perClass: 20 });
    expect(Array.from(a.test.x.data())).toEqual(Array.from(b.test.x.data()));
    expect(Array.from(a.train.y.data())).toEqual(Array.from(b.train.y.data()));
    expect(Array.from(a.test.x.data())).not.toEqual(Array.from(c.test.x.data()));
  });

  it("holds out the requested fraction of the whole set", () => {
    const { train, test } = mnistSplit({ testFraction: 0.25 });
    expect((train.y.shape[0] as number) + (test.y.shape[0] as number)).toBe(10000);
    expect(Math.abs((test.y.shape[0] as number) - 2500)).toBeLessThanOrEqual(10);
  });

  it("rejects a bad fraction, seed or perClass with the function's name", () => {
    expect(() => mnistSplit({ testFraction: 1 })).toThrow(/mnistSplit: options.testFraction/);
    expect(() => mnistSplit({ seed: 0.5 })).toThrow(/mnistSplit: options.seed must be an integer/);
    expect(() => mnistSplit({ perClass: 1 })).toThrow(/mnistSplit: options.perClass/);
  });
});

describe("mnistLoader", () => {
  it("batches every digit once per pass, in a seeded order", () => {
    const { test } = mnistSplit({ seed: 0, perClass: 20 });
    const order = (seed: number) => {
      const labels: number[] = [];
      const shapes: number[][] = [];
      for (const [xb, yb] of mnistLoader(test, { batchSize: 16, generator: new Generator(seed) })) {
        shapes.push([...(xb?.shape ?? [])]);
        labels.push(...Array.from(yb?.data() ?? []));
      }
      return { labels, shapes };
    };
    const a = order(1);
    expect(a.shapes).toEqual([
      [16, MNIST_PIXELS],
      [16, MNIST_PIXELS],
      [8, MNIST_PIXELS],
    ]);
    expect(counts(a.labels)).toEqual(counts(test.y.data()));
    expect(order(1).labels).toEqual(a.labels);
    expect(order(2).labels).not.toEqual(a.labels);
  });
});
