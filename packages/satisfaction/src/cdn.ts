// The CDN bundle (dist/cdn/rsp-satisfaction-form.min.js): Lit and the form in one
// minified file that registers <rsp-satisfaction-form> and <rsp-notice> when
// loaded with <script type="module">.
import './satisfaction-form/satisfaction-form.js';

export * from './index.js';
