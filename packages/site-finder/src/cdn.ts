// The CDN bundle (dist/cdn/rsp-site-finder.min.js): Lit, Leaflet and the whole
// finder in one minified file that registers <rsp-site-finder>, <rsp-site-map>
// and <rsp-notice> when loaded with <script type="module">.
import './site-finder/site-finder.js';

export * from './index.js';
