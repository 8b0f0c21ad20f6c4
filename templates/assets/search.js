// The search page: starts Pagefind's UI (pagefind/pagefind-ui.js, loaded before this file), announces
// result counts to screen readers, and leaves the A–Z indexes as the way in when search cannot run.
// No inline script: the Content-Security-Policy allows scripts from the site's own files only.
(function () {
  'use strict';
  var box = document.getElementById('search');
  var status = document.getElementById('search-status');
  var note = document.getElementById('search-note');
  if (!box || !status) return;
  if (location.protocol === 'file:') {
    // Browsers refuse to fetch the index from disk; the indexes below still work.
    if (note) note.textContent = 'Search works when the site is served over HTTP, not opened from a file. Every article is also reachable from these indexes:';
    return;
  }
  if (typeof window.PagefindUI !== 'function') return;

  // The page writes a file in each folder through `| href`, so the folders are right at /, under a subpath, anywhere.
  function folder(file) {
    return new URL('.', new URL(file, location.href)).pathname;
  }
  var bundlePath = folder(box.getAttribute('data-bundle'));
  var baseUrl = folder(box.getAttribute('data-site-root'));
  // The other shards of the index (https://pagefind.app/docs/multisite/): their results are ranked with the first's.
  var merge = (box.getAttribute('data-merge') || '').split(' ').filter(Boolean).map(function (file) {
    return { bundlePath: folder(file) };
  });
  var ui = new window.PagefindUI({
    element: '#search',
    bundlePath: bundlePath,
    mergeIndex: merge,
    baseUrl: baseUrl,
    showSubResults: true,
    showImages: false,
    autofocus: true,
  });
  box.hidden = false;
  // Pagefind's input is named only by its title attribute; give it a proper accessible name.
  var input = box.querySelector('input');
  if (input) input.setAttribute('aria-label', 'Search the articles');
  if (note) note.textContent = 'Every article is also reachable from these indexes:';

  // Pagefind's own message ("3 results for union") is not a live region: copy it into ours once it settles.
  var timer = 0;
  function announce() {
    var message = box.querySelector('.pagefind-ui__message');
    var text = message ? message.textContent.trim() : '';
    if (status.textContent !== text) status.textContent = text;
  }
  new MutationObserver(function () {
    clearTimeout(timer);
    timer = setTimeout(announce, 400);
  }).observe(box, { subtree: true, childList: true, characterData: true });

  // search/index.html?q=union starts with that search.
  var q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
