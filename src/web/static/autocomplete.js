// Turns the organisation pickers into type-ahead boxes; without JavaScript they stay plain selects,
// so only here, where typing works, does a picker's hint say to type. What was typed is sent too
// (as <name>-typed): a name that matches nothing in the list is then reported, never silently lost.
/* global accessibleAutocomplete */
// The hint's words come from the page, in its language (the script tag's data-hint).
const typingHint = document.currentScript?.dataset.hint ?? ''
for (const select of document.querySelectorAll('select[data-autocomplete]')) {
  const id = select.id
  const hint = document.getElementById(`${id}-hint`)
  accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    name: `${select.name}-typed`,
    defaultValue: '',
    showAllValues: true,
    dropdownArrow: () => '',
    // Typing what the list lacks leaves nothing chosen (not the earlier choice).
    // Leaving the box confirms again with nothing (`undefined`): what the box shows is still the choice.
    onConfirm: (chosen) => {
      const text = chosen ?? document.getElementById(id)?.value
      const option = [...select.options].find((o) => o.value !== '' && o.textContent === text)
      select.value = option ? option.value : ''
    },
  })
  if (hint && typingHint) hint.append(` ${typingHint}`)
  // A box emptied by hand means no organisation there: the hidden select must not keep the old one.
  select.form?.addEventListener('submit', () => {
    const input = document.getElementById(id)
    if (input && input.value.trim() === '') select.value = ''
  })
}
