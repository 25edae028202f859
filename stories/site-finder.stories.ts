import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@rsp/site-finder/site-finder.js';
import { loadFinderData } from '@rsp/site-finder';
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

/**
 * A site open: its address, hours in words, partners, contact and actions. The story reads the
 * national list itself (`loadFinderData`), hands it over with `setData()` and opens Gramat's site
 * with `openSite()`, the public API a host page would use.
 */
export const SiteOpen: Story = {
  args: { src: '' },
  render: (args) => {
    const template = meta.render(args);
    queueMicrotask(() => {
      const finder = document.querySelector<RspSiteFinder>('rsp-site-finder');
      if (!finder) return;
      void loadFinderData({ src: NATIONAL_LIST }).then(async (data) => {
        await finder.setData(data);
        const gramat = data.sites.find((s) => s.site.address.commune === 'Gramat') ?? data.sites[0];
        if (gramat) {
          finder.searchAround({ lat: gramat.site.coordinates?.lat ?? 44.78, lon: gramat.site.coordinates?.lon ?? 1.72, label: gramat.site.name, kind: 'site' });
          finder.openSite(gramat.id);
        }
      });
    });
    return template;
  },
};

/** Nothing within the radius: a search in the Atlantic, 5 km around. */
export const NoResult: Story = {
  args: { radius: 5 },
  render: (args) => {
    const template = meta.render(args);
    queueMicrotask(() => {
      const finder = document.querySelector<RspSiteFinder>('rsp-site-finder');
      finder?.addEventListener(
        'rsp-search',
        () => {
          finder.searchAround({ lat: 46.2, lon: -3.5, label: 'Golfe de Gascogne', kind: 'place' });
        },
        { once: true },
      );
    });
    return template;
  },
};

/**
 * 30,000 SYNTHETIC sites (made up here, named "Lieu synthétique n"), to see the clusters and the
 * paged list hold up ten times the national list. Fed as a GeoJSON file through `src`.
 */
export const ManySites: Story = {
  name: 'Many sites (30,000, synthetic)',
  args: { src: '' },
  render: (args) => {
    let state = 7;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const features = Array.from({ length: 30_000 }, (_, i) => ({
      type: 'Feature',
      id: `synthetic-${String(i)}`,
      geometry: { type: 'Point', coordinates: [-1.5 + random() * 9, 43.2 + random() * 7.6] },
      properties: { name: `Lieu synthétique ${String(i + 1)}`, venueKind: i % 3 === 0 ? 'france-services' : 'epn', commune: `Commune synthétique ${String(i % 900)}`, postcode: '00000' },
    }));
    const src = URL.createObjectURL(new Blob([JSON.stringify({ type: 'FeatureCollection', features })], { type: 'application/geo+json' }));
    return meta.render({ ...args, src });
  },
};
