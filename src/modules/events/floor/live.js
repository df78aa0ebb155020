// Progressive enhancement only: the live page works without this file (its refresh link and forms).
// It follows the queue's stream (server-sent events) and, when the queue changes, fetches the page
// again and swaps in its queue region, keeping focus on the same control when it is still there.
(() => {
  const region = document.getElementById('live-queue');
  if (!region || !region.dataset.stream || !window.EventSource || !window.DOMParser) return;
  let busy = false;
  let again = false;
  const focusKey = () => {
    const el = document.activeElement;
    if (!el || !region.contains(el) || !el.form) return null;
    return el.form.getAttribute('action') + '|' + (el.form.elements.status ? el.form.elements.status.value : '');
  };
  const refocus = (key) => {
    if (!key) return;
    for (const form of region.querySelectorAll('form')) {
      const status = form.elements.status ? form.elements.status.value : '';
      if (form.getAttribute('action') + '|' + status === key) return form.querySelector('button')?.focus();
    }
  };
  const refresh = async () => {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const response = await fetch(location.pathname, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('live-queue');
      if (!fresh) return;
      const key = focusKey();
      region.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
      refocus(key);
    } catch {
      // The next change, or the refresh link, brings the page up to date.
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  };
  // The version the page shows; each event says where the queue stands now.
  let seen = region.dataset.version;
  const source = new EventSource(region.dataset.stream);
  source.addEventListener('queue', (event) => {
    if (event.data !== seen) refresh();
    seen = event.data;
  });
})();
