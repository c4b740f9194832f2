import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../db/contract';
import { CALL_CHANNEL } from './channel';

// The page's only door to the app: window.fto has one function per contract method, each sending
// (method, input) to the main process, which answers {ok, value} or {ok, error}. Nothing else of
// Electron (no ipcRenderer, no events) reaches the page.
const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const name of methodNames) {
  api[name] = (input?: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, input);
}

contextBridge.exposeInMainWorld('fto', Object.freeze(api));
