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
      const answered = /** @type {HTMLElement} */ (page.getElementById('embed-preview'));
      preview.dataset.theme = answered.dataset.theme;
      preview.replaceChildren(...answered.childNodes);
      measureChosen();
      history.replaceState(null, '', url);
      status.textContent = 'The preview and the code are updated.';
    } catch {
      status.textContent = 'The preview could not be updated. Press "Show".';
    }
  };
  // The space-keeping rule takes the heights the chosen widget takes once loaded, in whole rem and never more. Its
  // first min-height is for phones: a copy of the widget laid out out of sight in a phone's column (a 375 px screen
  // less 16 px each side). Its second is for wider screens: the preview's, when this window is one, or else a copy's
  // in a 640 px column. The widgets' events bubble out of their shadow roots.
  const PHONE_COLUMN_PX = 343;
  const WIDE_COLUMN_PX = 640;
  // Wide as the rule's own media query says (embed-page.tsx writes it).
  const wideWindow = matchMedia(css.value.match(/@media ([^{]+) \{/)?.[1] ?? 'not all');
  const setHeight = (/** @type {number} */ which, /** @type {Element} */ widget) =>
    requestAnimationFrame(() => {
      const rem = Math.floor(widget.getBoundingClientRect().height / parseFloat(getComputedStyle(document.documentElement).fontSize));
      let n = 0;
      // As snippets.ts writes it: never less than 16 px a rem, as the widgets' text.
      const rule = `min-height: max(${rem}rem, ${rem * 16}px);`;
      if (rem > 0) css.value = css.value.replace(/min-height: max\([\d.]+rem, [\d.]+px\);/g, (found) => (n++ === which ? rule : found));
    });
  let chosen = 0;
  const measureCopy = (/** @type {Element} */ widget, /** @type {number} */ width, /** @type {number} */ which) => {
    const measuring = chosen;
    const column = document.createElement('div');
    column.className = 'embed-measure';
    column.style.width = `${width}px`;
    const copy = /** @type {Element} */ (widget.cloneNode(false));
    copy.setAttribute('loading', 'eager');
    column.append(copy);
    const done = (/** @type {Event} */ event) => {
      if (event.type === 'send-loaded' && measuring === chosen) setHeight(which, copy);
      requestAnimationFrame(() => requestAnimationFrame(() => column.remove()));
    };
    copy.addEventListener('send-loaded', done, { once: true });
    copy.addEventListener('send-error', done, { once: true });
    document.body.append(column);
  };
  const measureChosen = () => {
    const widget = preview.firstElementChild;
    if (!widget) return;
    chosen += 1;
    measureCopy(widget, PHONE_COLUMN_PX, 0);
    if (!wideWindow.matches) measureCopy(widget, WIDE_COLUMN_PX, 1);
  };
  preview.addEventListener('send-loaded', (event) => wideWindow.matches && setHeight(1, /** @type {Element} */ (event.target)));
  measureChosen();
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
