// The CDN bundle (dist/cdn/rsp-video-counter.min.js): Lit, the API client,
// PeerJS and both elements in one minified file that registers
// <rsp-video-counter> and <rsp-video-desk> when loaded with <script type="module">.
import './video-counter/video-counter.js';
import './video-desk/video-desk.js';

export * from './index.js';
