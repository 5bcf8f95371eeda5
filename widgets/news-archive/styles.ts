import { css } from '../core/styles.js';

export const newsArchiveStyles = css`
  /* What a loading article keeps: its opening lines. */
  .article-placeholder {
    min-height: 20em;
  }
  /* The base sheet's link focus style, for buttons and programmatic focus targets (before the button rules below, as it always was). */
  button:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid transparent;
    outline-offset: 0;
  }
  button:focus-visible {
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
  @media (forced-colors: active) {
    button:focus-visible {
      outline-color: Highlight;
    }
    /* The search panel's background is dropped: its border shows where it starts and ends. */
    form {
      border: 1px solid CanvasText;
    }
  }
  form {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    background: var(--send-news-archive-panel-background, var(--_notice));
    border-radius: var(--_radius);
  }
  .search-row,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: flex-end;
  }
  .filters {
    margin-top: var(--_space);
  }
  /* Apply sits a space below the last filter (it touched it), with Clear beside it. */
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: center;
    margin: var(--_space) 0 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    flex: 1 1 10em;
    min-width: 0;
  }
  .search-row .field {
    flex: 1 1 14em;
  }
  label {
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  input,
  select,
  button {
    font: inherit;
    color: var(--_text);
    max-width: 100%;
  }
  input,
  select {
    min-height: 2.5em;
    padding: 0.25em 0.4em;
    background: var(--_surface);
    border: 2px solid var(--_control-border);
    border-radius: 0;
  }
  button {
    min-height: 2.5em;
    padding: 0.4em 0.9em;
    font-weight: 700;
    color: var(--_accent-text);
    background: var(--_accent);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .results-count {
    font-weight: 700;
  }
  /* On a phone's screen the filters fold behind a button, so the results start in sight; the search box stays. */
  .filter-toggle {
    display: none;
  }
  @media (max-width: 40em) {
    .filter-toggle {
      display: block;
      margin-top: var(--_space);
    }
    .folded {
      display: none;
    }
  }
  .group-year {
    font-size: 1.5em;
    margin-top: var(--_space);
  }
  .group-month {
    font-size: 1.25em;
    color: var(--_secondary);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
  }
  nav a,
  nav .ellipsis {
    display: inline-block;
    min-width: 2.75em;
    min-height: 2.75em;
    padding: 0.6em 0.5em;
    text-align: center;
  }
  /* The current page: filled, bold, unlinked-looking, and framed (the frame shows in forced colours too);
     focused, it takes the focus style like every other link. */
  nav a[aria-current='page'] {
    font-weight: 700;
    text-decoration: none;
    border: 2px solid transparent;
  }
  nav a[aria-current='page']:not(:focus-visible) {
    color: var(--_accent-text);
    background: var(--_accent);
  }
  .back {
    display: inline-block;
    margin-bottom: var(--_space);
  }
`;
