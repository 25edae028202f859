import { defineMessages } from '@rsp/elements';

/** Texts of the site finder's map. French typography: a no-break space before `:` and `;`. */
export const siteMapMessages = defineMessages({
  fr: {
    map: 'Carte des lieux',
    instructions:
      'Flèches\u00a0: déplacer la carte\u00a0; + et −\u00a0: zoomer\u00a0; Entrée\u00a0: chercher autour du centre de la carte. ' +
      'Chaque lieu et chaque groupe de lieux est un bouton.',
    cluster: (count: string) => `${count} lieux`,
    origin: (label: string) => `Point de recherche\u00a0: ${label}`,
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    attributionBefore: '© les contributeurs d’',
    attributionLink: 'OpenStreetMap',
    attributionAfter: '',
  },
  en: {
    map: 'Map of sites',
    instructions:
      'Arrow keys: move the map; + and −: zoom; Enter: search around the centre of the map. ' +
      'Each site and each group of sites is a button.',
    cluster: (count: string) => `${count} sites`,
    origin: (label: string) => `Search point: ${label}`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    attributionBefore: '© ',
    attributionLink: 'OpenStreetMap',
    attributionAfter: ' contributors',
  },
});
