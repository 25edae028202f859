import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@rsp/video-counter/video-counter.js';
import '@rsp/video-counter/video-desk.js';
import type { RspVideoCounter, RspVideoDesk } from '@rsp/video-counter';

/**
 * The visio-guichet: the citizen's <rsp-video-counter> and the agent's <rsp-video-desk>. The call
 * goes through the RSP Kit server's queue and PeerJS signalling: `npm start` serves Storybook under
 * /storybook/ next to /api/ and /peerjs with the demo data (docs/demo.md) and prints an agent token
 * for the CAF (paste it in the `token` control). Under a bare `storybook dev` the states that need the
 * server show its "service unreachable" message instead.
 *
 * Media: the browser's camera and microphone when there are some. Where `getUserMedia` is missing or
 * finds no device, these stories give the elements a FAKE camera — a canvas stream labelled
 * "Image de synthèse (Storybook)" — and a quiet tone as the microphone. It is clearly a test picture.
 */
interface VideoArgs {
  'api-base': string;
  'site-id': string;
  'agency-id': string;
  token: string;
  kiosk: boolean;
  lang: string;
}

/** A canvas stream with a moving test picture, and an oscillator as a microphone: fake media, labelled. */
function syntheticStream(): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  let frame = 0;
  const draw = (): void => {
    if (!context) return;
    frame += 1;
    context.fillStyle = '#1f5e8c';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#ffffff';
    context.font = '28px system-ui, sans-serif';
    context.fillText('Image de synthèse (Storybook)', 120, 220);
    context.fillText('Synthetic picture', 200, 260);
    context.beginPath();
    context.arc(320 + 200 * Math.sin(frame / 30), 380, 20, 0, Math.PI * 2);
    context.fill();
    requestAnimationFrame(draw);
  };
  draw();
  const stream = canvas.captureStream(24);
  const audio = new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  gain.gain.value = 0.05;
  const destination = audio.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  for (const track of destination.stream.getAudioTracks()) stream.addTrack(track);
  return stream;
}

/** Falls back to the synthetic stream when the browser has no camera (or no getUserMedia). */
function withFakeMediaWhenNeeded(): void {
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices) {
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: () => Promise.resolve(syntheticStream()) }, configurable: true });
    return;
  }
  const marked = devices as MediaDevices & { rspStoryFallback?: boolean };
  if (marked.rspStoryFallback) return;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = (constraints) => original(constraints).catch((error: unknown) => {
    if (error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'NotReadableError')) return syntheticStream();
    throw error;
  });
  marked.rspStoryFallback = true;
}

const counter = (args: VideoArgs) => html`<rsp-video-counter
  api-base=${args['api-base'] || nothing}
  site-id=${args['site-id'] || nothing}
  agency-id=${args['agency-id'] || nothing}
  ?kiosk=${args.kiosk}
  poll-seconds="2"
  lang=${args.lang || nothing}
></rsp-video-counter>`;

const desk = (args: VideoArgs) => html`<rsp-video-desk
  api-base=${args['api-base'] || nothing}
  agency-id=${args['agency-id'] || nothing}
  .token=${args.token || undefined}
  poll-seconds="2"
  lang=${args.lang || nothing}
></rsp-video-desk>`;

const meta = {
  title: 'Widgets/Video counter',
  component: 'rsp-video-counter',
  args: { 'api-base': '/', 'site-id': 'rsp-46-gourdon', 'agency-id': 'caf', token: '', kiosk: false, lang: 'fr' },
  render: (args) => counter(args),
  loaders: [
    () => {
      withFakeMediaWhenNeeded();
      return Promise.resolve({});
    },
  ],
} satisfies Meta<VideoArgs>;

export default meta;
type Story = StoryObj<VideoArgs>;

type Host = RspVideoCounter | RspVideoDesk;
const stepOf = (el: Host) => el.shadowRoot?.querySelector<HTMLElement>('[part~="base"]')?.dataset.step;
const pressText = (el: Host, text: string): boolean => {
  const button = Array.from(el.shadowRoot?.querySelectorAll('button') ?? []).find((b) => b.textContent.trim() === text && !b.disabled);
  button?.click();
  return button !== undefined;
};

/** Clicks through, as a person would, until `done()` (a few seconds at most). */
function walk(plan: () => boolean): void {
  let tries = 0;
  const tick = (): void => {
    tries += 1;
    if (tries > 120 || plan()) return;
    setTimeout(tick, 250);
  };
  setTimeout(tick, 250);
}

const all = <T extends Element>(tag: string): T[] => Array.from(document.querySelectorAll<T>(tag));

/** Not configured: the element says what is missing. */
export const NotConfigured: Story = { args: { 'api-base': '', 'site-id': '' } };

/** The first screen: agency preset, the camera and microphone check to start. */
export const DeviceCheckStart: Story = {};

/** The check done: preview, microphone level, "join the queue". */
export const DeviceCheckDone: Story = {
  play: () => {
    walk(() => all<RspVideoCounter>('rsp-video-counter').every((el) => el.shadowRoot?.querySelector('meter') != null || !pressText(el, 'Vérifier la caméra et le micro')));
  },
};

/** The person refused the camera: getUserMedia rejects with NotAllowedError (simulated here), and the element says what to do. */
export const PermissionRefused: Story = {
  loaders: [
    () => {
      const devices = navigator.mediaDevices as MediaDevices | undefined;
      if (devices) devices.getUserMedia = () => Promise.reject(new DOMException('Permission denied (story)', 'NotAllowedError'));
      return Promise.resolve({});
    },
  ],
  play: () => {
    walk(() => all<RspVideoCounter>('rsp-video-counter').every((el) => el.shadowRoot?.querySelector('[part~="error"]') != null || !pressText(el, 'Vérifier la caméra et le micro')));
  },
};

/** English, kiosk mode (larger targets, wiped after the call and after inactivity). */
export const KioskEnglish: Story = { args: { kiosk: true, lang: 'en' } };

/** The agent's desk without a token: the page has not signed the agent in. */
export const DeskWithoutToken: Story = { render: (args) => desk(args) };

/** The agent's desk before it is opened (needs the `token` control: an agent token of the agency). */
export const DeskDeviceCheck: Story = { render: (args) => desk(args) };

/**
 * Both sides on one page through the demo server: the desk opens, the citizen joins the queue, the
 * agent admits the call. Needs `npm start` and an agent token of the CAF in the `token` control.
 */
export const CallBothSides: Story = {
  render: (args) => html`<div class="rsp-story-pair">${desk(args)}${counter(args)}</div>`,
  play: () => {
    walk(() => {
      const [d] = all<RspVideoDesk>('rsp-video-desk');
      const [c] = all<RspVideoCounter>('rsp-video-counter');
      if (!d || !c || !d.token) return true;
      if (stepOf(d) === 'call' && stepOf(c) === 'call') return true;
      if (stepOf(d) === 'devices') {
        if (!pressText(d, 'Vérifier la caméra et le micro')) pressText(d, 'Ouvrir mon poste');
      } else if (stepOf(c) === 'devices') {
        if (!pressText(c, 'Vérifier la caméra et le micro')) pressText(c, 'Rejoindre la file d’attente');
      }
      if (stepOf(d) === 'queue' && stepOf(c) === 'queue') pressText(d, 'Prendre l’appel suivant');
      return false;
    });
  },
};
