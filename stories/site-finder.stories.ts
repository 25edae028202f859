import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@rsp/site-finder/site-finder.js';
import type { RspSiteFinder } from '@rsp/site-finder';

/** Args named after the attributes in the Custom Elements Manifest. */
interface FinderArgs {
  src: string;
  'api-base': string;
  center: string;
  zoom: number;
  radius: number;
  filters: string;
  'show-charter': boolean;
}

/** The 2024 national list of France Services (2,845 sites), served by Storybook from data/. */
const NATIONAL_LIST = './data/france-services-2024-08-01.csv';

const meta = {
  title: 'Widgets/Site finder',
  component: 'rsp-site-finder',
  args: {
    src: NATIONAL_LIST,
    'api-base': '',
    center: '46.6,2.5',
    zoom: 6,
    radius: 30,
    filters: 'service,venue-kind,open-now,visio,appointments,radius',
    'show-charter': false,
  },
  render: (args) => html`
    <rsp-site-finder
      src=${args.src || nothing}
      api-base=${args['api-base'] || nothing}
      center=${args.center || nothing}
      zoom=${args.zoom}
      radius=${args.radius}
      filters=${args.filters}
      ?show-charter=${args['show-charter']}
    ></rsp-site-finder>
  `,
} satisfies Meta<FinderArgs>;

export default meta;
type Story = StoryObj<FinderArgs>;

/** The national list, by name, with the map of France. */
export const NationalList: Story = {};

/** A search around Gramat (Lot): nearest first, within 30 km, the map fitted to the results. */
export const AroundGramat: Story = {
  render: (args) => {
    const template = meta.render(args);
    queueMicrotask(() => {
      const finder = document.querySelector<RspSiteFinder>('rsp-site-finder');
      finder?.addEventListener(
        'rsp-search',
        () => {
          finder.searchAround({ lat: 44.7806, lon: 1.7197, label: 'Gramat', kind: 'place' });
        },
        { once: true },
      );
    });
    return template;
  },
};

/** Every filter shown. */
export const AllFilters: Story = {
  args: { filters: 'agency,service,venue-kind,open-now,visio,appointments,radius' },
};

/** Only the search and the list: the filters hidden. */
export const NoFilters: Story = {
  args: { filters: '' },
};

/** The file cannot be loaded: the error with "Réessayer". */
export const LoadError: Story = {
  name: 'Error',
  args: { src: './data/introuvable.csv' },
};

/** No data source configured: what a page sees while it is being set up. */
export const NoSource: Story = {
  args: { src: '' },
};

/** The whole widget in English. */
export const English: Story = {
  globals: { lang: 'en' },
};
