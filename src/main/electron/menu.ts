/**
 * The application menu: the usual roles, the app's own commands (sent to the page on one
 * allow-listed channel) and the About box, in zh-CN or en. `buildMenuTemplate` is pure (and
 * tested as data); `installAppMenu` puts it in place and rebuilds it when the language may
 * have changed.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { Handlers } from '@shared/api/contract'
import { COMMAND_ACCELERATORS, COMMAND_CHANNEL, type AppCommand } from '@shared/api/commands'
import type { Language } from '@shared/api/settings-schema'

export const APP_DISPLAY_NAME = 'RepayPath 还款路径'
export const LOCAL_FIRST_NOTE = 'Local-first: your data never leaves this computer.'

const LABELS = {
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    'new-loan': '新建贷款',
    'log-payment': '记录还款',
    backup: '立即备份',
    export: '导出数据',
    about: '关于 RepayPath 还款路径',
    services: '服务',
    hide: '隐藏 RepayPath',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
    quit: '退出 RepayPath',
    closeWindow: '关闭窗口',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    forceReload: '强制重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '全屏',
    minimize: '最小化',
    zoom: '缩放',
    front: '前置全部窗口',
    aboutVersion: '版本',
    aboutLocalFirst: '本地优先：你的数据从不离开这台电脑。',
    aboutDataFolder: '数据文件夹',
    ok: '好',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    'new-loan': 'New loan',
    'log-payment': 'Log payment',
    backup: 'Back up now',
    export: 'Export data',
    about: 'About RepayPath',
    services: 'Services',
    hide: 'Hide RepayPath',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit RepayPath',
    closeWindow: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    aboutVersion: 'Version',
    aboutLocalFirst: LOCAL_FIRST_NOTE,
    aboutDataFolder: 'Data folder',
    ok: 'OK',
  },
} as const satisfies Record<Language, Record<string, string>>

export type MenuLabels = (typeof LABELS)[Language]

export function menuLabels(language: Language): MenuLabels {
  return LABELS[language]
}

export interface MenuTemplateOptions {
  platform: NodeJS.Platform
  language: Language
  /** Reload and developer tools are offered only when running unpackaged (development). */
  isPackaged: boolean
  send: (command: AppCommand) => void
  showAbout: () => void
}

type Role = NonNullable<MenuItemConstructorOptions['role']>

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const labels = LABELS[options.language]
  const mac = options.platform === 'darwin'
  const role = (name: Role & keyof MenuLabels): MenuItemConstructorOptions => ({
    role: name,
    label: labels[name],
  })
  const command = (name: AppCommand): MenuItemConstructorOptions => ({
    id: name,
    label: labels[name],
    accelerator: COMMAND_ACCELERATORS[name],
    click: () => options.send(name),
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'RepayPath',
          submenu: [
            role('about'),
            separator,
            { role: 'services', label: labels.services },
            separator,
            role('hide'),
            role('hideOthers'),
            role('unhide'),
            separator,
            role('quit'),
          ],
        },
      ]
    : []

  return [
    ...appMenu,
    {
      label: labels.file,
      submenu: [
        command('new-loan'),
        command('log-payment'),
        separator,
        command('backup'),
        command('export'),
        separator,
        mac ? { role: 'close', label: labels.closeWindow } : role('quit'),
      ],
    },
    {
      label: labels.edit,
      submenu: [
        role('undo'),
        role('redo'),
        separator,
        role('cut'),
        role('copy'),
        role('paste'),
        role('selectAll'),
      ],
    },
    {
      label: labels.view,
      submenu: [
        ...(options.isPackaged
          ? []
          : [role('reload'), role('forceReload'), role('toggleDevTools'), separator]),
        role('resetZoom'),
        role('zoomIn'),
        role('zoomOut'),
        separator,
        role('togglefullscreen'),
      ],
    },
    {
      label: labels.window,
      role: 'window',
      submenu: mac
        ? [role('minimize'), role('zoom'), separator, role('front')]
        : [role('minimize'), { role: 'close', label: labels.closeWindow }],
    },
    {
      label: labels.help,
      role: 'help',
      submenu: [{ id: 'about', label: labels.about, click: () => options.showAbout() }],
    },
  ]
}

/** The stored language, or the system's (any Chinese → zh-CN, else English), as the page does. */
export function menuLanguage(stored: Language | null, systemLocale: string): Language {
  if (stored !== null) return stored
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** The methods after which the stored language may differ: rebuild the menu after each. */
export const LANGUAGE_WRITERS = ['settings.update', 'data.import', 'backup.restore'] as const

/**
 * The handler table with `onWrite` called after each call of a method that can change the
 * language (whether it succeeded or not: `onWrite` reads the stored setting again anyway).
 */
export function afterLanguageWrites(handlers: Handlers, onWrite: () => unknown): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers }
  for (const method of LANGUAGE_WRITERS) {
    const original = handlers[method] as (input: never) => unknown
    wrapped[method] = async (input: never) => {
      try {
        return await original(input)
      } finally {
        // The call's own result is what the page waits for; a failing rebuild is only logged.
        Promise.resolve()
          .then(onWrite)
          .catch((error: unknown) => console.error('The menu could not be rebuilt', error))
      }
    }
  }
  return wrapped as unknown as Handlers
}

export interface AppMenu {
  /** Reads the stored language and rebuilds the menu if it changed. */
  refresh(): Promise<void>
  readonly language: Language
}

/**
 * Sets the About panel and the application menu. Commands go to `window()`'s page on
 * `COMMAND_CHANNEL`; the language comes from the stored setting, else the system's locale.
 */
export async function installAppMenu(options: {
  settings: Pick<Handlers, 'settings.get'>
  window: () => BrowserWindow | null
  dataDir: string
  platform?: NodeJS.Platform
}): Promise<AppMenu> {
  const platform = options.platform ?? process.platform
  app.setAboutPanelOptions({
    applicationName: APP_DISPLAY_NAME,
    applicationVersion: app.getVersion(),
    copyright: 'Copyright © RepayPath contributors. MIT License.',
    credits: LOCAL_FIRST_NOTE,
  })
  let language: Language | null = null

  const storedLanguage = async (): Promise<Language | null> => {
    try {
      return (await options.settings['settings.get']({})).language
    } catch {
      // Recovery mode or a failing read: the system's language will do for the menu.
      return null
    }
  }

  const showAbout = () => {
    if (platform === 'darwin') return app.showAboutPanel()
    // Elsewhere the native panel shows neither the note nor the data folder: a message box does.
    const labels = LABELS[language ?? 'en']
    const box = {
      type: 'info' as const,
      title: labels.about,
      message: APP_DISPLAY_NAME,
      detail: [
        `${labels.aboutVersion} ${app.getVersion()}`,
        labels.aboutLocalFirst,
        `${labels.aboutDataFolder}: ${options.dataDir}`,
      ].join('\n\n'),
      buttons: [labels.ok],
    }
    const parent = options.window()
    void (parent === null ? dialog.showMessageBox(box) : dialog.showMessageBox(parent, box))
  }

  const send = (command: AppCommand) => {
    const window = options.window()
    if (window === null || window.isDestroyed()) return
    window.webContents.send(COMMAND_CHANNEL, command)
  }

  const refresh = async () => {
    const next = menuLanguage(await storedLanguage(), app.getLocale())
    if (next === language) return
    language = next
    const template = buildMenuTemplate({
      platform,
      language: next,
      isPackaged: app.isPackaged,
      send,
      showAbout,
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  await refresh()
  return {
    refresh,
    get language() {
      return language ?? 'en'
    },
  }
}
