/**
 * The page numbers a results page links to: the first, the last, and the two either side of the current
 * page (an ellipsis goes wherever two are not consecutive). A gap of one page shows that page: an ellipsis
 * would take its place and hide it.
 */
export function shownPages(page: number, pageCount: number): number[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return wanted.flatMap((p, i) => (i > 0 && p - wanted[i - 1] === 2 ? [p - 1, p] : [p]));
}
