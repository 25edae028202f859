// Helpers of the video counter's browser tests: reaching into the elements'
// shadow roots the way a person's clicks would, and waiting for what a person sees.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RspVideoCounter } from '../../src/video-counter/video-counter.component.js';
import type { RspVideoDesk } from '../../src/video-desk/video-desk.component.js';
import '../../src/video-counter/video-counter.js';
import '../../src/video-desk/video-desk.js';
import { server } from './commands.js';

export type Host = RspVideoCounter | RspVideoDesk;

export const $ = (el: Host, selector: string): HTMLElement | null => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
export const $$ = (el: Host, selector: string): HTMLElement[] => Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type it expects, as querySelector<T> does.
export function must<T extends HTMLElement = HTMLElement>(el: Host, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in <${el.localName}>: ${el.shadowRoot?.innerHTML.slice(0, 400) ?? ''}`);
  return found;
}

/** The element's step (`data-step` of its base). */
export const stepOf = (el: Host): string | undefined => $(el, '[part~="base"]')?.dataset.step;

export async function waitStep(el: Host, step: string, timeout = 15000): Promise<void> {
  await waitUntil(() => stepOf(el) === step, `<${el.localName}> never reached "${step}" (at "${stepOf(el) ?? '?'}")`, { timeout });
}

/** Clicks the button whose text is `text` (exactly, trimmed). */
export async function clickText(el: Host, text: string): Promise<void> {
  await el.updateComplete;
  const button = $$(el, 'button').find((b) => b.textContent.trim() === text);
  if (!button) throw new Error(`No button "${text}" in <${el.localName}>: ${$$(el, 'button').map((b) => b.textContent.trim()).join(' | ')}`);
  button.click();
  await el.updateComplete;
}

/** Types into a field and fires `input`, as typing does. */
export function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** A remote video that shows frames (a real decoded frame: width > 0). */
export async function remoteFrame(el: Host, timeout = 15000): Promise<HTMLVideoElement> {
  await waitUntil(() => (el.shadowRoot?.querySelector<HTMLVideoElement>('video[data-remote]')?.videoWidth ?? 0) > 0, `no remote video frame in <${el.localName}>`, { timeout });
  return must<HTMLVideoElement>(el, 'video[data-remote]');
}

/** Both elements in one page, on the real server, the desk with a CAF agent token. */
export async function pair(options: { kiosk?: boolean; deskAgency?: string; tokenAgency?: string } = {}): Promise<{ desk: RspVideoDesk; counter: RspVideoCounter; url: string }> {
  await server.reset();
  const url = await server.url();
  const token = await server.agentToken(options.tokenAgency ?? 'caf');
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <rsp-video-desk api-base=${url} agency-id=${options.deskAgency ?? 'caf'} poll-seconds="1"></rsp-video-desk>
    <rsp-video-counter api-base=${url} site-id="lot-gramat" agency-id="caf" poll-seconds="1" ?kiosk=${options.kiosk ?? false}></rsp-video-counter>
  </div>`);
  const desk = wrap.querySelector('rsp-video-desk')!;
  const counter = wrap.querySelector('rsp-video-counter')!;
  desk.token = token;
  await desk.updateComplete;
  return { desk, counter, url };
}

export const deviceButton = { fr: 'Vérifier la caméra et le micro' };

/** Runs the device check of an element (fake camera and microphone). */
export async function checkDevices(el: Host): Promise<void> {
  await clickText(el, deviceButton.fr);
  await waitUntil(() => $(el, 'video[data-self]') !== null && $(el, 'meter') !== null, 'no camera preview', { timeout: 10000 });
}

/** Opens the desk: device check, then "Ouvrir mon poste", until the queue shows. */
export async function openDesk(desk: RspVideoDesk): Promise<void> {
  await checkDevices(desk);
  await clickText(desk, 'Ouvrir mon poste');
  await waitStep(desk, 'queue');
}

/** The citizen checks devices and joins the queue. */
export async function joinQueue(counter: RspVideoCounter): Promise<void> {
  await checkDevices(counter);
  await clickText(counter, 'Rejoindre la file d’attente');
  await waitStep(counter, 'queue');
}

/** Desk open, citizen queued, desk admits the next caller: both in the call with frames both ways. */
export async function connect(desk: RspVideoDesk, counter: RspVideoCounter): Promise<void> {
  await openDesk(desk);
  await joinQueue(counter);
  await waitUntil(() => $$(desk, '[part~="queue-entry"]').length === 1, 'the caller never showed in the desk’s queue', { timeout: 10000 });
  await clickText(desk, 'Prendre l’appel suivant');
  await waitStep(desk, 'call');
  await waitStep(counter, 'call');
  await remoteFrame(desk);
  await remoteFrame(counter);
}

/** Sends a chat message from an element. */
export async function chat(el: Host, text: string): Promise<void> {
  type(must<HTMLInputElement>(el, '#chat-input'), text);
  await el.updateComplete;
  must<HTMLButtonElement>(el, '[part~="chat-form"] button[type="submit"]').click();
  await el.updateComplete;
}

/** Sends files through the element's file input, as a person choosing them does. */
export function chooseFiles(el: Host, files: File[]): void {
  const input = must<HTMLInputElement>(el, '#file-input');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** `n` random bytes. */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(n);
  for (let offset = 0; offset < n; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, Math.min(n, offset + 65536)));
  return bytes;
}

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
