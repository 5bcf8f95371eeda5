/**
 * "Add these updates to your website": the script tags partners copy, at versioned addresses
 * that never change, each with its Subresource Integrity hash, and the elements to place.
 */
import { CopyField, renderPage, type Site } from './layout';

/** A built widget script: its versioned address and its integrity hash (dist/widgets/integrity.json). */
export type WidgetScript = { file: string; url: string; integrity: string };

/** What a script holds, from its name: send-widgets.js has every widget, send-news-feed.js the news feed. */
const ALL_WIDGETS = 'send-widgets.js';
const describeScript = (file: string) => (file === ALL_WIDGETS ? 'Every widget' : `The ${file.replace(/^send-|\.js$/g, '').replace(/-/g, ' ')} only`);

export const scriptTag = (script: WidgetScript) => `<script type="module" src="${script.url}" integrity="${script.integrity}" crossorigin="anonymous"></script>`;

export function widgetsPage({ site, version, scripts }: { site: Site; version: string | null; scripts: WidgetScript[] }): string {
  const api = site.baseUrl;
  const examples = [
    { name: 'News feed', code: `<send-news-feed api="${api}" limit="5"></send-news-feed>` },
    { name: 'News archive with search and filters', code: `<send-news-archive api="${api}"></send-news-archive>` },
    { name: 'Consultation countdown', code: `<send-consultation-countdown api="${api}"></send-consultation-countdown>` },
  ];
  const ordered = scripts.filter((s) => s.file.startsWith('send-')).sort((a, b) => Number(b.file === ALL_WIDGETS) - Number(a.file === ALL_WIDGETS) || a.file.localeCompare(b.file));
  return renderPage({
    site,
    crumbs: [{ text: 'All updates', href: `${site.baseUrl}/updates` }],
    head: { title: 'Add these updates to your website', description: 'Script tags and elements for partner websites, with their integrity hashes.', canonical: `${site.baseUrl}/updates/for-websites`, copyButtons: true },
    children: (
      <>
        <h1 className="heading-xl">Add these updates to your website</h1>
        <p className="lead">Paste one script tag and one element into your page. The updates stay current on their own, with no further work.</p>
        <h2 className="heading-l">1. The script{version ? `, version ${version}` : ''}</h2>
        {ordered.length ? (
          <>
            <p>
              Each version has its own address that never changes, so browsers can keep it. The <code>integrity</code> hash lets browsers refuse the script if it was ever
              altered. To move to a new version, copy the new tag from this page.
            </p>
            {ordered.map((script) => (
              <CopyField key={script.file} id={`script-${script.file.replace(/\W/g, '-')}`} label={describeScript(script.file)} value={scriptTag(script)} />
            ))}
          </>
        ) : (
          <p>The widget scripts have not been built on this server yet.</p>
        )}
        <h2 className="heading-l">2. The element</h2>
        <p>Place one of these where the updates should appear. Leave out <code>api</code> and the widgets use the site the script came from.</p>
        {examples.map((example, i) => (
          <CopyField key={example.name} id={`element-${i}`} label={example.name} value={example.code} />
        ))}
        <p>
          See them on <a href={`${site.baseUrl}/demo/`}>example partner pages</a>.
        </p>
      </>
    ),
  });
}
