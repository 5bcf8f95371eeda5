import { unsafeCSS, type CSSResult } from 'lit';

/**
 * css`…` for the widgets' static style sheets. Unlike Lit's `css` it takes no `${}` values (TypeScript
 * rejects them), so Lit's checks of interpolated values stay out of every bundle.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);

/**
 * Shared base styles (list and rich-text styles live beside their code, so only the widgets
 * that use them bundle them: an unused css`` call is not tree-shaken). `all: initial` on :host stops host-page CSS leaking in;
 * only the documented `--send-*` tokens (and parts) can restyle a widget.
 * Defaults follow GOV.UK/NHS conventions and meet WCAG 2.2 AA contrast.
 */
const baseSheet = css`
  :host {
    all: initial;
    direction: ltr;
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--send-font-family, arial, sans-serif);
    font-size: var(--send-font-size, max(1rem, 16px));
    line-height: var(--send-line-height, 1.5);
    color: var(--_text);
    overflow-wrap: anywhere;
    --_text: var(--send-text-colour, #0b0c0c);
    --_link: var(--send-link-colour, #1d70b8);
    --_visited: var(--send-link-visited-colour, #4c2c92);
    --_hover: var(--send-link-hover-colour, #003078);
    --_notice: var(--send-notice-background, #f3f2f1);
    --_control-border: var(--send-control-border-colour, #0b0c0c);
    --_space: var(--send-space, max(1rem, 16px));
    --_radius: var(--send-radius, 0);
    --_border: var(--send-border-colour, #b1b4b6);
    --_secondary: var(--send-secondary-text-colour, #505a5f);
    --_surface: var(--send-surface-colour, #ffffff);
    --_accent: var(--send-accent-colour, #1d70b8);
    --_accent-text: var(--send-accent-text-colour, #ffffff);
    --_focus: var(--send-focus-colour, #ffdd00);
    --_focus-text: var(--send-focus-text-colour, #0b0c0c);
  }
  :host([hidden]) {
    display: none;
  }
  /* The CMS writes in English: left to right on a right-to-left page too ('all: initial' leaves direction to the
     page), unless the element itself says otherwise. */
  :host([dir='rtl']) {
    direction: rtl;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1, h2, h3, h4, h5, h6 {
    font-family: var(--send-heading-font-family, inherit);
    color: var(--send-heading-colour, inherit);
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .item-title {
    font-size: 1.125em;
  }
  .widget-heading {
    font-size: var(--send-heading-font-size, 1.5em);
  }
  p {
    margin: 0 0 var(--_space);
  }
  a {
    color: var(--_link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--_visited);
  }
  a:hover {
    color: var(--_hover);
    text-decoration-thickness: max(3px, 0.1875em);
  }
  /* GOV.UK-style focus: yellow fill plus a dark bar (>= 3:1 on any background);
     the transparent outline becomes visible in forced-colours mode. Buttons and
     tabindex=-1 targets (the archive's only) get the same in the archive's sheet. */
  a:focus-visible {
    outline: 3px solid transparent;
    outline-offset: 0;
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .plain-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .meta {
    color: var(--_secondary);
    margin: 0 0 calc(var(--_space) / 4);
  }
  .tag {
    display: inline-block;
    padding: 0 0.4em;
    margin-right: 0.5em;
    font-weight: 700;
    color: var(--send-tag-text-colour, #0c2d4a);
    background: var(--send-tag-background, #d2e2f1);
    border: 1px solid transparent;
    border-radius: var(--_radius);
  }
  /* A consultation's state in GOV.UK's tag colours, so open, upcoming and closed differ at a glance. */
  .tag[data-phase='open'] {
    color: var(--send-open-text-colour, #005a30);
    background: var(--send-open-background, #cce2d8);
  }
  .tag[data-phase='upcoming'] {
    color: var(--send-upcoming-text-colour, #594d00);
    background: var(--send-upcoming-background, #fff7bf);
  }
  .tag[data-phase='closed'],
  .tag[data-phase='unknown'] {
    color: var(--send-closed-text-colour, #383f43);
    background: var(--send-closed-background, #eeefef);
  }
  .tag[data-phase='outcome'] {
    color: var(--send-outcome-text-colour, #3d2375);
    background: var(--send-outcome-background, #dbd5e9);
  }
  .notice {
    padding: calc(var(--_space) / 2) var(--_space);
    border-left: 5px solid var(--_accent);
    background: var(--_notice);
  }
  /* The message over its placeholder, in one grid cell: the cell is as tall as the content to come. */
  .loading-area {
    display: grid;
  }
  .loading-area > * {
    grid-area: 1 / 1;
  }
  .placeholder {
    visibility: hidden;
  }
  /* The text keeps its full contrast; only the spinner beside it moves. */
  .loading::before {
    content: '';
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-right: 0.5em;
    vertical-align: -0.15em;
    border: 2px solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to { transform: rotate(1turn); }
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  /* Paper leaves backgrounds out: text on the accent colour (the Respond button) would print white on white. */
  @media print {
    :host {
      --_accent-text: currentColor;
    }
  }
  @media (forced-colors: active) {
    .tag, .notice {
      border: 1px solid CanvasText;
    }
    a:focus-visible {
      outline-color: Highlight;
    }
  }
  /* Subscribe and "View all" links under a widget. */
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: var(--_space) 0 0;
  }
`;

/**
 * `theme="dark"` (or `"auto"` where the reader's browser prefers dark): light text and links for a page with a dark
 * background, which shows through as before. Each default meets 4.5:1 on backgrounds from black to #333; tokens
 * still win. The two blocks are the same: a media query cannot join a selector list (the minifier and gzip make the
 * second nearly free).
 */
const themeSheet = css`
  :host([theme='dark']) {
    --_text: var(--send-text-colour, #f3f2f1);
    --_secondary: var(--send-secondary-text-colour, #b1b4b6);
    --_link: var(--send-link-colour, #8fc2ff);
    --_visited: var(--send-link-visited-colour, #c8b6ff);
    --_hover: var(--send-link-hover-colour, #cfe3ff);
    --_border: var(--send-border-colour, #6f777b);
    --_surface: var(--send-surface-colour, #1e2022);
    --_notice: var(--send-notice-background, #2e3133);
    --_control-border: var(--send-control-border-colour, #b1b4b6);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_text: var(--send-text-colour, #f3f2f1);
      --_secondary: var(--send-secondary-text-colour, #b1b4b6);
      --_link: var(--send-link-colour, #8fc2ff);
      --_visited: var(--send-link-visited-colour, #c8b6ff);
      --_hover: var(--send-link-hover-colour, #cfe3ff);
      --_border: var(--send-border-colour, #6f777b);
      --_surface: var(--send-surface-colour, #1e2022);
      --_notice: var(--send-notice-background, #2e3133);
      --_control-border: var(--send-control-border-colour, #b1b4b6);
    }
  }
`;

/**
 * Dark form fields and scroll bars in the dark theme. Apart from the sheet above because lit-analyzer's CSS data
 * (vscode-css-languageservice 4.3) predates `color-scheme` and calls it unknown.
 */
const colorSchemeSheet = unsafeCSS(":host([theme='dark']){color-scheme:dark}@media (prefers-color-scheme:dark){:host([theme='auto']){color-scheme:dark}}");

/** Every widget's first style sheets: the base, then the dark theme's defaults. */
export const baseStyles = [baseSheet, themeSheet, colorSchemeSheet];
