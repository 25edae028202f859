import { html, nothing, svg } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../i18n.js';
import { RspElement } from '../rsp-element.js';
import { RspNoticeActionEvent, RspNoticeDismissEvent } from './notice.events.js';
import type { NoticeVariant } from './notice.events.js';
import { noticeMessages } from './notice.messages.js';
import { noticeStyles } from './notice.styles.js';

const icons: Record<NoticeVariant, TemplateResult> = {
  info: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z"/>`,
  success: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z"/>`,
  warning: svg`<path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z"/>`,
  error: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z"/>`,
};

const variants: readonly NoticeVariant[] = ['info', 'success', 'warning', 'error'];

/**
 * A message for the person using a widget: information, success, warning or
 * error, with an optional action ("Réessayer") and an optional close button.
 * Errors and warnings are announced at once by screen readers (`role="alert"`),
 * information and success politely (`role="status"`). The kind of message is
 * also spoken and shown by an icon, never by colour alone.
 *
 * @summary A status or error message with an optional action.
 * @tag rsp-notice
 *
 * @slot - The message, as text or inline markup.
 *
 * @fires {RspNoticeActionEvent} rsp-notice-action - The action button was pressed.
 * @fires {RspNoticeDismissEvent} rsp-notice-dismiss - The close button was pressed; cancel the event to keep the notice.
 *
 * @csspart base - The notice's box, which carries the ARIA role.
 * @csspart icon - The icon of the variant.
 * @csspart content - The heading and the message.
 * @csspart heading - The heading, when there is one.
 * @csspart message - The wrapper of the slotted message.
 * @csspart actions - The wrapper of the buttons.
 * @csspart action - The action button.
 * @csspart close - The close button.
 *
 * @cssprop [--rsp-notice-background=the variant's surface colour] - Background of the box.
 * @cssprop [--rsp-notice-padding=0.75rem 1rem] - Padding of the box.
 * @cssprop [--rsp-notice-radius=--rsp-radius] - Corner radius of the box.
 */
export class RspNotice extends RspElement {
  static override styles: CSSResultGroup = [RspElement.styles, noticeStyles];

  private readonly i18n = new LocaleController(this, noticeMessages);

  /** The kind of message: `info`, `success`, `warning` or `error`. Unknown values are shown as `info`. */
  @property({ reflect: true }) variant: NoticeVariant = 'info';

  /** An optional short heading shown above the message. */
  @property() heading = '';

  /** The label of the action button; no button when empty. */
  @property({ attribute: 'action-label' }) actionLabel = '';

  /** Whether the notice has a close button. Closing sets `hidden` unless `rsp-notice-dismiss` is cancelled. */
  @property({ type: Boolean, reflect: true }) dismissible = false;

  private get safeVariant(): NoticeVariant {
    return variants.includes(this.variant) ? this.variant : 'info';
  }

  private handleAction(): void {
    this.emit(new RspNoticeActionEvent({ variant: this.safeVariant }));
  }

  private handleDismiss(): void {
    if (this.emit(new RspNoticeDismissEvent({ variant: this.safeVariant }))) this.hidden = true;
  }

  override render(): TemplateResult {
    const variant = this.safeVariant;
    const prefix = html`<span class="visually-hidden">${this.i18n.t(variant)}</span>`;
    return html`
      <div part="base" role=${variant === 'error' || variant === 'warning' ? 'alert' : 'status'}>
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icons[variant]}</svg>
        <div part="content">
          ${this.heading ? html`<p part="heading">${prefix}${this.heading}</p>` : nothing}
          <div part="message">${this.heading ? nothing : prefix}<slot></slot></div>
        </div>
        <div part="actions">${this.actionLabel
          ? html`<button part="action" type="button" @click=${this.handleAction}>${this.actionLabel}</button>`
          : nothing}${this.dismissible
          ? html`<button part="close" type="button" aria-label=${this.i18n.t('dismiss')} @click=${this.handleDismiss}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3 1.4 1.4Z"/></svg>
            </button>`
          : nothing}</div>
      </div>
    `;
  }
}
