import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS with a `default` property; under NodeNext the plugin is either.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020

/** The OpenAPI document's top-level fields, which are not JSON Schema keywords. */
const documentFields = ['openapi', 'info', 'servers', 'paths', 'components', 'tags', 'jsonSchemaDialect', 'webhooks', 'externalDocs', 'security']

/**
 * JSON Schema (draft 2020-12, strict) validators for an OpenAPI 3.1 document's responses: the
 * document is added whole, so its schemas' `#/components/schemas/...` references resolve.
 */
export function openApiValidators(document: object) {
  const ajv = new Ajv2020({ strict: true, strictTypes: true, allErrors: true })
  addFormats(ajv)
  ajv.addVocabulary([...documentFields, 'example'])
  ajv.addSchema(document, 'openapi.json')
  const cache = new Map<string, ValidateFunction>()
  /** The validator of one response's body: path, method, status, media type. */
  const forResponse = (path: string, method: string, status: string, mediaType: string): ValidateFunction => {
    const pointer = ['paths', path, method, 'responses', status, 'content', mediaType, 'schema']
      .map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('/')
    const key = `openapi.json#/${pointer}`
    let validate = cache.get(key)
    if (!validate) {
      validate = ajv.compile({ $ref: key })
      cache.set(key, validate)
    }
    return validate
  }
  const forSchema = (name: string): ValidateFunction => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` })
  return { ajv, forResponse, forSchema }
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n')
}
