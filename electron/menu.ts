import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../db/paths';

/** What the menu asks of the main process; the roles (zoom, quit ...) Electron carries out itself. */
export interface MenuActions {
  backup(): void;
  openDatabase(): void;
  about(): void;
}

/**
 * The app's Dutch menu, as plain data so that a test can read it without Electron. Electron's own
 * role labels would follow the system language, so every item gets a Dutch label.
 */
export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    // macOS puts the app's own menu first, named after the app.
    template.push({
      label: PRODUCT_NAME,
      submenu: [
        { label: `Over ${PRODUCT_NAME}`, click: actions.about },
        { type: 'separator' },
        { label: `${PRODUCT_NAME} verbergen`, role: 'hide' },
        { label: 'Andere verbergen', role: 'hideOthers' },
        { label: 'Alles tonen', role: 'unhide' },
        { type: 'separator' },
        { label: `${PRODUCT_NAME} afsluiten`, role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'Bestand',
      submenu: [
        { label: 'Back-up maken...', accelerator: 'CmdOrCtrl+Shift+B', click: actions.backup },
        { label: 'Database openen...', accelerator: 'CmdOrCtrl+O', click: actions.openDatabase },
        { type: 'separator' },
        mac ? { label: 'Venster sluiten', role: 'close' } : { label: 'Afsluiten', role: 'quit' },
      ],
    },
    {
      // Without these roles, copy and paste in text fields do not work on macOS.
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Inzoomen', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: 'Uitzoomen', role: 'zoomOut' },
        { label: 'Ware grootte', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      role: 'help',
      submenu: [{ label: `Over ${PRODUCT_NAME}`, click: actions.about }],
    },
  );
  return template;
}
