import { css } from 'lit';
import { token } from '../theme/tokens.js';

export const noticeStyles = css`
  :host {
    display: block;
    --_accent: ${token('color-info')};
    --_surface: ${token('color-info-surface')};
  }
  :host([variant='success']) {
    --_accent: ${token('color-success')};
    --_surface: ${token('color-success-surface')};
  }
  :host([variant='warning']) {
    --_accent: ${token('color-warning')};
    --_surface: ${token('color-warning-surface')};
  }
  :host([variant='error']) {
    --_accent: ${token('color-danger')};
    --_surface: ${token('color-danger-surface')};
  }
  [part='base'] {
    display: flex;
    gap: ${token('space-3')};
    align-items: flex-start;
    padding: var(--rsp-notice-padding, ${token('space-3')} ${token('space-4')});
    color: ${token('color-text')};
    background: var(--rsp-notice-background, var(--_surface));
    border: ${token('border-width')} solid var(--_accent);
    border-inline-start-width: 0.375rem;
    border-radius: var(--rsp-notice-radius, ${token('radius')});
  }
  [part='icon'] {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    color: var(--_accent);
    fill: currentColor;
  }
  [part='content'] {
    flex: 1;
    min-width: 0;
  }
  [part='heading'] {
    margin: 0;
    font-weight: 700;
    color: var(--_accent);
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    align-items: center;
  }
  [part='actions']:empty {
    display: none;
  }
  button {
    min-height: ${token('target-size')};
    font: inherit;
    border-radius: ${token('radius')};
    cursor: pointer;
  }
  [part='action'] {
    padding: 0 ${token('space-4')};
    color: ${token('color-on-primary')};
    background: ${token('color-primary')};
    border: ${token('border-width')} solid ${token('color-primary')};
  }
  [part='action']:hover {
    background: ${token('color-primary-hover')};
  }
  [part='close'] {
    display: inline-grid;
    place-items: center;
    min-width: ${token('target-size')};
    padding: 0;
    color: ${token('color-text')};
    background: transparent;
    border: ${token('border-width')} solid transparent;
  }
  [part='close']:hover {
    border-color: ${token('color-border')};
  }
  [part='close'] svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: currentColor;
  }
  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
  }
`;
