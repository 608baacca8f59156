// Turns the organisation pickers into type-ahead boxes; without JavaScript they stay plain selects,
// so only here, where typing works, does a picker's hint say to type.
/* global accessibleAutocomplete */
for (const select of document.querySelectorAll('select[data-autocomplete]')) {
  const hint = document.getElementById(`${select.id}-hint`)
  accessibleAutocomplete.enhanceSelectElement({ selectElement: select, defaultValue: '', showAllValues: true, dropdownArrow: () => '' })
  if (hint) hint.append(' Start typing to find it.')
}
