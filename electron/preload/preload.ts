import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from './bridge.ts';

// Runs sandboxed: only 'electron' may be required; the bundle carries everything else.
contextBridge.exposeInMainWorld(
  'marginalia',
  buildBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      // The IPC event (with its sender) never reaches the page, only the payload.
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    },
  ),
);
