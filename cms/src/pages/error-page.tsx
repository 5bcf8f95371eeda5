/** Pages for addresses that lead nowhere (404) or are malformed (400). */
import type { QueryError } from '../lib/update-query';
import { renderPage, type Site } from './layout';

export function notFoundPage(site: Site): string {
  return renderPage({
    site,
    head: { title: 'Page not found', noIndex: true },
    children: (
      <>
        <h1 className="heading-xl">Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p>If you followed a link, the update may have been moved or removed.</p>
        <p>
          <a href={`${site.baseUrl}/updates`}>See all SEND updates</a>
        </p>
      </>
    ),
  });
}

/** What is wrong with each parameter, in a reader's words (the compiler checks every parameter of the contract has one). */
const PROBLEMS: Record<QueryError['parameter'], string> = {
  type: 'This address asks for a kind of update that does not exist.',
  topic: 'This address asks for a topic written in a way we do not recognise.',
  audience: 'This address asks for updates for a group of people we do not recognise.',
  q: 'The search words in this address cannot be read.',
  year: 'This address asks for a year written in a way we do not recognise.',
  status: 'This address asks for consultations in a state we do not recognise.',
  limit: 'This address asks for a number of updates we cannot show.',
  sort: 'This address asks for an order we do not offer.',
  page: 'This address asks for a page that cannot exist.',
  pageSize: 'This address asks for a number of updates a page that we cannot show.',
  facets: 'This address asks for counts we do not offer.',
};

/** The page for a malformed address: what is wrong in a reader's words, what to do, and the detail for whoever made the link. */
export function badRequestPage(site: Site, error: QueryError): string {
  return renderPage({
    site,
    head: { title: 'There is a problem with this address', noIndex: true },
    children: (
      <>
        <h1 className="heading-xl">There is a problem with this address</h1>
        <p>{PROBLEMS[error.parameter]}</p>
        <p>If you typed the web address, check it is correct. If you followed a link, start again from all updates.</p>
        <p>
          <a href={`${site.baseUrl}/updates`}>See all SEND updates</a>
        </p>
        <p className="hint">Details for whoever made the link: {error.message}</p>
      </>
    ),
  });
}
