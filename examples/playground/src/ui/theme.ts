// Colours and fonts the canvas views share (the page's CSS uses the same values as variables).

/** Class colours (Okabe–Ito orange and blue: distinguishable with the common colour deficiencies). */
export const classColors = {
  0: [230, 159, 0],
  1: [0, 114, 178],
} as const;

/** Canvas drawing colours. Config A and B lines: bluish green and reddish purple (Okabe–Ito). */
export const theme = {
  font: "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  text: "#1f2328",
  muted: "#57606a",
  grid: "#e6e8eb",
  axis: "#8c959f",
  bars: "rgba(140, 149, 159, 0.35)",
  configs: ["#009e73", "#cc79a7"] as const,
  derivative: "#d55e00",
};

/** `rgb(…)` of a class colour. */
export function classColor(label: 0 | 1, alpha = 1): string {
  const [r, g, b] = classColors[label];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
