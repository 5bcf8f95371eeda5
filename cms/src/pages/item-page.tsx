/**
 * One published item as a page: everything the widget's reading view shows, without JavaScript.
 * On a narrow screen a consultation's status, dates and Respond link come before its long body.
 */
import type { ConsultationDetail, UpdateDetail } from '../../../contract/api';
import { consultationStatus } from '../catalogue/items';
import { ukCalendarDate, ukDate, ukDateTime } from '../feeds/dates';
import { DownloadList, easyReadOf } from '../feeds/feed-content';
import { itemFacts } from '../feeds/item-facts';
import { hasRichText, RichText } from '../feeds/rich-text';
import { cleanLine, safeUrl } from '../feeds/text';
import { AUDIENCES, TYPE_LABELS } from '../lib/update-types';
import { renderPage, type FeedLink, type Site } from './layout';
import { itemPageUrl, urlsFor } from './urls';

type Status = 'upcoming' | 'open' | 'closed' | 'outcome';
const STATUS_LABELS: Record<Status, string> = { upcoming: 'Upcoming', open: 'Open', closed: 'Closed', outcome: 'Outcome published' };

/** A consultation's state for readers: the API's status, with "outcome published" once there is one. */
export function readerStatus(item: Pick<ConsultationDetail, 'opensAt' | 'closesAt' | 'hasOutcome'>, now: number): Status | null {
  const status = consultationStatus(item.opensAt, item.closesAt, now);
  return status === 'closed' && item.hasOutcome ? 'outcome' : status;
}

export const StatusTag = ({ status }: { status: Status }) => <strong className={`tag tag--${status}`}>{STATUS_LABELS[status]}</strong>;

const when = (iso: string | null) => (iso ? ukDateTime(new Date(iso)) : null);

function ConsultationPanel({ item, base, now }: { item: ConsultationDetail; base: string; now: number }) {
  const status = readerStatus(item, now);
  const opens = when(item.opensAt);
  const closes = when(item.closesAt);
  const respond = safeUrl(item.respondUrl, base);
  const easyRead = easyReadOf(item, base);
  return (
    <section className="panel" aria-labelledby="consultation-status">
      <h2 className="heading-s" id="consultation-status">
        Status: {status ? <StatusTag status={status} /> : 'dates to be confirmed'}
      </h2>
      {status === 'upcoming' && (
        <p className="panel__when">
          Opens at {opens}.<br />
          Closes at {closes}.
        </p>
      )}
      {status === 'open' && (
        <p className="panel__when">
          Closes at <strong>{closes}</strong>.
          {opens && (
            <>
              <br />
              Opened at {opens}.
            </>
          )}
        </p>
      )}
      {(status === 'closed' || status === 'outcome') && (
        <p className="panel__when">
          Closed at {closes}.{status === 'outcome' && <> Read what you said and what we did below.</>}
        </p>
      )}
      {status === 'open' && respond && (
        <p>
          <a className="button button--start" href={respond}>
            Respond to this consultation
          </a>
        </p>
      )}
      {status === 'upcoming' && respond && <p>You can respond from {opens}.</p>}
      <ul className="list">
        {item.closesAt && (status === 'open' || status === 'upcoming') && (
          <li>
            <a href={`${base}${item.calendarUrl}`} type="text/calendar">
              Add the closing date to your calendar
            </a>
          </li>
        )}
        {easyRead && (
          <li>
            <a href={easyRead.url}>Easy Read version</a>
            {easyRead.facts && ` (${easyRead.facts})`}
          </li>
        )}
      </ul>
    </section>
  );
}

