import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { APP_COMMANDS, COMMAND_CHANNEL, type AppCommand } from '@shared/api/commands'
import type { Handlers } from '@shared/api/contract'
import type { Language } from '@shared/api/settings-schema'
import {
  afterLanguageWrites,
  buildMenuTemplate,
  installAppMenu,
  menuLanguage,
} from '../../src/main/electron/menu'

const fake = vi.hoisted(() => ({ locale: 'en-US' }))

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    getVersion: () => '9.8.7',
    getLocale: () => fake.locale,
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
}))

type Item = MenuItemConstructorOptions

/** Every item of a template, submenus included, depth first. */
function items(template: readonly Item[]): Item[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as Item[]) : []),
  ])
}

function template(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}): Item[] {
  return buildMenuTemplate({
    platform: 'linux',
    language: 'en',
    isPackaged: true,
    send: vi.fn(),
    showAbout: vi.fn(),
    ...overrides,
  })
}

const roles = (menu: readonly Item[]) => items(menu).flatMap((item) => item.role ?? [])
const topLabels = (menu: readonly Item[]) => menu.map((item) => item.label)

const COMMAND_LABELS: Record<Language, Record<AppCommand, string>> = {
  'zh-CN': {
    'new-loan': '新建贷款',
    'log-payment': '记录还款',
    backup: '立即备份',
    export: '导出数据',
  },
  en: {
    'new-loan': 'New loan',
    'log-payment': 'Log payment',
    backup: 'Back up now',
    export: 'Export data',
  },
}
const ACCELERATORS: Record<AppCommand, string> = {
  'new-loan': 'CmdOrCtrl+N',
  'log-payment': 'CmdOrCtrl+Shift+P',
  backup: 'CmdOrCtrl+B',
  export: 'CmdOrCtrl+E',
}

describe('the menu template', () => {
  it.each([
    ['zh-CN', ['文件', '编辑', '视图', '窗口', '帮助']],
    ['en', ['File', 'Edit', 'View', 'Window', 'Help']],
  ] as const)('in %s has File, Edit, View, Window and Help', (language, labels) => {
    expect(topLabels(template({ language }))).toEqual(labels)
  })

  it.each(['zh-CN', 'en'] as const)(
    'in %s has the four commands in File with their labels and shortcuts',
    (language) => {
      const file = template({ language })[0]?.submenu as Item[]
      for (const command of APP_COMMANDS) {
        const item = file.find((entry) => entry.id === command)
        expect(item, command).toMatchObject({
          label: COMMAND_LABELS[language][command],
          accelerator: ACCELERATORS[command],
        })
        // Enabled always: the page decides what a command means where the user is.
        expect(item?.enabled, command).toBeUndefined()
      }
    },
  )

  it('labels every role item in Chinese when the language is zh-CN', () => {
    for (const item of items(template({ language: 'zh-CN', platform: 'darwin' }))) {
      if (item.type === 'separator') continue
      expect(item.label, item.role ?? item.id).toMatch(/[\u4e00-\u9fff]|^RepayPath$/)
    }
  })

  it.each(['linux', 'win32', 'darwin'] as const)('on %s has the usual roles', (platform) => {
    const found = roles(template({ platform }))
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'minimize',
      'quit',
    ]) {
      expect(found, role).toContain(role)
    }
  })

  it('on macOS starts with the app menu: about, hide, quit', () => {
    const [appMenu, file] = template({ platform: 'darwin' })
    expect(appMenu?.label).toBe('RepayPath')
    expect(roles([appMenu!])).toEqual(
      expect.arrayContaining(['about', 'hide', 'hideOthers', 'unhide', 'quit']),
    )
    // Quit lives in the app menu there, not in File.
    expect(roles([file!])).not.toContain('quit')
    expect(roles(template({ platform: 'linux' }).slice(0, 1))).toContain('quit')
  })

  it('offers reload and developer tools only when not packaged', () => {
    for (const role of ['toggleDevTools', 'reload', 'forceReload']) {
      expect(roles(template({ isPackaged: true })), role).not.toContain(role)
      expect(roles(template({ isPackaged: false })), role).toContain(role)
    }
  })

  it('sends exactly the clicked command, once', () => {
    for (const command of APP_COMMANDS) {
      const send = vi.fn()
      const item = items(template({ send })).find((entry) => entry.id === command)
      ;(item?.click as () => void)()
      expect(send.mock.calls).toEqual([[command]])
    }
  })

  it('opens the About box from Help', () => {
    const showAbout = vi.fn()
    const help = template({ showAbout }).at(-1)
    const about = (help?.submenu as Item[]).find((item) => item.id === 'about')
    ;(about?.click as () => void)()
    expect(showAbout).toHaveBeenCalledTimes(1)
  })
})

