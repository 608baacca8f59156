import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describeErrors, openApiValidators } from '../../../test/openapi-validator.ts'
import { exportColumns } from './export-columns.ts'
import { exampleSearchResponse, openApiDocument } from './openapi.ts'
import { problem } from './problem.ts'

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; operationId: string }

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(openApiDocument) as Record<string, unknown>)
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2))
    assert.equal(validator.version, '3.1')
    assert.doesNotThrow(() => validator.resolveRefs())
  })

  it('has a JSON Schema, valid in strict draft 2020-12, for every response of every operation', () => {
    const { forResponse, forSchema } = openApiValidators(openApiDocument)
    for (const name of Object.keys(openApiDocument.components.schemas)) assert.doesNotThrow(() => forSchema(name), name)
    const ids = new Set<string>()
    for (const [path, item] of Object.entries(openApiDocument.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        assert.ok(!ids.has(operation.operationId), `operationId ${operation.operationId} twice`)
        ids.add(operation.operationId)
        for (const [status, response] of Object.entries(operation.responses)) {
          const content = Object.entries(response.content ?? {})
          assert.ok(content.length > 0, `${method} ${path} ${status} has no content`)
          for (const [mediaType, media] of content) {
            assert.ok(media.schema, `${method} ${path} ${status} ${mediaType} has no schema`)
            assert.doesNotThrow(() => forResponse(path, method, status, mediaType), `${method} ${path} ${status} ${mediaType}`)
          }
        }
      }
    }
  })

  it('describes the example it shows, and the problem details the API sends', () => {
    const { forResponse, forSchema } = openApiValidators(openApiDocument)
    const search = forResponse('/api/v1/case-studies', 'get', '200', 'application/json')
    assert.ok(search(exampleSearchResponse), describeErrors(search.errors))
    const problemSchema = forSchema('Problem')
    assert.ok(problemSchema(problem(404, 'Gone.', '/api/v1/x?y=1')), describeErrors(problemSchema.errors))
    assert.ok(!problemSchema({ ...problem(404, 'Gone.', '/x'), extra: 1 }), 'a response with an undocumented field fails')
  })

  it('lists the export columns, in order, in the JSON export record', () => {
    const record = openApiDocument.components.schemas.ExportRecord as { properties: Record<string, unknown>; required: string[] }
    assert.deepEqual(
      Object.keys(record.properties),
      exportColumns.map((c) => c.name),
    )
    assert.deepEqual(
      record.required,
      exportColumns.map((c) => c.name),
    )
    const csv = (openApiDocument.paths['/case-studies.csv']!.get as { description: string }).description
    for (const c of exportColumns) assert.ok(csv.includes(c.name), c.name)
  })
})
