import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/**
 * The neutral default theme of RSP Kit, as design tokens. A page themes every
 * widget at once by setting the matching custom property, `--rsp-<name>`, on
 * any ancestor (`:root` for the whole page):
 *
 * ```css
 * :root { --rsp-color-primary: #6a1b4d; --rsp-font-family: Marianne, sans-serif; }
 * ```
 *
 * Text colours keep a contrast of at least 4.5:1 with the surfaces they are
 * used on, and borders and focus rings at least 3:1 (WCAG 2.2 AA); the tests
 * check these pairs. The look is the project's own: the State's DSFR may only
 * be used on State websites.
 */
export const tokens = {
  'color-primary': '#1f5e8c',
  'color-primary-hover': '#174a6e',
  'color-on-primary': '#ffffff',
  'color-text': '#1e1e1e',
  'color-text-muted': '#595959',
  'color-surface': '#ffffff',
  'color-surface-alt': '#f3f4f5',
  'color-border': '#7a7a7a',
  'color-focus': '#b34700',
  'color-info': '#0d4a7a',
  'color-info-surface': '#e7f0f8',
  'color-success': '#1c6632',
  'color-success-surface': '#e6f4ea',
  'color-warning': '#7a4700',
  'color-warning-surface': '#fdf1dc',
  'color-danger': '#a1232b',
  'color-danger-surface': '#fbe9ea',
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-size-sm': '0.875rem',
  'font-size-md': '1rem',
  'font-size-lg': '1.25rem',
  'line-height': '1.5',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-6': '1.5rem',
  radius: '0.25rem',
  'border-width': '1px',
  'focus-width': '3px',
  'target-size': '2.75rem',
} as const;

/** The name of a theme token, without its `--rsp-` prefix. */
export type TokenName = keyof typeof tokens;

/** The tokens' entries, in declaration order. */
export const tokenEntries = Object.entries(tokens) as [TokenName, string][];

/**
 * A token as a CSS value for component styles: `var(--_rsp-<name>)`, the
 * private variable that `tokenStyles` resolves from the public one.
 */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--_rsp-${name})`);
}

/**
 * Resolves each public `--rsp-<name>` (inherited from the page) or its
 * default into a private `--_rsp-<name>` on the element's host.
 */
export const tokenStyles: CSSResult = unsafeCSS(
  `:host{${tokenEntries.map(([name, value]) => `--_rsp-${name}:var(--rsp-${name},${value});`).join('')}}`,
);

/** Shared host rules of every RSP Kit element: font, colour, focus ring, hidden state, motion. */
export const baseStyles: CSSResult = css`
  :host {
    box-sizing: border-box;
    font-family: ${token('font-family')};
    font-size: ${token('font-size-md')};
    line-height: ${token('line-height')};
    color: ${token('color-text')};
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: ${token('focus-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
