// Turns the organisation pickers into type-ahead boxes; without JavaScript they stay plain selects.
/* global accessibleAutocomplete */
for (const select of document.querySelectorAll('select[data-autocomplete]')) {
  accessibleAutocomplete.enhanceSelectElement({ selectElement: select, defaultValue: '', showAllValues: true, dropdownArrow: () => '' })
}
