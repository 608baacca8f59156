import { HtmlValidate } from 'html-validate'

/**
 * html-validate's "standard" rules: conformance to the HTML standard (what the W3C checker
 * reports: content models, attributes, unique ids, closed elements), without its opinions on style.
 */
const validator = new HtmlValidate({ extends: ['html-validate:standard'] })

/** Each way a page breaks the HTML standard, as "line:column rule: message"; empty when it is valid. */
export async function htmlErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html)
  return report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))
}
