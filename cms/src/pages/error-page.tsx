/** Pages for addresses that lead nowhere (404) or are malformed (400). */
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

export function badRequestPage(site: Site, message: string): string {
  return renderPage({
    site,
    head: { title: 'There is a problem with this address', noIndex: true },
    children: (
      <>
        <h1 className="heading-xl">There is a problem with this address</h1>
        <p>{message}</p>
        <p>
          <a href={`${site.baseUrl}/updates`}>See all SEND updates</a>
        </p>
      </>
    ),
  });
}
