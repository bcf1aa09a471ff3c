import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '@shared/api/methods'
import { API_DOCS_FILE, renderApiDocs } from '../../scripts/api-docs'

describe('docs/api.md', () => {
  it('is what the contract generates (run `npm run docs:api` after changing the contract)', () => {
    expect(readFileSync(API_DOCS_FILE, 'utf8')).toBe(renderApiDocs())
  })

  it('documents every method with its input and output', () => {
    const docs = renderApiDocs()
    for (const method of METHOD_NAMES) expect(docs).toContain(`## ${method}\n`)
    expect(docs.match(/<summary>Input<\/summary>/g)).toHaveLength(METHOD_NAMES.length)
    expect(docs.match(/<summary>Output<\/summary>/g)).toHaveLength(METHOD_NAMES.length)
  })
})
