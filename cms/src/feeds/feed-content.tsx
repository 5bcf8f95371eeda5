/**
 * An item's full text as feed readers and email-from-RSS services get it: the facts a reader
 * needs first (see item-facts.ts), a link to respond, the body (or the summary when there is no
 * body), the outcome, and the Easy Read version. Simple HTML only; see rich-text.tsx.
 */
import { Fragment } from 'preact';
import type { Download, UpdateDetail } from '../../../contract/api';
import { render } from 'preact-render-to-string';
import { itemFacts } from './item-facts';
import { hasRichText, RichText } from './rich-text';
import { cleanLine, isWebUrl, safeUrl } from './text';

function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** "PDF, 482 KB", or what is known of it. */
export const downloadFacts = (download: Pick<Download, 'format' | 'sizeBytes'>): string =>
  [download.format, Number.isInteger(download.sizeBytes) && download.sizeBytes! >= 0 ? formatSize(download.sizeBytes!) : null].filter(Boolean).join(', ');

/** Downloads with a web address, as links with their format and size. */
export function DownloadList({ downloads }: { downloads: readonly Download[] }) {
  const safe = downloads.map((d) => ({ ...d, url: safeUrl(d.url) })).filter((d): d is Download & { url: string } => isWebUrl(d.url));
  if (!safe.length) return null;
  return (
    <ul>
      {safe.map((download, i) => {
        const facts = downloadFacts(download);
        return (
          <li key={i}>
            <a href={download.url}>{cleanLine(download.title) || 'Download'}</a>
            {facts && ` (${facts})`}
          </li>
        );
      })}
    </ul>
  );
}

/** The Easy Read version of an item, if it has one: a download (consultations) or a link. */
export function easyReadOf(detail: UpdateDetail, base: string): { url: string; facts: string } | null {
  const download = detail.type === 'consultation' ? detail.easyReadVersion : null;
  const url = safeUrl(download?.url ?? detail.easyReadUrl, base);
  return url ? { url, facts: download ? downloadFacts(download) : '' } : null;
}

function FeedContent({ detail, base }: { detail: UpdateDetail; base: string }) {
  const facts = itemFacts(detail);
  const respond = detail.type === 'consultation' ? safeUrl(detail.respondUrl, base) : null;
  const outcome = detail.type === 'consultation' ? detail.outcome : null;
  const easyRead = easyReadOf(detail, base);
  return (
    <>
      {(facts.length > 0 || respond) && (
        <p>
          {facts.map((fact, i) => (
            <Fragment key={fact.label}>
              {i > 0 && <br />}
              <strong>{fact.label}:</strong> {fact.value}
            </Fragment>
          ))}
          {respond && (
            <>
              {facts.length > 0 && <br />}
              <a href={respond}>Respond to this consultation</a>
            </>
          )}
        </p>
      )}
      {/* Every item has content, even one saved without a body: its summary. */}
      {hasRichText(detail.body, base) ? <RichText blocks={detail.body} base={base} /> : <p>{cleanLine(detail.summary)}</p>}
      {hasRichText(outcome, base) && (
        <>
          <h2>You said, we did</h2>
          <RichText blocks={outcome} base={base} />
        </>
      )}
      {easyRead && (
        <p>
          <a href={easyRead.url}>Easy Read version</a>
          {easyRead.facts && ` (${easyRead.facts})`}
        </p>
      )}
    </>
  );
}

/** Safe HTML of an item's full text (see FeedContent). */
export const feedContentHtml = (detail: UpdateDetail, base: string): string => render(<FeedContent detail={detail} base={base} />);

/** Safe HTML list of every download, for formats that allow one enclosure only. */
export function downloadsHtml(downloads: readonly Download[]): string {
  const list = render(<DownloadList downloads={downloads} />);
  return list ? `<h2>Downloads</h2>\n${list}` : '';
}
