// The CDN bundle (dist/cdn/rsp-booking.min.js): Lit, the API client and the
// booking widget in one minified file that registers <rsp-booking> and
// <rsp-notice> when loaded with <script type="module">.
import './booking/booking.js';

export * from './index.js';
