// Written inline in the head of every reader page, its hash in the pages' Content-Security-Policy, so it runs before
// the page is first drawn: with it, site.css folds the index's filters behind their button on a phone (no jump once
// drawn), and this unfolds them. Without script the button stays hidden and the filters show.
document.documentElement.classList.add('js-enabled');
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('.filter-toggle') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  button.textContent = (open ? button.dataset.hide : button.dataset.show) ?? button.textContent;
  document.getElementById(button.getAttribute('aria-controls') ?? '')?.classList.toggle('filters-open', open);
});
