// Shrinks a slide's text (all sizes are in em) until every element lies within the slide's padding, so that
// an edited slide with long text never runs off the screen or the PDF page. One implementation for both
// places that show slides: the exported file inlines these functions' source (Function.prototype.toString)
// and runs them before reveal lays out; the app imports and calls them. They only run in a page, and use
// nothing from their module (no imports, no inner named functions) so that their source stands on its own.

/** How far (px) the furthest element of a slide's .slide-inner reaches past its padding; <= 0: it fits. */
export function slideOverflow(inner: HTMLElement): number {
  const box = inner.getBoundingClientRect();
  const style = getComputedStyle(inner);
  let worst = 0;
  const right = box.right - parseFloat(style.paddingRight) + 1;
  const bottom = box.bottom - parseFloat(style.paddingBottom) + 1;
  inner.querySelectorAll(':scope *:not(svg *)').forEach(function (element) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return;
    worst = Math.max(worst, rect.right - right, rect.bottom - bottom);
  });
  return worst;
}

/**
 * Fits every slide section under `root` (unscaled: measured in CSS pixels). A hidden section is shown
 * for the measurement only.
 */
export function fitSlides(root: ParentNode): void {
  root.querySelectorAll('section').forEach(function (section) {
    const inner = section.querySelector<HTMLElement>(':scope > .slide-inner');
    if (!inner) return;
    const display = section.style.display;
    section.style.display = 'block';
    inner.style.fontSize = '';
    for (let size = 28; size > 14 && slideOverflow(inner) > 0; size -= 1) inner.style.fontSize = size - 1 + 'px';
    section.style.display = display;
  });
}
