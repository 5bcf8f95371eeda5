/**
 * The frame of every reader page: a GOV.UK-like header with the service name, a skip link,
 * breadcrumbs or a back link, one h1 in <main>, and a footer. Absolute links come from the
 * CMS's configured public URL, never from the request.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';

export type Crumb = { text: string; href: string };

/** Links every page's head may carry: feeds for autodiscovery. */
export type FeedLink = { type: string; title: string; href: string };

export type Head = {
  /** The page's own title; the site name follows it. */
  title: string;
  description?: string;
  /** Absolute URL of this page without presentation-only parameters. */
  canonical?: string;
  feeds?: FeedLink[];
  /** Open Graph properties (og:*, article:*), besides the ones every page gets. */
  openGraph?: Record<string, string | undefined>;
  /** schema.org data, written as JSON-LD. */
  jsonLd?: object;
  /** Whether the page uses the copy-button script. */
  copyButtons?: boolean;
  /** When search engines should not list the page (errors). */
  noIndex?: boolean;
};

export type Site = {
  name: string;
  /** Who publishes these updates (the feeds' author), for the footer. */
  publisher: string;
  /** The CMS's public origin, for absolute links. */
  baseUrl: string;
  /** The accessibility statement for these pages (the footer links to it). */
  accessibilityHref: string;
  /** Asset URLs with their content hash, so they can be cached for good. */
  assets: { css: string; script: string; /** head.js, written inline (its hash is in the pages' CSP). */ headScript: string };
};

/**
 * JSON for a <script type="application/ld+json"> element: `<` and `>` escaped so no text can
 * close the element, `&` so nothing reads as an entity, and the two line separators JSON allows
 * but JavaScript strings once did not.
 */
export const jsonForScript = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function Document({
  site,
  head,
  crumbs,
  back,
  banner,
  children,
}: {
  site: Site;
  head: Head;
  crumbs?: Crumb[];
  back?: Crumb;
  banner?: ComponentChildren;
  children: ComponentChildren;
}) {
  const title = `${head.title} \u2013 ${site.name}`;
  const og: Record<string, string | undefined> = {
    'og:site_name': site.name,
    'og:locale': 'en_GB',
    'og:title': head.title,
    'og:description': head.description,
    'og:url': head.canonical,
    'og:type': 'website',
    ...head.openGraph,
  };
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noIndex && <meta name="robots" content="noindex" />}
        {head.canonical && <link rel="canonical" href={head.canonical} />}
        {Object.entries(og).map(([property, content]) => (content ? <meta key={property} property={property} content={content} /> : null))}
        <meta name="twitter:card" content="summary" />
        {head.feeds?.map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        <link rel="stylesheet" href={site.assets.css} />
        <script dangerouslySetInnerHTML={{ __html: site.assets.headScript }} />
        {head.copyButtons && <script src={site.assets.script} defer />}
        {head.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(head.jsonLd) }} />}
      </head>
      <body>
        <a className="skip-link" href="#main-content">
          Skip to main content
        </a>
        <header className="header">
          <div className="width header__inner">
            <a className="header__name" href={`${site.baseUrl}/updates`}>
              {site.name}
            </a>
          </div>
        </header>
        <div className="width">
          {banner}
          {crumbs && crumbs.length > 0 && (
            <nav className="breadcrumbs" aria-label="Breadcrumb">
              <ol>
                {crumbs.map((crumb) => (
                  <li key={crumb.href}>
                    <a href={crumb.href}>{crumb.text}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <main id="main-content" className="main" tabIndex={-1}>
            {/* Inside the main landmark, so no content sits outside a landmark. */}
            {back && (
              <a className="back-link" href={back.href}>
                {back.text}
              </a>
            )}
            {children}
          </main>
        </div>
        <footer className="footer">
          <div className="width">
            <ul className="footer__links">
              <li>
                <a href={`${site.baseUrl}/updates`}>All updates</a>
              </li>
              <li>
                <a href={`${site.baseUrl}/updates/subscribe`}>Get updates by email, feed or calendar</a>
              </li>
              <li>
                <a href={`${site.baseUrl}/updates/for-websites`}>Add these updates to your website</a>
              </li>
              <li>
                <a href={site.accessibilityHref}>Accessibility statement</a>
              </li>
            </ul>
            <p>Published by {site.publisher}.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole page as HTML text. */
export function renderPage(props: Parameters<typeof Document>[0]): string {
  return `<!doctype html>\n${render(<Document {...props} />)}`;
}

/**
 * A field with an address or code to copy: readable and selectable without JavaScript; copy.js adds the button.
 * Text of several lines, or given `rows`, gets a text area. The button says what it copies (`copyName`, else the label).
 */
export function CopyField({
  id,
  label,
  value,
  hint,
  rows = value.split('\n').length,
  copyName = label.toLowerCase(),
}: {
  id: string;
  label: string;
  value: string;
  hint?: ComponentChildren;
  rows?: number;
  copyName?: string;
}) {
  return (
    <div className="copy-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="copy-field__row">
        {rows > 1 ? (
          <textarea className="input" id={id} rows={rows} readOnly value={value} spellcheck={false} aria-describedby={hint ? `${id}-hint` : undefined} />
        ) : (
          <input className="input" id={id} type="text" readOnly value={value} spellcheck={false} aria-describedby={hint ? `${id}-hint` : undefined} />
        )}
        <button type="button" className="button button--secondary" data-copy={id} hidden>
          Copy<span className="visually-hidden"> {copyName}</span>
        </button>
      </div>
    </div>
  );
}
