import { LitElement } from 'lit';
import type { CSSResultGroup } from 'lit';
import { defineElement } from './define.js';
import type { RspEvent } from './events.js';
import { baseStyles, tokenStyles } from './theme/tokens.js';
import { version } from './version.js';

/**
 * Base class of every RSP Kit element: theme tokens and base styles, the
 * version used for safe registration, and a typed way to fire events.
 *
 * Subclasses extend the styles (`static override styles = [RspElement.styles, styles]`)
 * and are registered by a separate module with `MyElement.define('rsp-my-element')`.
 */
export class RspElement extends LitElement {
  /** The RSP Kit version of this class, reported when two copies meet on a page. */
  static readonly rspVersion: string = version;

  static override styles: CSSResultGroup = [tokenStyles, baseStyles];

  /**
   * Registers this class under `tag` unless the tag is taken, in which case
   * it warns and keeps the existing definition (see {@link defineElement}).
   */
  static define(tag: `rsp-${string}`, registry: CustomElementRegistry = customElements): boolean {
    return defineElement(tag, this, registry);
  }

  /**
   * Dispatches an RSP Kit event from this element. Returns `false` when a
   * cancelable event was cancelled by a listener (`preventDefault()`).
   */
  protected emit(event: RspEvent<unknown>): boolean {
    return this.dispatchEvent(event);
  }
}
