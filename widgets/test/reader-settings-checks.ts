/**
 * Checks of what a reader's own browser settings leave on screen, run inside the page: by the widgets' browser tests
 * on a widget's shadow root, and by the end-to-end suite on the CMS's reader pages (bundled and evaluated there, see
 * test/e2e/partner-page.test.ts). DOM only: no test framework, no imports.
 */

/** Every element under `root`, and under the shadow roots inside it. */
export function allElements(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].flatMap((element) => [element, ...(element.shadowRoot ? allElements(element.shadowRoot) : [])]);
}

const shown = (element: HTMLElement) => element.getClientRects().length > 0 && !element.closest('.visually-hidden, .placeholder, [hidden]');

/** How a failure message names an element. */
export const named = (element: Element) =>
  `${element.localName}${element.className ? `.${String(element.className).trim().replace(/\s+/g, '.')}` : ''} "${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;

const transparent = (colour: string) => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/**
 * Shown elements holding text whose own background is set: shapes a reader tells apart by colour, which forced
 * colours take away (so they need a border there). Bands as wide as the page (a header, a footer) are told apart by
 * where they are. Call before forced colours are on.
 */
export function backgroundShapes(root: ParentNode): HTMLElement[] {
  const pageWidth = document.documentElement.clientWidth;
  return allElements(root).filter((element) => {
    if (!shown(element) || !element.textContent?.trim() || element.getBoundingClientRect().width >= pageWidth - 1) return false;
    const { backgroundColor, backgroundImage } = getComputedStyle(element);
    return !transparent(backgroundColor) || backgroundImage !== 'none';
  });
}

/** Of `shapes`, those with no border all round as drawn now. */
export function unbordered(shapes: HTMLElement[]): string[] {
  return shapes
    .filter((shape) => {
      const style = getComputedStyle(shape);
      return !['top', 'right', 'bottom', 'left'].every(
        (side) => style.getPropertyValue(`border-${side}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side}-width`)) >= 1,
      );
    })
    .map(named);
}

/** The element that has focus, inside shadow roots. */
export function focused(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement ? element : null;
}

/** The element's outline, and whether a reader can see it (at least 2 px, not transparent). */
function outlineOf(element: HTMLElement): { element: string; visible: boolean; outline: string } {
  const { outlineStyle, outlineWidth, outlineColor } = getComputedStyle(element);
  return {
    element: named(element),
    visible: outlineStyle !== 'none' && parseFloat(outlineWidth) >= 2 && !transparent(outlineColor),
    outline: `${outlineStyle} ${outlineWidth} ${outlineColor}`,
  };
}

/** The focused element's outline (see `outlineOf`), or null when nothing has focus. */
export function focusOutline(): { element: string; visible: boolean; outline: string } | null {
  const element = focused();
  return element && element !== document.body ? outlineOf(element) : null;
}

/** How each control looked before it had focus (see `focusChange`). */
const unfocusedLooks = new WeakMap<Element, string>();
const look = (element: Element) => {
  const { backgroundColor, boxShadow, borderColor, color } = getComputedStyle(element);
  return `${backgroundColor} ${boxShadow} ${borderColor} ${color}`;
};

/** Notes how every control under `root` looks without focus. Call while nothing in it has focus. */
export function noteUnfocusedLooks(root: ParentNode): void {
  for (const element of allElements(root)) unfocusedLooks.set(element, look(element));
}

/**
 * Whether focus shows on the focused element in ordinary colours (WCAG 2.2, 2.4.7): an outline a reader can see, or
 * a change of its fill, shadow, border or text colour from how `noteUnfocusedLooks` found it.
 */
export function focusChange(): { element: string; visible: boolean } | null {
  const element = focused();
  if (!element || element === document.body) return null;
  const outline = outlineOf(element);
  return { element: outline.element, visible: outline.visible || unfocusedLooks.get(element) !== look(element) };
}

/** WCAG 2.2, 1.4.12: the spacing a reader may set. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;

/** Adds `rules` to `root` and to every shadow root inside it, after their own, as a reader's style sheet would. */
export function addRules(root: Document | ShadowRoot, rules: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules);
  for (const each of [root, ...allElements(root).flatMap((element) => element.shadowRoot ?? [])]) {
    each.adoptedStyleSheets = [...each.adoptedStyleSheets, sheet];
  }
}

/** Gives `root` and every shadow root inside it the wider text spacing, as a reader's style sheet or extension would. */
export const widenTextSpacing = (root: Document | ShadowRoot) => addRules(root, TEXT_SPACING);

/** Shown boxes that cut off their own text: more content than room, and overflow hidden (a box that scrolls keeps it). */
export function clippedText(root: ParentNode): string[] {
  return allElements(root)
    .filter((element) => shown(element) && element.textContent?.trim() && !element.matches('html, body'))
    .filter((element) => {
      const { overflowX, overflowY } = getComputedStyle(element);
      const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
      const clipsX = hides(overflowX) && element.scrollWidth > element.clientWidth + 1;
      const clipsY = hides(overflowY) && element.scrollHeight > element.clientHeight + 1;
      return clipsX || clipsY;
    })
    .map(named);
}
