// The embed-code builder, live: after each change the page asks the server for the same form's
// answer and takes its code and preview from it, so the code has one author (embed-page.tsx).
// Without this script the "Show" button does the same by loading the page.
(() => {
  const form = /** @type {HTMLFormElement | null} */ (document.getElementById('embed-form'));
  const code = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('embed-code'));
  const css = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('embed-css'));
  const preview = document.getElementById('embed-preview');
  const status = document.getElementById('embed-status');
  if (!form || !code || !css || !preview || !status || !window.fetch || !window.DOMParser) return;
  let latest = 0;
  const update = async () => {
    const url = new URL(form.action);
    // The form has no file inputs: every value is text.
    url.search = new URLSearchParams(/** @type {[string, string][]} */ ([...new FormData(form)])).toString();
    const request = ++latest;
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' } });
      if (!response.ok || request !== latest) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      // An answer without these parts fails here and is reported below.
      code.value = /** @type {HTMLTextAreaElement} */ (page.getElementById('embed-code')).value;
      css.value = /** @type {HTMLTextAreaElement} */ (page.getElementById('embed-css')).value;
      preview.replaceChildren(.../** @type {HTMLElement} */ (page.getElementById('embed-preview')).childNodes);
      history.replaceState(null, '', url);
      status.textContent = 'The preview and the code are updated.';
    } catch {
      status.textContent = 'The preview could not be updated. Press "Show".';
    }
  };
  // The space-keeping rule takes the height the preview's widget took once loaded, in whole rem and never more
  // (the widgets' events bubble out of their shadow roots; this script runs before the first widget has asked for
  // anything, as it follows the module script that defines them).
  const measure = (/** @type {Element} */ widget) =>
    requestAnimationFrame(() => {
      const rem = Math.floor(widget.getBoundingClientRect().height / parseFloat(getComputedStyle(document.documentElement).fontSize));
      if (rem > 0) css.value = css.value.replace(/min-height: [\d.]+rem/, `min-height: ${rem}rem`);
    });
  preview.addEventListener('send-loaded', (event) => measure(/** @type {Element} */ (event.target)));
  // Fields for another widget than the one chosen are hidden (the server's page shows them all, for use without this script).
  const showChosen = () => {
    const widget = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="widget"]:checked'))?.value;
    for (const group of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-for]'))) group.hidden = group.dataset.for !== widget;
  };
  showChosen();
  form.addEventListener('change', showChosen);
  // update() reports its own failures.
  form.addEventListener('change', () => void update());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
})();
