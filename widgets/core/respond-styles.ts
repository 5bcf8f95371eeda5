import { css } from './styles.js';

/** The green "Respond" button (GOV.UK's start button colours), in the countdown and the reading view. */
export const respondStyles = css`
  .respond {
    display: inline-block;
    padding: 0.625em 0.9em; /* 44 px tall at the default size: an easy target */
    font-weight: 700;
    color: var(--_accent-text);
    background: var(--send-button-colour, #00703c);
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 var(--send-button-shadow-colour, #002d18);
    text-decoration: none;
  }
  .respond:visited,
  .respond:hover {
    color: var(--_accent-text);
    background: var(--send-button-hover-colour, #005a30);
  }
  @media (forced-colors: active) {
    .respond {
      border: 2px solid ButtonText;
    }
  }
`;
