/**
 * Leaflet 1.9 ships its ES module build without types; `@types/leaflet`
 * describes the same API for the UMD entry point. This declaration gives the
 * ES module the types of `leaflet`, so that the site finder can import Leaflet
 * as a module (no global `L`, tree-shaken by bundlers).
 */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
