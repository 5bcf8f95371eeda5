// Copy buttons for the addresses on the subscribe and widget pages. Without this script the
// addresses are still there to select and copy; with it, each gets a "Copy" button.
(() => {
  if (!navigator.clipboard) return;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);
  for (const button of document.querySelectorAll('button[data-copy]')) {
    const field = document.getElementById(button.dataset.copy);
    if (!field) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const label = button.firstChild;
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
    });
  }
})();
