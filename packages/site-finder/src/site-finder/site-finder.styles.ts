import { css } from 'lit';
import { token } from '@rsp/elements';

export const siteFinderStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--rsp-site-finder-gap, ${token('space-4')});
    --_selected: var(--rsp-site-finder-selected-background, ${token('color-info-surface')});
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: ${token('font-size-lg')};
  }
  h3 {
    font-size: ${token('font-size-lg')};
  }
  h4 {
    font-size: ${token('font-size-md')};
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: ${token('target-size')};
    padding: 0 ${token('space-4')};
    border-radius: ${token('radius')};
    cursor: pointer;
  }
  .primary {
    color: ${token('color-on-primary')};
    background: ${token('color-primary')};
    border: ${token('border-width')} solid ${token('color-primary')};
  }
  .primary:hover {
    background: ${token('color-primary-hover')};
  }
  .secondary {
    color: ${token('color-primary')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-primary')};
  }
  a {
    color: ${token('color-primary')};
  }

  /* Search */
  [part='search'] {
    display: grid;
    gap: ${token('space-2')};
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    align-items: stretch;
  }
  .combobox {
    position: relative;
    flex: 1 1 16rem;
    min-width: 0;
  }
  [part='input'] {
    width: 100%;
    min-height: ${token('target-size')};
    padding: 0 ${token('space-3')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  [part='listbox'] {
    position: absolute;
    z-index: 1001;
    inset-inline: 0;
    top: 100%;
    max-height: 18rem;
    margin: 2px 0 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [part='listbox'][hidden] {
    display: none;
  }
  [part~='option'] {
    padding: ${token('space-2')} ${token('space-3')};
    cursor: pointer;
  }
  [part~='option'][aria-selected='true'] {
    color: ${token('color-on-primary')};
    background: ${token('color-primary')};
    outline: ${token('focus-width')} solid ${token('color-focus')};
    outline-offset: -${token('focus-width')};
  }
  .origin {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    align-items: center;
    margin: 0;
  }
  .link-button {
    min-height: ${token('target-size')};
    padding: 0 ${token('space-2')};
    color: ${token('color-primary')};
    text-decoration: underline;
    background: none;
    border: ${token('border-width')} solid transparent;
  }

  /* Filters */
  [part='filters'] {
    margin: 0;
    padding: ${token('space-3')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  [part='filters'] legend {
    padding: 0 ${token('space-1')};
    font-weight: 700;
  }
  .filter-grid {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-3')} ${token('space-4')};
    align-items: end;
  }
  .field {
    display: grid;
    gap: ${token('space-1')};
  }
  .field select {
    min-height: ${token('target-size')};
    max-width: 18rem;
    padding: 0 ${token('space-2')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  .check {
    display: flex;
    gap: ${token('space-2')};
    align-items: center;
    min-height: ${token('target-size')};
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  /* Results and map */
  .layout {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: 1fr;
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(18rem, 2fr) 3fr;
    }
  }
  [part='results'] {
    display: grid;
    gap: ${token('space-2')};
    align-content: start;
    min-width: 0;
  }
  [part='count'] {
    margin: 0;
    font-weight: 700;
  }
  [part='list'] {
    display: grid;
    gap: ${token('space-2')};
    max-height: var(--rsp-site-finder-list-max-height, 32rem);
    margin: 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }
  [part='item'] {
    margin: 0;
  }
  [part='item-button'] {
    display: grid;
    gap: ${token('space-1')};
    width: 100%;
    padding: ${token('space-2')} ${token('space-3')};
    text-align: start;
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-inline-start-width: 0.375rem;
  }
  [part='item-button']:hover {
    background: ${token('color-surface-alt')};
  }
  [part='item-button'][aria-current='true'] {
    background: var(--_selected);
    border-color: ${token('color-primary')};
  }
  .name {
    font-weight: 700;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 ${token('space-3')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  [aria-current='true'] .meta {
    color: ${token('color-text')};
  }
  .state::before {
    content: '● ';
  }
  .state.closed::before {
    content: '○ ';
  }
  .state.unknown::before {
    content: '';
  }
  [part='map'] {
    display: block;
    min-width: 0;
    --rsp-site-map-height: var(--rsp-site-finder-map-height, 28rem);
  }

  /* Detail */
  [part='detail'] {
    display: grid;
    gap: ${token('space-3')};
    align-content: start;
    padding: ${token('space-4')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  .detail-head {
    display: flex;
    gap: ${token('space-2')};
    align-items: flex-start;
    justify-content: space-between;
  }
  .detail-head h3:focus {
    outline: none;
  }
  .detail-head h3:focus-visible {
    outline: ${token('focus-width')} solid ${token('color-focus')};
  }
  [part='detail'] section {
    display: grid;
    gap: ${token('space-1')};
  }
  [part='detail'] p,
  [part='detail'] ul,
  [part='detail'] dl {
    margin: 0;
  }
  [part='detail'] ul {
    padding-inline-start: 1.25rem;
  }
  .address {
    font-style: normal;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
  }
  .route {
    display: inline-flex;
    align-items: center;
    min-height: ${token('target-size')};
  }
  .week {
    list-style: none;
    padding: 0 !important;
  }
  .week [aria-current='date'] {
    font-weight: 700;
  }
  .day {
    display: inline-block;
  }
  .day::first-letter {
    text-transform: uppercase;
  }
  .muted {
    color: ${token('color-text-muted')};
  }
  @media (forced-colors: active) {
    [part='item-button'][aria-current='true'],
    [part~='option'][aria-selected='true'] {
      outline: ${token('focus-width')} solid Highlight;
    }
  }
`;
