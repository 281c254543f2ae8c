// The page's one shortcut: Space toggles play/pause, except where Space already means something
// (typing, buttons, checkboxes, menus, links).

/** Elements in which Space keeps its own meaning. */
const ownsSpace =
  "input:not([type='range']), textarea, select, button, a[href], summary, [contenteditable]:not([contenteditable='false']), [role='button'], [role='checkbox']";

/**
 * Whether this keydown should toggle play/pause.
 *
 * @example
 * document.addEventListener("keydown", (e) => { if (isSpaceForPlay(e)) togglePlay(); });
 */
export function isSpaceForPlay(event: KeyboardEvent): boolean {
  if (event.key !== " " || event.repeat) return false;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const target = event.target;
  return !(target instanceof Element && target.closest(ownsSpace));
}