function Facts({ item }: { item: UpdateDetail }) {
  // Consultation dates are in the panel above, said in sentences.
  const facts = item.type === 'consultation' ? [] : itemFacts(item);
  if (!facts.length) return null;
  return (
    <dl className="summary-list">
      {facts.map((fact) => (
        <div className="summary-list__row" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function jsonLdOf(item: UpdateDetail, url: string, site: Site) {
  const publisher = { '@type': 'Organization', name: site.publisher };
  const common = { '@context': 'https://schema.org', name: cleanLine(item.title), description: cleanLine(item.summary), url, inLanguage: 'en-GB' };
  if (item.type === 'consultation') {
    return {
      ...common,
      // A consultation is an event people take part in online, between its opening and closing times.
      '@type': 'Event',
      startDate: item.opensAt ?? undefined,
      endDate: item.closesAt ?? undefined,
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'VirtualLocation', url: safeUrl(item.respondUrl) ?? url },
      organizer: publisher,
      keywords: item.topics.map((t) => t.name).join(', ') || undefined,
    };
  }
  return {
    ...common,
    '@type': item.type === 'article' ? 'NewsArticle' : 'Article',
    headline: cleanLine(item.title).slice(0, 110),
    datePublished: item.date,
    dateModified: item.lastUpdated ?? item.date,
    mainEntityOfPage: url,
    author: publisher,
    publisher,
    articleSection: TYPE_LABELS[item.type],
    keywords: item.topics.map((t) => t.name).join(', ') || undefined,
    ...(item.type === 'staffing-update' ? { about: { '@type': 'GovernmentService', name: cleanLine(item.service) } } : {}),
  };
}

export function itemPage({
  item,
  site,
  feeds,
  now,
  preview = false,
}: {
  item: UpdateDetail;
  site: Site;
  feeds: FeedLink[];
  now: number;
  preview?: boolean;
}): string {
  const base = site.baseUrl;
  const url = itemPageUrl(base, item);
  const index = urlsFor(base, { types: [], topics: [], audiences: [], q: '', year: null, status: [] }).index;
  const similar = urlsFor(base, { types: [item.type], topics: item.topics.slice(0, 1).map((t) => t.slug), audiences: [], q: '', year: null, status: [] });
  const updated = item.lastUpdated ? ukDate(new Date(item.lastUpdated)) : null;
  const outcome = item.type === 'consultation' && hasRichText(item.outcome, base) ? item.outcome : null;
  const outcomeUrl = item.type === 'consultation' ? safeUrl(item.outcomeUrl, base) : null;
  const back = { text: 'Back to all updates', href: index };
  return renderPage({
    site,
    back,
    banner: preview ? <PreviewBanner /> : undefined,
    head: {
      noIndex: preview,
      title: cleanLine(item.title),
      description: cleanLine(item.summary),
      canonical: url,
      feeds,
      openGraph: {
        'og:type': 'article',
        'article:published_time': item.date,
        'article:modified_time': item.lastUpdated ?? undefined,
        'article:section': TYPE_LABELS[item.type],
      },
      jsonLd: jsonLdOf(item, url, site),
    },
    children: (
      <article className="item">
        <p className="caption">{TYPE_LABELS[item.type]}</p>
        <h1 className="heading-xl">{cleanLine(item.title)}</h1>
        <p className="lead">{cleanLine(item.summary)}</p>
        <p className="meta">
          Published {ukCalendarDate(item.date)}
          {updated && <>, last updated {updated}</>}
        </p>
        {item.type === 'consultation' && <ConsultationPanel item={item} base={base} now={now} />}
        <Facts item={item} />
        {hasRichText(item.body, base) && (
          <div className="body">
            <RichText blocks={item.body} base={base} minHeadingLevel={2} />
          </div>
        )}
        {(outcome || outcomeUrl) && item.type === 'consultation' && (
          <section className="section" aria-labelledby="outcome">
            <h2 id="outcome">You said, we did</h2>
            {item.outcomeDate && <p className="meta">Outcome published {ukCalendarDate(item.outcomeDate)}</p>}
            {outcome && (
              <div className="body">
                <RichText blocks={outcome} base={base} minHeadingLevel={3} />
              </div>
            )}
            {outcomeUrl && (
              <p>
                <a href={outcomeUrl}>Read the full outcome report</a>
              </p>
            )}
          </section>
        )}
        {item.downloads.length > 0 && (
          <section className="section" aria-labelledby="downloads">
            <h2 id="downloads">Downloads</h2>
            <DownloadList downloads={item.downloads} />
          </section>
        )}
        <dl className="summary-list summary-list--small">
          {item.topics.length > 0 && (
            <div className="summary-list__row">
              <dt>Topics</dt>
              <dd>{item.topics.map((t) => cleanLine(t.name)).join(', ')}</dd>
            </div>
          )}
          {item.audiences.length > 0 && (
            <div className="summary-list__row">
              <dt>For</dt>
              <dd>{item.audiences.map((a) => AUDIENCES[a].label).join(', ')}</dd>
            </div>
          )}
        </dl>
        <p>
          <a href={similar.subscribe}>Get updates like this by email, feed reader or calendar</a>
        </p>
        <a className="back-link" href={back.href}>
          {back.text}
        </a>
      </article>
    ),
  });
}

/** Above an item shown through the admin's Preview: this is not what readers see yet. */
function PreviewBanner() {
  return (
    <div className="inset" role="note" aria-label="Preview">
      <p>
        <strong>Preview.</strong> This is how the item will look to readers. It may not be published yet, and this link stops working after 15 minutes.
      </p>
    </div>
  );
}
