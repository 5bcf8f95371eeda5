/**
 * Tables Strapi draws that ran past their box on a 1366 px laptop screen, made to fit with a style
 * (Strapi makes the cells, their links and their scrolling frames itself, so there is no prop to pass):
 *
 *   - A list row's title link may take two lines. Strapi keeps it on one, up to 30rem wide, and beside
 *     the dates, a schedule and the status that put the row menu past the right edge. Allowed to wrap,
 *     the title's column takes what the others leave, and a long title shows about 60 characters before
 *     its ellipsis. (Strapi makes the row's link only in a column it formats itself.)
 *   - The home page's "Last edited entries" and "Last published entries": each title is kept to 21.6rem
 *     on one line, which put the time ("2 minutes ago") and the edit link past the card's edge, to be
 *     found only by scrolling a frame with no scroll bar. Here the title takes what the other columns
 *     leave (about 28 characters on two lines, in a row no taller, at 1366 px), beside cells with half
 *     Strapi's padding. The scrolling frame lays its content out as a table (an inline style), as wide
 *     as the content wants; laid out as a block, the content is as wide as the card.
 */
/** The home page's two recent-entries cards (the admin walkthrough checks their rows fit). */
export const RECENT_ENTRIES = 'section[data-strapi-widget-id^="plugin::content-manager.last-"]';
const CLAMP_TWO_LINES = 'white-space: normal; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;';

const FIT_TABLES_CSS = `
table tbody td > a[href] { ${CLAMP_TWO_LINES} }
${RECENT_ENTRIES} [data-radix-scroll-area-viewport] > div { display: block !important; }
${RECENT_ENTRIES} table { width: 100%; }
${RECENT_ENTRIES} td:not(:first-child) { padding-left: 8px; padding-right: 8px; }
${RECENT_ENTRIES} td:first-child { width: 100%; max-width: 0; }
${RECENT_ENTRIES} td:first-child > * { max-width: none; ${CLAMP_TWO_LINES} }
`;

/** Adds styles to the admin's document, named in a data attribute (once per start of the admin). */
export function addAdminStyles(name: string, css: string) {
  const style = document.createElement('style');
  style.dataset.sendUpdates = name;
  style.textContent = css;
  document.head.append(style);
}

export const fitTables = () => addAdminStyles('fit-tables', FIT_TABLES_CSS);
