import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { RspEvent } from '../src/events.js';

class RspTestPingEvent extends RspEvent<{ siteId: string }> {
  static readonly type = 'rsp-test-ping';
  constructor(detail: { siteId: string }) {
    super(RspTestPingEvent.type, detail);
  }
}

class RspTestBeforeEvent extends RspEvent<{ n: number }> {
  constructor(detail: { n: number }) {
    super('rsp-test-before', detail, { cancelable: true });
  }
}

/** An element that fires from inside its shadow root, like a button in a widget. */
class EventSource extends LitElement {
  fire(): void {
    this.renderRoot.querySelector('span')?.dispatchEvent(new RspTestPingEvent({ siteId: 'fs-46-001' }));
  }
  override render() {
    return html`<span>inside</span>`;
  }
}
customElements.define('rsp-test-event-source', EventSource);
declare global {
  interface HTMLElementTagNameMap {
    'rsp-test-event-source': EventSource;
  }
}

describe('RspEvent', () => {
  it('bubbles out of shadow roots to the host page with its typed detail', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><rsp-test-event-source></rsp-test-event-source></div>`);
    const source = wrapper.querySelector('rsp-test-event-source')!;
    setTimeout(() => { source.fire(); });
    const event = await oneEvent(wrapper, RspTestPingEvent.type);
    expect(event).to.be.instanceOf(RspTestPingEvent);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ siteId: 'fs-46-001' });
    // Retargeted: the page sees the host element, not the shadow span.
    expect(event.target).to.equal(source);
  });

  it('is not cancelable unless asked, and "before" events can be cancelled', () => {
    expect(new RspTestPingEvent({ siteId: 'x' }).cancelable).to.equal(false);
    const target = document.createElement('div');
    target.addEventListener('rsp-test-before', (e) => { e.preventDefault(); });
    expect(target.dispatchEvent(new RspTestBeforeEvent({ n: 1 }))).to.equal(false);
  });
});
