/**
 * Every published item: a search box and filters in a plain GET form, the number found, a page
 * of results and links to the other pages. Nothing needs JavaScript.
 */
import type { Facets, UpdateSummary } from '../../../contract/api';
import { ukCalendarDate, ukDate } from '../feeds/dates';
import { capitalised, describeFilters } from '../feeds/describe';
import { cleanLine } from '../feeds/text';
import type { UpdateFilters } from '../lib/update-query';
import { TYPE_LABELS } from '../lib/update-types';
import { Checkboxes, Select } from './form-controls';
import { readerStatus, StatusTag } from './item-page';
import { renderPage, type FeedLink, type Site } from './layout';
import { shownPages } from './page-numbers';
import { itemPageUrl, urlsFor } from './urls';

export const INDEX_PAGE_SIZE = 20;

/** "Opens 1 March 2026" for an upcoming consultation (never a misleading date of today), else the item's date. */
function dateLine(item: UpdateSummary, now: number): string {
  if (item.type === 'consultation') {
    const status = readerStatus(item, now);
    if (status === 'upcoming' && item.opensAt) return `Opens ${ukDate(new Date(item.opensAt))}`;
    if (status === 'open' && item.closesAt) return `Closes ${ukDate(new Date(item.closesAt))}`;
  }
  return ukCalendarDate(item.date);
}

function Result({ item, base, now }: { item: UpdateSummary; base: string; now: number }) {
  const status = item.type === 'consultation' ? readerStatus(item, now) : null;
  return (
    <li className="result">
      <h3 className="result__title">
        <a href={itemPageUrl(base, item)}>{cleanLine(item.title)}</a>
      </h3>
      <p className="result__meta">
        <span className="tag tag--type">{TYPE_LABELS[item.type]}</span> {status && <StatusTag status={status} />} {dateLine(item, now)}
      </p>
      <p className="result__summary">{cleanLine(item.summary)}</p>
    </li>
  );
}

/** A count as GOV.UK writes it (3,132). */
const written = (count: number) => count.toLocaleString('en-GB');
const withCount = (label: string, count: number) => `${label} (${written(count)})`;

/**
 * The choices a control offers: those that find something, and always the ones the reader chose,
 * even when nothing has them (`?year=1999`), so the form shows, and sends again, the filter the
 * heading describes.
 */
function offered(
  facets: readonly { value: string; label: string; count: number }[],
  chosen: readonly string[],
  labelOf: (value: string) => string = (value) => value,
): { value: string; label: string }[] {
  const known = new Set(facets.map((f) => f.value));
  const missing = chosen.filter((value) => !known.has(value)).map((value) => ({ value, label: labelOf(value), count: 0 }));
  return [...facets, ...missing].filter((f) => f.count > 0 || chosen.includes(f.value)).map((f) => ({ value: f.value, label: withCount(f.label, f.count) }));
}

