// The search page's filters sit in a collapsed section so that a phone shows the results first;
// where the screen has room for them beside the results (GOV.UK's tablet width and up), they open.
;(function () {
  var panel = document.querySelector('[data-qa="filter-panel"]')
  if (panel && window.matchMedia('(min-width: 40.0625em)').matches) panel.open = true
})()
