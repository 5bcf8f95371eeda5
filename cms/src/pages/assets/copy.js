// Copy buttons for the addresses on the subscribe and widget pages. Without this script the
// addresses are still there to select and copy; with it, each gets a "Copy" button.
(() => {
  if (!navigator.clipboard) return;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);
  /** @type {NodeListOf<HTMLButtonElement>} */
  const buttons = document.querySelectorAll('button[data-copy]');
  for (const button of buttons) {
    const field = /** @type {HTMLInputElement | HTMLTextAreaElement | null} */ (document.getElementById(button.dataset.copy ?? ''));
    if (!field) continue;
    button.hidden = false;
    const copy = async () => {
      // The button's first child is its visible word (layout.tsx, embed-page.tsx).
      const label = /** @type {ChildNode} */ (button.firstChild);
      try {
        await navigator.clipboard.writeText(field.value);
        label.textContent = 'Copied';
        status.textContent = 'Copied to the clipboard.';
      } catch {
        field.select();
        status.textContent = 'Press Control and C (or Command and C) to copy.';
      }
      setTimeout(() => {
        label.textContent = 'Copy';
      }, 3000);
    };
    // copy() handles its own failure.
    button.addEventListener('click', () => void copy());
  }
})();
