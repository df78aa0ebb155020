// Progressive enhancement only: every page works without this file.
// A filter box above long checkbox lists (countries, languages): typing narrows the list,
// accents and case aside; what is already ticked stays in view. Without script, the whole
// list shows, and ticking needs no modifier key either way.
(() => {
  const fold = (text) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
  for (const box of document.querySelectorAll('[data-filter-for]')) {
    const list = document.getElementById(box.dataset.filterFor);
    const input = box.querySelector('input');
    if (!list || !input) continue;
    const items = Array.from(list.querySelectorAll('label'), (label) => [label, fold(label.textContent || ''), label.querySelector('input')]);
    input.addEventListener('input', () => {
      const query = fold(input.value.trim());
      for (const [label, text, checkbox] of items) label.hidden = query !== '' && !text.includes(query) && !checkbox.checked;
    });
    // Enter in the filter narrows the list; it does not send the form.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    box.hidden = false;
  }
})();
