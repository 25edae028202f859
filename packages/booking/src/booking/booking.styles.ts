import { css } from 'lit';
import { token } from '@rsp/elements';

export const bookingStyles = css`
  :host {
    display: block;
    max-width: var(--rsp-booking-max-width, 40rem);
  }
  [part='base'] {
    padding: ${token('space-4')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  h2,
  h3,
  h4 {
    margin: 0 0 ${token('space-2')};
    line-height: 1.25;
  }
  [part='title'] {
    font-size: ${token('font-size-lg')};
  }
  [part='heading'] {
    font-size: 1.125rem;
  }
  h4 {
    font-size: ${token('font-size-md')};
  }
  p {
    margin: 0 0 ${token('space-3')};
  }
  .muted,
  [part='progress'] {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  [part='progress'] {
    margin: 0;
  }
  [part='mode'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    align-items: center;
    margin-bottom: ${token('space-4')};
    padding: ${token('space-2')} ${token('space-3')};
    background: ${token('color-info-surface')};
    border-inline-start: 0.375rem solid ${token('color-info')};
  }
  [part='mode'] p {
    flex-basis: 100%;
    margin: 0;
  }
  [part='mode'] [aria-pressed='true'] {
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  fieldset {
    margin: 0 0 ${token('space-4')};
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: ${token('space-2')};
    font-weight: 700;
  }
  [part='option'] {
    display: flex;
    gap: ${token('space-2')};
    align-items: center;
    min-height: ${token('target-size')};
    padding: 0 ${token('space-2')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
    margin-bottom: ${token('space-2')};
    cursor: pointer;
  }
  [part='option']:has(input:checked) {
    border-width: 2px;
    border-color: ${token('color-primary')};
    font-weight: 600;
  }
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: ${token('color-primary')};
  }
  button {
    min-height: ${token('target-size')};
    padding: 0 ${token('space-4')};
    font: inherit;
    color: ${token('color-primary')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-primary')};
    border-radius: ${token('radius')};
    cursor: pointer;
  }
  button:hover {
    background: ${token('color-surface-alt')};
  }
  [part='primary'] {
    color: ${token('color-on-primary')};
    background: ${token('color-primary')};
  }
  [part='primary']:hover {
    background: ${token('color-primary-hover')};
  }
  button:disabled {
    cursor: wait;
    opacity: 0.7;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    justify-content: space-between;
    margin-top: ${token('space-4')};
  }
  [part='next-slots'],
  [part='times'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    margin: 0 0 ${token('space-4')};
    padding: 0;
    list-style: none;
  }
  [part='slot'] .time {
    font-weight: 700;
  }
  .calendar-nav {
    display: flex;
    gap: ${token('space-2')};
    align-items: center;
    justify-content: space-between;
  }
  [part='month'] {
    margin: 0;
    font-weight: 700;
    text-transform: capitalize;
  }
  [part='month-button'] {
    min-width: ${token('target-size')};
    padding: 0;
    font-size: 1.25rem;
  }
  [part='grid'] {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
    margin-bottom: ${token('space-3')};
  }
  [part='grid'] th {
    padding: ${token('space-1')} 0;
    font-size: ${token('font-size-sm')};
    font-weight: 600;
  }
  [part='grid'] abbr {
    text-decoration: none;
  }
  [part='grid'] td {
    padding: 2px;
    text-align: center;
  }
  [part~='day'] {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    width: 100%;
    min-width: var(--rsp-booking-day-size, 2.75rem);
    min-height: var(--rsp-booking-day-size, 2.75rem);
    padding: 0;
    line-height: 1.1;
    color: ${token('color-text-muted')};
    border-color: transparent;
  }
  [part~='day'] .count {
    font-size: 0.75rem;
  }
  /* A free day: bold, outlined and with its count; not colour alone. */
  [part~='day-free'] {
    color: ${token('color-primary')};
    font-weight: 700;
    border-color: ${token('color-primary')};
  }
  [part~='day-holiday'] .num {
    text-decoration: line-through;
  }
  [part~='day-selected'] {
    color: ${token('color-on-primary')};
    background: ${token('color-primary')};
    border: 3px double ${token('color-on-primary')};
    outline: 2px solid ${token('color-primary')};
  }
  .note {
    padding: ${token('space-2')} ${token('space-3')};
    background: ${token('color-warning-surface')};
    border-inline-start: 0.375rem solid ${token('color-warning')};
  }
  [part='field'] {
    margin-bottom: ${token('space-4')};
  }
  [part='field'] label {
    display: block;
    font-weight: 600;
  }
  [part='field'] p {
    margin: 0;
  }
  [part='input'] {
    min-height: ${token('target-size')};
    width: 100%;
    max-width: 24rem;
    padding: 0 ${token('space-2')};
    font: inherit;
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  [part='input'][aria-invalid='true'] {
    border: 2px solid ${token('color-danger')};
  }
  [part='error'] {
    margin: ${token('space-1')} 0 0;
    color: ${token('color-danger')};
    font-weight: 600;
  }
  [part='error']::before {
    content: '⚠ ';
  }
  [part='privacy'] {
    padding: ${token('space-2')} ${token('space-3')};
    font-size: ${token('font-size-sm')};
    background: ${token('color-surface-alt')};
  }
  [part='summary'] {
    margin: 0 0 ${token('space-4')};
  }
  [part='summary'] div {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 3fr;
    gap: ${token('space-2')};
    padding: ${token('space-1')} 0;
    border-bottom: ${token('border-width')} solid ${token('color-surface-alt')};
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  a {
    color: ${token('color-primary')};
  }
  [part='agenda'] {
    width: 100%;
    border-collapse: collapse;
  }
  [part='agenda'] th,
  [part='agenda'] td {
    padding: ${token('space-1')} ${token('space-2')};
    text-align: start;
    vertical-align: top;
    border-bottom: ${token('border-width')} solid ${token('color-surface-alt')};
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    align-items: center;
    margin-bottom: ${token('space-3')};
  }
  .inline [part='input'] {
    width: auto;
  }
  rsp-notice {
    margin-top: ${token('space-3')};
  }
  @media (forced-colors: active) {
    [part~='day-selected'] {
      border-color: Highlight;
    }
  }
`;
