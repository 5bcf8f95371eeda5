import { css } from '../core/styles.js';

export const newsFeedStyles = css`
  :host {
    --_gap: var(--send-news-feed-item-gap, var(--_space));
  }
  :host([layout='cards']) .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
  }
  :host([layout='cards']) .item {
    padding: var(--_space);
    background: var(--send-news-feed-card-background, var(--_surface));
    border: 1px solid var(--send-news-feed-card-border-colour, var(--_border));
    border-top: 5px solid var(--_accent);
    border-radius: var(--_radius);
  }
  :host([layout='compact']) .items {
    gap: calc(var(--_gap) / 2);
  }
  :host([layout='compact']) .item-title {
    font-size: 1em;
    margin-bottom: 0;
  }
`;