function Pagination({ page, pageCount, hrefOf }: { page: number; pageCount: number; hrefOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const shown = shownPages(page, pageCount);
  return (
    <nav className="pagination" aria-label="Pages of results">
      <ul>
        {page > 1 && (
          <li className="pagination__prev">
            <a href={hrefOf(page - 1)} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </a>
          </li>
        )}
        {shown.map((p, i) => (
          <li key={p} className={p === page ? 'pagination__item pagination__item--current' : 'pagination__item'}>
            {i > 0 && p - shown[i - 1] > 1 && (
              <span className="pagination__gap" aria-hidden="true">
                &hellip;{' '}
              </span>
            )}
            {p === page ? (
              <a href={hrefOf(p)} aria-current="page" aria-label={`Page ${p}, current page`}>
                {p}
              </a>
            ) : (
              <a href={hrefOf(p)} aria-label={`Page ${p}`}>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li className="pagination__next">
            <a href={hrefOf(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export type IndexPageInput = {
  site: Site;
  title: string;
  filters: UpdateFilters;
  page: number;
  /** How many items match the filters, and the ones on this page (INDEX_PAGE_SIZE at most). */
  total: number;
  shown: readonly UpdateSummary[];
  facets: Facets;
  topicName: (slug: string) => string | undefined;
  feeds: FeedLink[];
  now: number;
};

export function indexPage({ site, title, filters, page, total, shown, facets, topicName, feeds, now }: IndexPageInput): string {
  const base = site.baseUrl;
  const urls = urlsFor(base, filters);
  const words = describeFilters(filters, topicName);
  const pageCount = Math.max(1, Math.ceil(total / INDEX_PAGE_SIZE));
  const hrefOf = (p: number) => `${urls.index}${urls.index.includes('?') ? '&' : '?'}page=${p}`.replace(/[?&]page=1$/, '');
  const found = total === 0 ? 'No updates found' : `${written(total)} ${total === 1 ? 'update' : 'updates'} found`;
  const heading = words ? capitalised(words) : title;
  const chosenCount = filters.types.length + filters.topics.length + filters.audiences.length + (filters.year === null ? 0 : 1);
  const chosen = chosenCount ? ` (${chosenCount} chosen)` : '';
  return renderPage({
    site,
    crumbs: words ? [{ text: 'All updates', href: `${base}/updates` }] : undefined,
    head: {
      title: page > 1 ? `${heading} (page ${page} of ${pageCount})` : heading,
      description: words ? `${capitalised(words)}: ${found.toLowerCase()}.` : `${title}: search and filter every update.`,
      canonical: page > 1 ? hrefOf(page) : urls.index,
      feeds,
      noIndex: filters.q !== '',
    },
    children: (
      <>
        <h1 className="heading-xl">{heading}</h1>
        <div className="grid">
          <div className="grid__filters">
            <form method="get" action={`${base}/updates`} role="search" aria-label="Search and filter updates">
              <div className="form-group">
                <label className="label label--m" htmlFor="q">
                  Search updates
                </label>
                <div className="search-row">
                  <input className="input" type="search" id="q" name="q" defaultValue={filters.q} maxLength={200} />
                  {/* Beside the box, as readers expect a search to have: it sends the filters below too. */}
                  <button className="button" type="submit">
                    Search
                  </button>
                </div>
              </div>
              {/* With script, on a phone, where these sit above the results, they fold behind this button (site.css, head.js). */}
              <button
                type="button"
                className="button button--secondary filter-toggle"
                hidden
                aria-expanded="false"
                aria-controls="filter-fields"
                data-show={`Show filters${chosen}`}
                data-hide={`Hide filters${chosen}`}
              >
                Show filters{chosen}
              </button>
              <div id="filter-fields">
                <Checkboxes legend="Type" name="type" checked={filters.types} options={offered(facets.types, filters.types)} />
                <Select
                  label="Topic"
                  name="topic"
                  all="All topics"
                  selected={filters.topics[0] ?? ''}
                  options={offered(facets.topics, filters.topics.slice(0, 1), (slug) => topicName(slug) ?? slug)}
                />
                <Checkboxes legend="Who it is for" name="audience" checked={filters.audiences} options={offered(facets.audiences, filters.audiences)} />
                <Select
                  label="Year"
                  name="year"
                  all="All years"
                  selected={filters.year === null ? '' : String(filters.year)}
                  options={offered(
                    facets.years.map((f) => ({ value: String(f.value), label: String(f.value), count: f.count })),
                    filters.year === null ? [] : [String(filters.year)],
                  )}
                />
                {filters.status.length > 0 && <input type="hidden" name="status" value={filters.status.join(',')} />}
                <button className="button" type="submit">
                  Apply filters
                </button>
              </div>
              {words && (
                <p>
                  <a href={`${base}/updates`}>Clear search and filters</a>
                </p>
              )}
            </form>
          </div>
          <div className="grid__results">
            <h2 className="heading-m" id="results">
              {found}
            </h2>
            {words && <p className="meta">Showing {words}.</p>}
            {shown.length > 0 ? (
              <ol className="results" aria-labelledby="results">
                {shown.map((item) => (
                  <Result key={`${item.type}/${item.slug}`} item={item} base={base} now={now} />
                ))}
              </ol>
            ) : (
              <p>{page > pageCount ? 'There is no page with that number.' : 'Try other words, or fewer filters.'}</p>
            )}
            <Pagination page={page} pageCount={pageCount} hrefOf={hrefOf} />
            <p className="subscribe-link">
              <a href={urls.subscribe}>Get {words ? 'these updates' : 'updates'} by email, feed reader or calendar</a>
            </p>
          </div>
        </div>
      </>
    ),
  });
}
