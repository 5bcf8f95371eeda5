/**
 * The accessibility statement the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
 * Accessibility Regulations 2018 ask of every public sector website, for these reader pages: what
 * readers can expect, what is not accessible, how to ask for another format or report a problem, the
 * enforcement procedure, the compliance status and how the pages are tested. A council whose own
 * statement covers these pages names it in ACCESSIBILITY_STATEMENT_URL, and the footer links there.
 */
import type { PagePaths } from '../../../contract/api';
import { renderPage, type Site } from './layout';

export const ACCESSIBILITY_PATH: PagePaths['accessibility'] = '/updates/accessibility';

/** When this statement's words were last checked against what the pages do (change it with them). */
export const STATEMENT_PREPARED = '7 December 2026';

const EASS = 'https://www.equalityadvisoryservice.com/';

export function accessibilityPage({ site, contactEmail, councilUrl }: { site: Site; contactEmail: string | null; councilUrl: string | null }): string {
  const contact = contactEmail ? (
    <>
      us at <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
    </>
  ) : councilUrl ? (
    <>
      us through <a href={councilUrl}>the council’s website</a>
    </>
  ) : (
    <>us through the council’s website</>
  );
  return renderPage({
    site,
    crumbs: [{ text: 'All updates', href: `${site.baseUrl}/updates` }],
    head: {
      title: 'Accessibility statement',
      description: `How accessible ${site.name} is, how to ask for another format or report a problem, and how the pages are tested.`,
      canonical: `${site.baseUrl}${ACCESSIBILITY_PATH}`,
    },
    children: (
      <>
        <h1 className="heading-xl">Accessibility statement</h1>
        <p className="lead">
          This statement is about the pages at <a href={`${site.baseUrl}/updates`}>{`${site.baseUrl}/updates`}</a>: the news, consultations and service updates
          published by {site.publisher}. Where these updates appear on another website, that website’s own accessibility statement applies.
        </p>

        <h2 className="heading-l">Using these pages</h2>
        <p>We want as many people as possible to be able to use these pages. You should be able to:</p>
        <ul className="list list--bullet">
          <li>change colours, contrast and fonts with your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>read every page on a small phone without scrolling sideways</li>
          <li>move around every page with a keyboard alone</li>
          <li>use every page with a screen reader, and find your way by its headings</li>
          <li>use every page with JavaScript turned off</li>
          <li>get the updates by email, in a feed reader or in your calendar instead</li>
        </ul>
        <p>Some consultations and updates offer an Easy Read version: it is linked from the update.</p>

        <h2 className="heading-l">What is not accessible</h2>
        <p>
          Documents attached to updates, such as PDF and Word files, come from many teams, and some may not be fully accessible: for example, a scanned document
          that a screen reader cannot read, or a table without headings. If you need a document in another format, ask us (below).
        </p>

        <h2 className="heading-l">Another format, or a problem with these pages</h2>
        <p>
          If you need something on these pages in another format, such as large print, Easy Read, audio or braille, or you find a problem that is not listed
          here, contact {contact}. Tell us the address of the page or document and what you need.
        </p>

        <h2 className="heading-l">Enforcement procedure</h2>
        <p>
          The Equality and Human Rights Commission (EHRC) enforces the accessibility regulations. If you are not happy with how we answer a request or a
          complaint about accessibility, contact the <a href={EASS}>Equality Advisory and Support Service (EASS)</a>.
        </p>

        <h2 className="heading-l">Technical information about these pages’ accessibility</h2>
        <p>
          We ({site.publisher}) are committed to making our websites accessible, in line with the Public Sector Bodies (Websites and Mobile Applications) (No.
          2) Accessibility Regulations 2018.
        </p>
        <h3 className="heading-m">Compliance status</h3>
        <p>
          These pages are partially compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines (WCAG) version 2.2</a> AA
          standard, because some attached documents may not be, as described above. The pages themselves are built and tested to meet it.
        </p>
        <h3 className="heading-m">Documents published before 23 September 2018</h3>
        <p>
          The regulations do not require PDF and other documents published before 23 September 2018 to be made accessible, unless they are needed to use a
          service. Any such document you need can still be had in another format: ask us.
        </p>

        <h2 className="heading-l">How these pages are tested</h2>
        <p>
          Before each version of the software behind these pages is released, every kind of page (the list of updates, searches, each kind of update, the
          subscription and website pages and the page for an address that does not exist) is checked in a browser: with axe-core, an automated accessibility
          checker, on a 320-pixel-wide phone screen and a 1,024-pixel-wide screen, for sideways scrolling, and with JavaScript turned off.
        </p>

        <h2 className="heading-l">Preparation of this statement</h2>
        <p>This statement was prepared on {STATEMENT_PREPARED}.</p>
      </>
    ),
  });
}
