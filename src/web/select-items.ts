/**
 * govukSelect items with a blank first choice. `keep`: a stored value missing from the list (an
 * older nation, say) stays a choice, so saving the form does not silently clear it.
 */
export function selectItems(choices: Array<{ value: string; text: string }>, selected: string, options: { blank?: string; keep?: string | null } = {}) {
  const items = [{ value: '', text: options.blank ?? 'Not set' }, ...choices]
  const keep = options.keep ?? ''
  if (keep !== '' && !choices.some((c) => c.value === keep)) items.push({ value: keep, text: keep })
  return items.map((item) => ({ ...item, selected: item.value === selected }))
}
