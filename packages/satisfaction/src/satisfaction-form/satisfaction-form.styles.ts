import { css } from 'lit';
import { token } from '@rsp/elements';

export const satisfactionFormStyles = css`
  :host {
    display: block;
    max-width: var(--rsp-satisfaction-form-max-width, 40rem);
    --_gap: var(--rsp-satisfaction-form-gap, ${token('space-4')});
    --_target: var(--rsp-satisfaction-form-target-size, ${token('target-size')});
    --_checked: var(--rsp-satisfaction-form-checked-background, ${token('color-info-surface')});
  }
  :host([kiosk]) {
    --_target: var(--rsp-satisfaction-form-kiosk-target-size, 4.5rem);
    font-size: var(--rsp-satisfaction-form-kiosk-font-size, ${token('font-size-lg')});
    max-width: var(--rsp-satisfaction-form-max-width, 60rem);
  }
  [part='base'],
  form,
  [part~='question'] {
    display: grid;
    gap: var(--_gap);
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-2')};
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.25;
  }
  p {
    margin: 0;
  }
  [part='intro'],
  [part='progress'],
  [part='help'],
  [part='requirement'],
  [part='count'] {
    color: ${token('color-text-muted')};
    font-size: 0.875em;
  }
  button,
  textarea,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: var(--_target);
    padding: 0 ${token('space-4')};
    border-radius: ${token('radius')};
    border: ${token('border-width')} solid ${token('color-primary')};
    color: ${token('color-primary')};
    background: ${token('color-surface')};
    cursor: pointer;
  }
  button.primary {
    color: ${token('color-on-primary')};
    background: ${token('color-primary')};
  }
  button.primary:hover {
    background: ${token('color-primary-hover')};
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  label[part='label'] {
    padding: 0;
    font-weight: 600;
    font-size: 1.125em;
  }
  [part~='choices'] {
    display: grid;
    gap: ${token('space-2')};
  }
  [part~='row'] {
    grid-template-columns: repeat(auto-fit, minmax(5.5em, 1fr));
  }
  [part~='choice'] {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-height: var(--_target);
    padding: ${token('space-2')} ${token('space-3')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
    cursor: pointer;
  }
  [part~='row'] [part~='choice'] {
    flex-direction: column;
    justify-content: flex-start;
    text-align: center;
  }
  [part~='choice']:has(input:checked) {
    background: var(--_checked);
    border-color: ${token('color-primary')};
    box-shadow: inset 0 0 0 2px ${token('color-primary')};
  }
  [part~='choice']:has(input:focus-visible) {
    outline: ${token('focus-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  [part~='choice'] input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    flex: none;
    accent-color: ${token('color-primary')};
  }
  [part~='choice'] input:focus-visible {
    outline: none;
  }
  [part='face'] {
    width: 2.5em;
    height: 2.5em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
  }
  [part='scale-value'] {
    font-size: 1.5em;
    font-weight: 600;
  }
  textarea {
    width: 100%;
    min-height: 6em;
    padding: ${token('space-2')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  [aria-invalid='true'] {
    border-color: ${token('color-danger')};
    border-width: 2px;
  }
  [part='count'][data-over] {
    color: ${token('color-danger')};
    font-weight: 600;
  }
  [part='error'] {
    color: ${token('color-danger')};
    font-weight: 600;
    border-left: 4px solid ${token('color-danger')};
    padding-left: ${token('space-2')};
  }
  [part~='question']:has([part='error']) {
    border-left: 4px solid ${token('color-danger')};
    padding-left: ${token('space-3')};
  }
  [part~='question']:has([part='error']) [part='error'] {
    border-left: 0;
    padding-left: 0;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    justify-content: space-between;
  }
  [part='actions'] .primary {
    margin-left: auto;
  }
  [part='status'] {
    display: grid;
    gap: var(--_gap);
  }
  [part='status']:focus {
    outline: none;
  }
`;
