import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '../../src/renderer/src/i18n/en.json'
import zhCN from '../../src/renderer/src/i18n/zh-CN.json'
import { systemLanguage } from '../../src/renderer/src/i18n'

function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value as object, path)) out.set(k, v)
    } else out.set(path, value)
  }
  return out
}

const locales = { 'zh-CN': flatten(zhCN), en: flatten(en) }

describe('locale files', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = [...locales['zh-CN'].keys()].sort()
    const enKeys = [...locales.en.keys()].sort()
    expect(zhKeys.filter((key) => !locales.en.has(key))).toEqual([])
    expect(enKeys.filter((key) => !locales['zh-CN'].has(key))).toEqual([])
  })

  it.each(Object.entries(locales))('%s has no empty or non-string text', (_name, entries) => {
    for (const [key, value] of entries) {
      expect(typeof value, key).toBe('string')
      expect((value as string).trim(), key).not.toBe('')
    }
  })

  it('uses the same interpolation variables in both languages', () => {
    const variables = (text: unknown) =>
      [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()
    for (const [key, text] of locales['zh-CN']) {
      expect(variables(locales.en.get(key)), key).toEqual(variables(text))
    }
  })

  it('the Chinese texts are in Chinese', () => {
    expect(locales['zh-CN'].get('dashboard.title')).toMatch(/[\u4e00-\u9fff]/)
  })
})

/** Every .tsx/.ts file of the renderer, with its text. */
function rendererSources(dir = join(__dirname, '../../src/renderer/src')): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return rendererSources(path)
    return /\.tsx?$/.test(entry.name) ? [[path, readFileSync(path, 'utf8')]] : []
  })
}

describe('the keys the renderer uses', () => {
  const sources = rendererSources()
  /** i18next resolves `key` with a count through `key_one`/`key_other`. */
  const has = (entries: Map<string, unknown>, key: string) =>
    entries.has(key) || entries.has(`${key}_other`)

  it('finds the renderer’s t() calls (so the checks below check something)', () => {
    const calls = sources.flatMap(([, text]) => [...text.matchAll(/\bt\(\s*'/g)])
    expect(calls.length).toBeGreaterThan(150)
  })

  it.each(Object.entries(locales))("every literal t('key') exists in %s", (_name, entries) => {
    const missing = sources.flatMap(([path, text]) =>
      [...text.matchAll(/\bt\(\s*'([\w.-]+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((key) => !has(entries, key))
        .map((key) => `${key} (${path.split('/src/renderer/src/')[1]})`),
    )
    expect(missing).toEqual([])
  })

  it.each(Object.entries(locales))(
    'every template t(`prefix.${…}`) has its prefix in %s',
    (_name, entries) => {
      const keys = [...entries.keys()]
      const missing = sources.flatMap(([path, text]) =>
        [...text.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)]
          .map((match) => match[1] ?? '')
          .filter((prefix) => !keys.some((key) => key.startsWith(`${prefix}.`)))
          .map((prefix) => `${prefix} (${path.split('/src/renderer/src/')[1]})`),
      )
      expect(missing).toEqual([])
    },
  )
})

describe('systemLanguage', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh-TW', 'en-US'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-Hans'], 'zh-CN'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ])('%j → %s', (preferred, expected) => {
    expect(systemLanguage(preferred)).toBe(expected)
  })
})
