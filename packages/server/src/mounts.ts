import { resolve } from 'node:path';
import type { StaticMount } from './app.js';

/** Turns `PREFIX=FOLDER` into a mount, or says what is wrong with it. */
export function parseMount(value: string, strictCsp: boolean): StaticMount {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) {
    throw new Error(`--static expects PREFIX=FOLDER (for example /=./examples); got "${value}".`);
  }
  let prefix = value.slice(0, at);
  if (!prefix.startsWith('/')) prefix = `/${prefix}`;
  if (!prefix.endsWith('/')) prefix = `${prefix}/`;
  return { prefix, root: resolve(value.slice(at + 1)), strictCsp };
}
