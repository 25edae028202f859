// The CDN bundle: everything of @rsp/elements in one minified file that
// registers <rsp-notice> when loaded with <script type="module">.
import './notice/notice.js';

export * from './index.js';
