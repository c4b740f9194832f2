/** The IPC channel of the one handler that carries every contract method (kept apart: the preload bundles no Node module). */
export const CALL_CHANNEL = 'fto:call';
