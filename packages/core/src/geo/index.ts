/**
 * Geography (`@rsp/core/geo.js`): distances, a spatial index of sites, a local place search,
 * and a geocoder on the IGN Géoplateforme.
 *
 * @module
 */
export { EARTH_RADIUS_KM, distanceKm, wrapLongitude } from './distance.js';
export type { LatLon } from './distance.js';
export { createSiteIndex } from './site-index.js';
export type { BoundingBox, GeoSite, NearestOptions, SiteHit, SiteIndex } from './site-index.js';
export { normalizePlaceName } from './normalize.js';
export { createPlaceSearch } from './place-search.js';
export type { PlaceKind, PlaceMatch, PlaceSearch, PlaceSearchOptions, PlaceSite, PlaceSuggestion } from './place-search.js';
export { GeocoderError, isGeocoderError } from './geocoder.js';
export type {
  GeocodeCallOptions,
  GeocodeKind,
  GeocodeResult,
  GeocodeSearchOptions,
  Geocoder,
  GeocoderErrorKind,
  GeocoderErrorOptions,
} from './geocoder.js';
export { GEOPLATEFORME_GEOCODING_URL, createGeoplateformeGeocoder, parseRetryAfter } from './geoplateforme.js';
export type { GeoplateformeOptions } from './geoplateforme.js';
export { createTokenBucket } from './token-bucket.js';
export type { TokenBucket, TokenBucketOptions } from './token-bucket.js';
