import { expect, fixture, html } from '@open-wc/testing';
import { tokens } from '../src/theme/tokens.js';
import type { TokenName } from '../src/theme/tokens.js';
import '../src/notice/notice.js';
import type { RspNotice } from '../src/notice/notice.component.js';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: TokenName, b: TokenName): number {
  const [hi, lo] = [luminance(tokens[a]), luminance(tokens[b])].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('default theme tokens', () => {
  const textPairs: [TokenName, TokenName][] = [
    ['color-text', 'color-surface'],
    ['color-text', 'color-surface-alt'],
    ['color-text-muted', 'color-surface'],
    ['color-text-muted', 'color-surface-alt'],
    ['color-on-primary', 'color-primary'],
    ['color-on-primary', 'color-primary-hover'],
    ['color-primary', 'color-surface'],
    ['color-info', 'color-info-surface'],
    ['color-success', 'color-success-surface'],
    ['color-warning', 'color-warning-surface'],
    ['color-danger', 'color-danger-surface'],
    ['color-text', 'color-info-surface'],
    ['color-text', 'color-success-surface'],
    ['color-text', 'color-warning-surface'],
    ['color-text', 'color-danger-surface'],
  ];
  for (const [fg, bg] of textPairs) {
    it(`keeps ${fg} on ${bg} at 4.5:1 or more`, () => {
      expect(contrast(fg, bg)).to.be.at.least(4.5);
    });
  }

  for (const [fg, bg] of [
    ['color-border', 'color-surface'],
    ['color-focus', 'color-surface'],
    ['color-focus', 'color-surface-alt'],
  ] as [TokenName, TokenName][]) {
    it(`keeps ${fg} against ${bg} at 3:1 or more (non-text contrast)`, () => {
      expect(contrast(fg, bg)).to.be.at.least(3);
    });
  }

  it('lets a page retheme every element with --rsp-* custom properties', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div style="--rsp-color-primary: rgb(106, 27, 77); --rsp-font-family: serif">
        <rsp-notice action-label="Réessayer">Texte</rsp-notice>
      </div>
    `);
    const notice = wrapper.querySelector('rsp-notice')!;
    await notice.updateComplete;
    const button = notice.shadowRoot!.querySelector<HTMLElement>('[part="action"]')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(106, 27, 77)');
    expect(getComputedStyle(notice).fontFamily).to.equal('serif');
  });

  it('uses the default values when the page sets nothing', async () => {
    const notice = await fixture<RspNotice>(html`<rsp-notice action-label="Réessayer">Texte</rsp-notice>`);
    const button = notice.shadowRoot!.querySelector<HTMLElement>('[part="action"]')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(31, 94, 140)');
  });
});
