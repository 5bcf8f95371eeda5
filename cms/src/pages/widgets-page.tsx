/**
 * "Add these updates to your website": the script tags partners copy, at versioned addresses
 * that never change, each with its Subresource Integrity hash, and the elements to place.
 */
import { ALL_WIDGETS, describeScript, elementFor, RESERVE_SECONDS, reserveSpaceCss, scriptTag, type WidgetScript } from './snippets';
import { DEFAULT_EMBED_CHOICE, EMBED_PATH, WIDGETS, type Widget } from './embed-query';
import { CopyField, renderPage, type Site } from './layout';

export function widgetsPage({ site, version, scripts }: { site: Site; version: string | null; scripts: WidgetScript[] }): string {
  const api = site.baseUrl;
  // The builder's defaults for each widget, so both pages give the same code (with its link for readers without JavaScript).
  const examples = (Object.keys(WIDGETS) as Widget[]).map((widget) => ({
    name: WIDGETS[widget].name,
    code: elementFor({ ...DEFAULT_EMBED_CHOICE, widget }, api).html,
  }));
  const ordered = scripts
    .filter((s) => s.file.startsWith('send-'))
    .sort((a, b) => Number(b.file === ALL_WIDGETS) - Number(a.file === ALL_WIDGETS) || a.file.localeCompare(b.file));
  return renderPage({
    site,
    crumbs: [{ text: 'All updates', href: `${site.baseUrl}/updates` }],
    head: {
      title: 'Add these updates to your website',
      description: 'Script tags and elements for partner websites, with their integrity hashes.',
      canonical: `${site.baseUrl}/updates/for-websites`,
      copyButtons: true,
    },
    children: (
      <>
        <h1 className="heading-xl">Add these updates to your website</h1>
        <p className="lead">Paste one script tag and one element into your page. The updates stay current on their own, with no further work.</p>
        <h2 className="heading-l">1. The script{version ? `, version ${version}` : ''}</h2>
        {ordered.length ? (
          <>
            <p>
              Each version has its own address that never changes, so browsers can keep it. The <code>integrity</code> hash lets browsers refuse the script if
              it was ever altered. To move to a new version, copy the new tag from this page.
            </p>
            {ordered.map((script) => (
              <CopyField key={script.file} id={`script-${script.file.replace(/\W/g, '-')}`} label={describeScript(script.file)} value={scriptTag(script)} />
            ))}
          </>
        ) : (
          <p>The widget scripts have not been built on this server yet.</p>
        )}
        <h2 className="heading-l">2. The element</h2>
        <p>
          Place one of these where the updates should appear. The link inside is what readers see if the script cannot run. Leave out <code>api</code> and the
          widgets use the site the script came from. To choose filters, a layout or a heading, use the <a href={`${site.baseUrl}${EMBED_PATH}`}>code builder</a>
          .
        </p>
        {examples.map((example, i) => (
          <CopyField key={example.name} id={`element-${i}`} label={example.name} value={example.code} />
        ))}
        <h2 className="heading-l">3. Keep its space while it loads</h2>
        <p>
          Until the script has run the element has no height, so your page would jump when the updates appear. Keep the space in your stylesheet, with the
          heights the widget takes on your page on phones and on wider screens. If the script never arrives, this rule closes the space after {RESERVE_SECONDS}{' '}
          seconds, leaving the plain link. The <a href={`${site.baseUrl}${EMBED_PATH}`}>code builder</a> gives it with the heights it measures.
        </p>
        <CopyField id="reserve-space" label="For your stylesheet (news feed)" value={reserveSpaceCss('send-news-feed')} />
        <p>
          See them on <a href={`${site.baseUrl}/demo/`}>example partner pages</a>.
        </p>
      </>
    ),
  });
}
