import { css } from 'lit';

export const newsFeedStyles = css`
  :host {
    --_item-gap: var(--send-news-feed-item-gap, var(--_space));
    --_card-background: var(--send-news-feed-card-background, var(--_surface));
    --_card-border: var(--send-news-feed-card-border-colour, var(--_border));
  }
  .items {
    display: grid;
    gap: var(--_item-gap);
    margin-bottom: var(--_space);
  }
  .item {
    padding-bottom: var(--_item-gap);
    border-bottom: 1px solid var(--_border);
  }
  .summary {
    margin: 0;
  }
  :host([layout='cards']) .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  :host([layout='cards']) .item {
    padding: var(--_space);
    background: var(--_card-background);
    border: 1px solid var(--_card-border);
    border-top: 5px solid var(--_accent);
    border-radius: var(--_radius);
  }
  :host([layout='compact']) .items {
    gap: calc(var(--_item-gap) / 2);
  }
  :host([layout='compact']) .item-title {
    font-size: 1rem;
    margin-bottom: 0;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
  }
`;
