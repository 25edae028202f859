import { css } from 'lit';
import { token } from '@rsp/elements';

export const siteMapStyles = css`
  :host {
    display: block;
    position: relative;
    height: var(--rsp-site-map-height, 24rem);
    min-height: 8rem;
    overflow: hidden;
    border-radius: var(--rsp-site-map-radius, ${token('radius')});
  }
  [part='map'] {
    position: absolute;
    inset: 0;
    /* Leaflet's panes and controls use z-indexes up to 1000: keep them inside the map. */
    isolation: isolate;
  }
  .leaflet-host {
    width: 100%;
    height: 100%;
  }
  .leaflet-container {
    font-family: inherit;
    font-size: ${token('font-size-sm')};
    line-height: ${token('line-height')};
    background: var(--rsp-site-map-background, #e4e8eb);
  }
  .leaflet-container:focus-visible {
    outline-offset: -${token('focus-width')};
  }
  .leaflet-bar a {
    width: ${token('target-size')};
    height: ${token('target-size')};
    line-height: ${token('target-size')};
    color: ${token('color-text')};
    background-color: ${token('color-surface')};
  }
  .leaflet-touch .leaflet-bar a {
    width: ${token('target-size')};
    height: ${token('target-size')};
    line-height: ${token('target-size')};
  }

  /* Markers: Leaflet sets their size and offset; the look is ours. */
  .rsp-site-marker,
  .rsp-cluster,
  .rsp-origin-marker {
    box-sizing: border-box;
  }
  .rsp-site-marker {
    background: var(--rsp-site-map-marker-color, ${token('color-primary')});
    border: 3px solid ${token('color-surface')};
    border-radius: 50%;
    box-shadow: 0 0 0 1px ${token('color-text')};
  }
  .rsp-site-marker:hover {
    background: ${token('color-primary-hover')};
  }
  /* The selected site: larger, with a thick ring and a white centre — shape, not colour alone. */
  .rsp-site-marker.rsp-selected {
    background: radial-gradient(circle, ${token('color-surface')} 0 25%, var(--rsp-site-map-selected-color, ${token('color-text')}) 26%);
    border-width: 4px;
    box-shadow: 0 0 0 3px var(--rsp-site-map-selected-color, ${token('color-text')});
  }
  .rsp-cluster {
    display: grid;
    place-items: center;
    font-weight: 700;
    color: ${token('color-on-primary')};
    background: var(--rsp-site-map-cluster-color, ${token('color-primary')});
    border: 3px solid ${token('color-surface')};
    border-radius: 50%;
    box-shadow: 0 0 0 1px ${token('color-text')};
  }
  .rsp-cluster:hover {
    background: ${token('color-primary-hover')};
  }
  .rsp-cluster span {
    line-height: 1;
    white-space: nowrap;
  }
  /* The search point: a diamond, unlike the round sites. */
  .rsp-origin-marker {
    display: grid;
    place-items: center;
  }
  .rsp-origin-marker span {
    width: 70%;
    height: 70%;
    background: var(--rsp-site-map-origin-color, ${token('color-danger')});
    border: 3px solid ${token('color-surface')};
    box-shadow: 0 0 0 1px ${token('color-text')};
    rotate: 45deg;
  }

  [part='attribution'] {
    position: absolute;
    right: 0;
    bottom: 0;
    z-index: 1;
    margin: 0;
    padding: 0 ${token('space-1')};
    font-size: 0.75rem;
    color: ${token('color-text')};
    background: ${token('color-surface')};
    border-top-left-radius: ${token('radius')};
  }
  [part='attribution'] a {
    color: ${token('color-primary')};
  }

  @media (forced-colors: active) {
    .rsp-site-marker,
    .rsp-cluster,
    .rsp-origin-marker span {
      border-color: CanvasText;
    }
  }
`;
