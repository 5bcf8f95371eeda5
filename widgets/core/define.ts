/** Defines an element once: a second copy of a bundle on the same page must not throw. */
export function defineElement(name: string, elementClass: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, elementClass);
}