describe('the menu language', () => {
  it.each([
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
    [null, 'zh-TW', 'zh-CN'],
    [null, 'zh', 'zh-CN'],
    [null, 'en-GB', 'en'],
    [null, 'fr', 'en'],
  ] as const)('stored %s, system %s → %s', (stored, system, expected) => {
    expect(menuLanguage(stored, system)).toBe(expected)
  })
})

describe('afterLanguageWrites', () => {
  const base = {
    'settings.update': vi.fn(async () => 'updated'),
    'data.import': vi.fn(async () => {
      throw new Error('bad file')
    }),
    'backup.restore': vi.fn(async () => 'restored'),
    'loans.list': vi.fn(async () => []),
  } as unknown as Handlers

  it('calls back after each write that can change the language, passing results through', async () => {
    const onWrite = vi.fn()
    const wrapped = afterLanguageWrites(base, onWrite)
    expect(await wrapped['loans.list']({ includeArchived: false })).toEqual([])
    expect(onWrite).not.toHaveBeenCalled()
    expect(await wrapped['settings.update']({ language: 'en' })).toBe('updated')
    expect(onWrite).toHaveBeenCalledTimes(1)
    await expect(wrapped['data.import']({} as never)).rejects.toThrow('bad file')
    expect(onWrite).toHaveBeenCalledTimes(2)
    expect(await wrapped['backup.restore']({ name: 'x' })).toBe('restored')
    expect(onWrite).toHaveBeenCalledTimes(3)
  })
})

describe('installAppMenu', () => {
  function setup(stored: () => Language | null, platform: NodeJS.Platform = 'linux') {
    const send = vi.fn()
    const window = { isDestroyed: () => false, webContents: { send } }
    const settings = {
      'settings.get': async () => ({ language: stored(), lprTable: null, reminders: null }),
    } as unknown as Handlers
    const menu = installAppMenu({
      settings,
      window: () => window as never,
      dataDir: '/home/me/.config/RepayPath',
      platform,
    })
    return { menu, send }
  }

  async function lastTemplate(): Promise<Item[]> {
    const { Menu } = await import('electron')
    return vi.mocked(Menu.buildFromTemplate).mock.calls.at(-1)?.[0] as Item[]
  }

  it('uses the stored language, else the system’s, and rebuilds only when it changes', async () => {
    const { Menu, app } = await import('electron')
    vi.mocked(Menu.setApplicationMenu).mockClear()
    fake.locale = 'zh-CN'
    let stored: Language | null = null
    const { menu } = setup(() => stored)
    expect((await menu).language).toBe('zh-CN')
    expect(topLabels(await lastTemplate())[0]).toBe('文件')
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({
        applicationName: 'RepayPath 还款路径',
        applicationVersion: '9.8.7',
        credits: 'Local-first: your data never leaves this computer.',
      }),
    )

    await (await menu).refresh()
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    stored = 'en'
    await (await menu).refresh()
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(2)
    expect(topLabels(await lastTemplate())[0]).toBe('File')
  })

  it('sends a clicked command to the window on the one command channel', async () => {
    const { menu, send } = setup(() => 'en')
    await menu
    for (const command of APP_COMMANDS) {
      const item = items(await lastTemplate()).find((entry) => entry.id === command)
      ;(item?.click as () => void)()
      expect(send).toHaveBeenLastCalledWith(COMMAND_CHANNEL, command)
    }
    expect(send).toHaveBeenCalledTimes(APP_COMMANDS.length)
  })

  it('shows About with the version, the local-first note and the data folder off macOS', async () => {
    const { dialog, app } = await import('electron')
    await setup(() => 'zh-CN').menu
    const about = items(await lastTemplate()).find((item) => item.id === 'about')
    ;(about?.click as () => void)()
    const [, box] = vi.mocked(dialog.showMessageBox).mock.calls.at(-1) as unknown as [
      unknown,
      { message: string; detail: string },
    ]
    expect(box.message).toBe('RepayPath 还款路径')
    expect(box.detail).toContain('9.8.7')
    expect(box.detail).toContain('本地优先')
    expect(box.detail).toContain('/home/me/.config/RepayPath')

    await setup(() => 'en', 'darwin').menu
    const macAbout = items(await lastTemplate()).find((item) => item.id === 'about')
    ;(macAbout?.click as () => void)()
    expect(app.showAboutPanel).toHaveBeenCalledTimes(1)
  })
})
