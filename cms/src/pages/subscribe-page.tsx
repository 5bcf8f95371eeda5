/**
 * How to follow a selection of items, for people rather than feed parsers: a feed reader, email
 * from the feed, or a calendar of consultation closing dates, each address with a copy button.
 * The same page answers a browser that opens a feed itself, with the latest items below.
 */
import type { UpdateSummary } from '../../../contract/api';
import { ukCalendarDate } from '../feeds/dates';
import { capitalised, describeFilters } from '../feeds/describe';
import { cleanLine } from '../feeds/text';
import type { UpdateFilters } from '../lib/update-query';
import { CopyField, renderPage, type FeedLink, type Site } from './layout';
import { itemPageUrl, mayHoldConsultations, urlsFor } from './urls';

/** The feed a browser opened, when this page stands in for it. */
export type OpenedFeed = { name: string; items: UpdateSummary[] };

export type SubscribePageInput = {
  site: Site;
  filters: UpdateFilters;
  topicName: (slug: string) => string | undefined;
  feeds: FeedLink[];
  opened?: OpenedFeed;
};

export function subscribePage({ site, filters, topicName, feeds, opened }: SubscribePageInput): string {
  const urls = urlsFor(site.baseUrl, filters);
  const words = describeFilters(filters, topicName);
  const what = words ?? 'all SEND news, consultations and service updates';
  const title = opened ? `${opened.name}: ${capitalised(what)}` : `Get updates: ${what}`;
  const calendar = mayHoldConsultations(filters);
  return renderPage({
    site,
    crumbs: [{ text: 'All updates', href: `${site.baseUrl}/updates` }, ...(words ? [{ text: capitalised(words), href: urls.index }] : [])],
    head: {
      title,
      description: `Follow ${what} in a feed reader, by email or in your calendar.`,
      canonical: urls.subscribe,
      feeds,
      copyButtons: true,
      noIndex: Boolean(opened),
    },
    children: (
      <>
        <h1 className="heading-xl">{opened ? `This is the ${opened.name} of these updates` : 'Get these updates'}</h1>
        {opened && (
          <div className="inset">
            <p>
              A feed is for a feed reader or an email service, not for reading here. Copy its address below to follow these updates, or{' '}
              <a href={urls.index}>read them on this site</a>.
            </p>
          </div>
        )}
        <p className="lead">
          You will get {what}
          {words && (
            <>
              {' '}
              (<a href={`${site.baseUrl}/updates`}>choose other updates</a>)
            </>
          )}
          .
        </p>

        <h2 className="heading-l">In a feed reader</h2>
        <p>
          A feed reader (such as Feedly, Inoreader, NetNewsWire or Outlook) shows new updates as they are published. Copy this address and add it in your feed
          reader.
        </p>
        <CopyField id="rss-url" label="RSS feed address" value={urls.feeds.rss} />
        <details className="details">
          <summary>Other feed formats</summary>
          <CopyField id="atom-url" label="Atom feed address" value={urls.feeds.atom} />
          <CopyField id="json-url" label="JSON Feed address" value={urls.feeds.json} />
        </details>

        <h2 className="heading-l">By email</h2>
        <p>
          We do not send emails ourselves. Free &ldquo;RSS to email&rdquo; services send you an email when there is something new, daily or weekly as you
          choose. Give them the RSS feed address above.
        </p>
        <ol className="list list--number">
          <li>Choose an &ldquo;RSS to email&rdquo; service and create an account.</li>
          <li>Paste the RSS feed address where it asks for a feed or website.</li>
          <li>Choose how often you want emails.</li>
        </ol>

        {calendar && (
          <>
            <h2 className="heading-l" id="calendar">
              In your calendar
            </h2>
            <p>
              Add the closing dates of {words ? 'these' : 'all SEND'} consultations to your calendar. Your calendar checks for new consultations a few times a
              day, and reminds you the day before each one closes.
            </p>
            <p>
              <a className="button" href={urls.webcal}>
                Subscribe in your calendar app
              </a>
            </p>
            <CopyField
              id="calendar-url"
              label="Calendar address"
              value={urls.calendar}
              hint="Outlook: Add calendar, then Subscribe from web. Google Calendar: Other calendars, then From URL. Apple Calendar: File, then New Calendar Subscription."
            />
            <CopyField id="webcal-url" label="Calendar address for calendar apps (webcal)" value={urls.webcal} />
          </>
        )}

        {opened && (
          <>
            <h2 className="heading-l">Latest in this feed</h2>
            {opened.items.length ? (
              <ul className="list">
                {opened.items.map((item) => (
                  <li key={`${item.type}/${item.slug}`}>
                    <a href={itemPageUrl(site.baseUrl, item)}>{cleanLine(item.title)}</a> <span className="meta">{ukCalendarDate(item.date)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Nothing yet. New updates will appear in the feed when they are published.</p>
            )}
          </>
        )}
      </>
    ),
  });
}
