import { css } from 'lit';
import { token } from '@rsp/elements';

/** Styles shared by `<rsp-video-counter>` and `<rsp-video-desk>`. */
export const callStyles = css`
  :host {
    display: block;
    max-width: var(--rsp-video-max-width, 64rem);
    color: ${token('color-text')};
  }
  [part~='base'] {
    display: grid;
    gap: var(--rsp-video-gap, ${token('space-4')});
  }
  h2,
  h3 {
    margin: 0;
    font-size: ${token('font-size-lg')};
  }
  p {
    margin: 0;
  }
  [part~='button'] {
    min-height: var(--rsp-video-target-size, ${token('target-size')});
    padding: 0 ${token('space-4')};
    border: ${token('border-width')} solid ${token('color-primary')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
    color: ${token('color-primary')};
    font: inherit;
    cursor: pointer;
  }
  [part~='button'][part~='primary'],
  [part~='button'][aria-pressed='true'] {
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
  }
  [part~='hang-up'] {
    border-color: ${token('color-danger')};
    background: ${token('color-danger')};
    color: ${token('color-on-primary')};
  }
  [part~='button']:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [part~='input'],
  select {
    min-height: var(--rsp-video-target-size, ${token('target-size')});
    padding: 0 ${token('space-2')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
    font: inherit;
  }
  [part~='actions'],
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
  }
  [part~='videos'] {
    position: relative;
  }
  video {
    display: block;
    background: #1e1e1e;
    border-radius: ${token('radius')};
  }
  [part~='remote-video'] {
    width: 100%;
    aspect-ratio: 4 / 3;
    max-height: 70vh;
  }
  [part~='self-video'] {
    position: absolute;
    right: ${token('space-2')};
    bottom: ${token('space-2')};
    width: var(--rsp-video-self-width, 22%);
    border: 2px solid ${token('color-surface')};
  }
  [part~='preview'] {
    width: min(100%, 24rem);
    aspect-ratio: 4 / 3;
  }
  meter {
    width: min(100%, 24rem);
    height: 1.25rem;
  }
  [part~='error'] {
    padding: ${token('space-3')};
    border-left: 4px solid ${token('color-danger')};
    background: ${token('color-danger-surface')};
    color: ${token('color-danger')};
  }
  [part~='notice'],
  [part~='remote-state'] {
    padding: ${token('space-2')} ${token('space-3')};
    border-left: 4px solid ${token('color-warning')};
    background: ${token('color-warning-surface')};
    color: ${token('color-warning')};
  }
  [part~='status'] {
    font-weight: 600;
  }
  [part~='hint'] {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  [part~='panels'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: ${token('space-4')};
  }
  [part~='chat-list'],
  [part~='document-list'],
  [part~='link-list'],
  [part~='queue-list'] {
    margin: ${token('space-2')} 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: ${token('space-2')};
  }
  [part~='chat-log'] {
    max-height: 16rem;
    overflow-y: auto;
  }
  [part~='chat-text'],
  [part~='document-name'] {
    overflow-wrap: anywhere;
  }
  [part~='chat-form'],
  [part~='file-field'],
  [part~='link-form'],
  [part~='outcome'] {
    display: grid;
    gap: ${token('space-1')};
  }
  [part~='document'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2')};
  }
  [part~='document-status'][data-ok='true'] {
    color: ${token('color-success')};
  }
  [part~='document-status'][data-ok='false'] {
    color: ${token('color-danger')};
  }
  progress {
    width: 10rem;
  }
  [part~='queue-entry'],
  [part~='choice'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2')};
    padding: ${token('space-2')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  fieldset {
    margin: 0;
    padding: ${token('space-2')};
    border: ${token('border-width')} solid ${token('color-border')};
    border-radius: ${token('radius')};
  }
  :host([kiosk]) {
    --rsp-video-target-size: 4rem;
    font-size: ${token('font-size-lg')};
  }
`;
