// The language switch: shows labels in English, Chinese or both, and remembers the choice.
(function () {
  var root = document.documentElement;
  function apply(lang) {
    if (lang) { root.setAttribute('data-lang', lang); } else { root.removeAttribute('data-lang'); }
    document.querySelectorAll('.langs button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
  }
  var saved = null;
  try { saved = localStorage.getItem('dgov-lang'); } catch (e) { /* storage disabled */ }
  apply(saved);
  document.addEventListener('click', function (event) {
    var button = event.target.closest('.langs button');
    if (!button) { return; }
    var lang = button.getAttribute('data-lang');
    if (root.getAttribute('data-lang') === lang) { lang = null; }
    try { if (lang) { localStorage.setItem('dgov-lang', lang); } else { localStorage.removeItem('dgov-lang'); } } catch (e) { /* storage disabled */ }
    apply(lang);
  });
}());
