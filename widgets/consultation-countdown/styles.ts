import { css } from '../core/styles.js';

export const countdownStyles = css`
  .consultations {
    display: grid;
    gap: var(--_space);
  }
  .consultation {
    padding: var(--_space);
    background: var(--send-countdown-background, var(--_surface));
    border: 1px solid var(--_border);
    border-left: 5px solid var(--send-countdown-border-colour, var(--_accent));
    border-radius: var(--_radius);
  }
  .consultation[data-phase='closed'],
  .consultation[data-phase='outcome'] {
    border-left-color: var(--_secondary);
  }
  .countdown {
    font-size: 1.25em;
    font-weight: 700;
    margin-bottom: calc(var(--_space) / 4);
  }
  .closing-date {
    color: var(--_secondary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: center;
    margin: 0;
  }
`;
