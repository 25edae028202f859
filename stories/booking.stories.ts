import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@rsp/booking/booking.js';
import type { BookingStep, RspBooking } from '@rsp/booking';

/**
 * The booking widget talks to the RSP Kit API. These stories use the demo server's (`npm start`
 * serves Storybook under /storybook/ next to /api/, with the demo data of docs/demo.md); under a
 * bare `storybook dev` they show the "service unreachable" state instead, which is a state too.
 */
interface BookingArgs {
  'api-base': string;
  'site-id': string;
  agency: string;
  motif: string;
  token: string;
  lang: string;
}

const meta = {
  title: 'Widgets/Booking',
  component: 'rsp-booking',
  args: { 'api-base': '/', 'site-id': 'rsp-46-gourdon', agency: 'caf', motif: 'caf-rsa', token: '', lang: 'fr' },
  render: (args) => html`
    <rsp-booking
      api-base=${args['api-base'] || nothing}
      site-id=${args['site-id'] || nothing}
      agency=${args.agency || nothing}
      motif=${args.motif || nothing}
      token=${args.token || nothing}
      lang=${args.lang || nothing}
    ></rsp-booking>
  `,
} satisfies Meta<BookingArgs>;

export default meta;
type Story = StoryObj<BookingArgs>;

const idle = (el: RspBooking) => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';
const stepOf = (el: RspBooking) => el.shadowRoot?.querySelector<HTMLElement>('[part="base"]')?.dataset.step as BookingStep | undefined;
const press = (el: RspBooking, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector)?.click();

/** Clicks through the flow, as a person would, until each widget of the story shows `target` (a few seconds at most). */
function walkTo(target: BookingStep, fill = true): void {
  queueMicrotask(() => {
    for (const el of document.querySelectorAll<RspBooking>('rsp-booking')) walk(el, target, fill);
  });
}

function walk(el: RspBooking, target: BookingStep, fill: boolean): void {
  let tries = 0;
  const tick = () => {
    tries += 1;
    const step = stepOf(el);
    if (tries > 100 || step === target || (step === 'details' && !fill)) return;
    if (idle(el)) {
      if (step === 'channel' || step === 'place') press(el, '[part="option"] input');
      if (step === 'time') press(el, '[part="slot"]');
      else {
        if (step === 'details') {
          for (const [name, value] of [
            ['name', 'Camille Martin'],
            ['phone', '05 65 10 20 30'],
          ] as const) {
            const input = el.shadowRoot?.querySelector<HTMLInputElement>(`input[name="${name}"]`);
            if (input) {
              input.value = value;
              input.dispatchEvent(new Event('input'));
            }
          }
        }
        press(el, '[part="primary"]');
      }
    }
    setTimeout(tick, 100);
  };
  setTimeout(tick, 100);
}

/** Step 1: the agency and the motif, preselected by the host page (Gourdon, CAF, RSA). */
export const Subject: Story = {};

/** Step 1 with nothing preselected: the agencies that receive at Gourdon. */
export const SubjectToChoose: Story = { args: { agency: '', motif: '' } };

/** Step 2: on site, visio-guichet or phone, as the motif allows. */
export const Channel: Story = {
  render: (args) => {
    walkTo('channel');
    return meta.render(args);
  },
};

/** Step 3: no site preselected — the agency's sites with a visio station. */
export const Place: Story = {
  args: { 'site-id': '' },
  render: (args) => {
    walkTo('place');
    return meta.render(args);
  },
};

/** Step 4: the next free slots, then the calendar (arrow keys, Home/End, Page Up/Down). */
export const Time: Story = {
  render: (args) => {
    walkTo('time');
    return meta.render(args);
  },
};

/** Step 5: the details, with the privacy notice. */
export const Details: Story = {
  render: (args) => {
    walkTo('details');
    return meta.render(args);
  },
};

/** Step 5 sent empty: the errors in plain words, next to each field. */
export const DetailsWithErrors: Story = {
  render: (args) => {
    walkTo('details', false);
    queueMicrotask(() => {
      const el = document.querySelector<RspBooking>('rsp-booking');
      const wait = setInterval(() => {
        if (el && stepOf(el) === 'details') {
          clearInterval(wait);
          press(el, '[part="primary"]');
        }
      }, 100);
      setTimeout(() => {
        clearInterval(wait);
      }, 10_000);
    });
    return meta.render(args);
  },
};

/** Step 6: the summary before confirming (confirming books a real slot of the demo). */
export const Summary: Story = {
  render: (args) => {
    walkTo('summary');
    return meta.render(args);
  },
};

/** Two widgets on the same slot: confirm both at once to see the 409 state (fresh slots, details kept). */
export const SlotTakenRace: Story = {
  render: (args) => {
    walkTo('summary');
    return html`${meta.render(args)}${meta.render(args)}`;
  },
};

/** The link of a booking that does not exist. */
export const BrokenLink: Story = { args: { token: 'this-is-not-a-real-token' } };

/** No server answering: the message and "Réessayer". */
export const Unreachable: Story = { args: { 'api-base': 'http://127.0.0.1:9/' } };

/** In English. */
export const English: Story = { args: { lang: 'en' } };

const gramat = {
  schemaVersion: 1,
  id: 'rsp-46-gramat',
  name: 'Relais Services Publics de Gramat',
  venueKind: 'cyber-base',
  address: { street: '10 place de la République', postcode: '46500', commune: 'Gramat' },
  openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
  phone: '05 65 38 00 00',
  equipment: {},
  mediatorIds: [],
  stops: [],
} as RspBooking['sites'][number];

/** No API configured: the read-only "call this number or go there" card. */
export const StaticFallback: Story = {
  render: () => html`<rsp-booking site-id="rsp-46-gramat" .sites=${[gramat]}></rsp-booking>`,
};
