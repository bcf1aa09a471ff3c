import { describe, expect, it } from 'vitest'
import { createApiClient } from '@shared/api/client'
import { DEFAULT_REMINDERS, contract } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import { METHOD_NAMES } from '@shared/api/methods'
import { dispatch } from '../../src/main/handlers'
import type { Handlers } from '@shared/api/contract'

// Only the methods these tests call; dispatch is what is under test.
const handlers = {
  'app.info': () => ({
    name: 'RepayPath',
    version: '0.0.0',
    runtime: 'browser',
    dataDir: '/d',
    databaseFile: '/d/f',
    schemaVersion: 1,
  }),
  'settings.get': () => ({ language: null, lprTable: null, reminders: DEFAULT_REMINDERS }),
  'settings.update': (patch: { language?: 'zh-CN' | 'en' | null }) => ({
    language: patch.language ?? null,
    lprTable: null,
    reminders: DEFAULT_REMINDERS,
  }),
} as unknown as Handlers

describe('the API contract', () => {
  it('has exactly one entry per method name', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort())
  })
})

describe('dispatch', () => {
  it('passes parsed input to the handler and returns its output', async () => {
    expect(await dispatch(handlers, 'settings.update', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en', lprTable: null, reminders: DEFAULT_REMINDERS },
    })
  })

  it('names the field of bad input and does not call the handler', async () => {
    let called = false
    const spy: Handlers = {
      ...handlers,
      'settings.update': () => (
        (called = true),
        { language: null, lprTable: null, reminders: DEFAULT_REMINDERS }
      ),
    }
    const result = await dispatch(spy, 'settings.update', { language: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'language' } })
    expect(called).toBe(false)
  })

  it('rejects unknown fields on strict inputs', async () => {
    const result = await dispatch(handlers, 'settings.update', { colour: 'red' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('refuses unknown methods', async () => {
    expect(await dispatch(handlers, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    })
  })

  it('turns a malformed handler result into an internal error rather than passing it on', async () => {
    const broken = {
      ...handlers,
      'settings.get': () => ({ language: 'klingon' }),
    } as unknown as Handlers
    expect(await dispatch(broken, 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
  })

  it('keeps an ApiError thrown by a service as it is', async () => {
    const failing: Handlers = {
      ...handlers,
      'settings.get': () => {
        throw new ApiError('not_found', 'no such loan', 'loanId')
      },
    }
    expect(await dispatch(failing, 'settings.get', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such loan', field: 'loanId' },
    })
  })
})

describe('the typed client', () => {
  const client = createApiClient((method, input) => dispatch(handlers, method, input))

  it('returns the value of a successful call', async () => {
    expect(await client.call('settings.update', { language: 'zh-CN' })).toEqual({
      language: 'zh-CN',
      lprTable: null,
      reminders: DEFAULT_REMINDERS,
    })
  })

  it('throws the ApiError that crossed the transport', async () => {
    const error = await client
      .call('settings.update', { language: 'xx' as 'en' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'invalid_input', field: 'language' })
  })

  it('refuses a response that does not match the contract', async () => {
    const lying = createApiClient(async () => ({ ok: true, value: { language: 7 } }))
    await expect(lying.call('settings.get', {})).rejects.toMatchObject({ code: 'internal' })
    const garbage = createApiClient(async () => 'not an envelope')
    await expect(garbage.call('settings.get', {})).rejects.toThrow()
  })
})
