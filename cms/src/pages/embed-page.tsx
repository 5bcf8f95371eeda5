/**
 * The embed-code builder (/updates/embed), for editors and partners: pick a widget, what it
 * shows (type, topic, audience), its layout and heading, see it working on the page, and copy the
 * code: the versioned script with its integrity hash, and the element. A plain GET form that works
 * without JavaScript ("Show"); with it (embed.js) the preview and code follow every change.
 */
import { h } from 'preact';
import type { Facet, UpdateSummary } from '../../../contract/api';
import { AUDIENCES, TYPE_LABELS, keysOf } from '../lib/update-types';
import { EMBED_PATH, LAYOUTS, THEMES, WIDGETS, type EmbedChoice } from './embed-query';
import { Checkboxes, Select } from './form-controls';
import { CopyField, renderPage, type Site } from './layout';
import { ALL_WIDGETS, elementFor, RESERVE_SECONDS, reserveSpaceCss, scriptTag, WIDE_SCREEN_REM, type WidgetScript } from './snippets';

type Props = {
  site: Site;
  choice: EmbedChoice;
  scripts: WidgetScript[];
  topics: Facet<string>[];
  consultations: UpdateSummary[];
  /** The page's own script (live preview), with its content hash. */
  script: string;
};

export function embedPage({ site, choice, scripts, topics, consultations, script }: Props): string {
  const widgetScript = scripts.find((s) => s.file === WIDGETS[choice.widget].script);
  const element = elementFor(choice, site.baseUrl);
  const code = widgetScript ? `${scriptTag(widgetScript)}\n${element.html}` : element.html;
  const all = scripts.find((s) => s.file === ALL_WIDGETS);
  const checked = (yes: boolean) => (yes ? { defaultChecked: true } : {});
  const forFeed = choice.widget === 'send-news-feed';
  return renderPage({
    site,
    crumbs: [
      { text: 'All updates', href: `${site.baseUrl}/updates` },
      { text: 'Add these updates to your website', href: `${site.baseUrl}/updates/for-websites` },
    ],
    head: {
      title: 'Build the code for your website',
      description: 'Choose a widget and what it shows, see it working, and copy the code for your page.',
      canonical: `${site.baseUrl}${EMBED_PATH}`,
      copyButtons: true,
    },
    children: (
      <>
        <h1 className="heading-xl">Build the code for your website</h1>
        <p className="lead">Choose what to show, see it below as your visitors will, then copy the code into your page.</p>
        <div className="grid">
          <form className="grid__filters" method="get" action={`${site.baseUrl}${EMBED_PATH}`} id="embed-form">
            <fieldset className="fieldset">
              <legend>Widget</legend>
              {keysOf(WIDGETS).map((widget) => (
                <div className="checkbox" key={widget}>
                  <input
                    type="radio"
                    name="widget"
                    value={widget}
                    id={`widget-${widget}`}
                    {...checked(choice.widget === widget)}
                    aria-describedby={`widget-${widget}-hint`}
                  />
                  <label htmlFor={`widget-${widget}`}>
                    {WIDGETS[widget].name}
                    <span className="hint" id={`widget-${widget}-hint`}>
                      {' '}
                      {WIDGETS[widget].hint}
                    </span>
                  </label>
                </div>
              ))}
            </fieldset>
            {/* data-for: with embed.js, shown only while its widget is chosen; without it, every field shows. */}
            <fieldset className="fieldset" data-for="send-news-feed">
              <legend>News feed: what it shows</legend>
              <p className="hint">Leave everything unticked to show every kind of update.</p>
              <Checkboxes
                legend="Type"
                name="type"
                checked={choice.types}
                options={keysOf(TYPE_LABELS).map((type) => ({ value: type, label: TYPE_LABELS[type] }))}
              />
              <Select label="Topic" name="topic" all="Any topic" selected={choice.topic} options={topics} />
              <Checkboxes
                legend="Who it is for"
                name="audience"
                checked={choice.audiences}
                options={keysOf(AUDIENCES).map((audience) => ({ value: audience, label: AUDIENCES[audience].label }))}
              />
              <Select
                label="Layout"
                name="layout"
                selected={choice.layout}
                options={keysOf(LAYOUTS).map((layout) => ({ value: layout, label: LAYOUTS[layout] }))}
              />
              <div className="form-group">
                <label className="label" htmlFor="limit">
                  How many items
                </label>
                <input className="input" type="number" name="limit" id="limit" min={1} max={20} defaultValue={choice.limit} />
              </div>
            </fieldset>
            <div data-for="send-consultation-countdown">
              <Select
                label="Countdown: which consultation"
                name="consultation"
                all="Every open consultation"
                selected={choice.consultation}
                options={consultations.map((item) => ({ value: item.slug, label: item.title }))}
              />
            </div>
            <div className="form-group">
              <label className="label" htmlFor="heading">
                Heading
              </label>
              <p className="hint" id="heading-hint">
                Leave empty for the widget&rsquo;s own, such as &ldquo;Latest SEND news&rdquo;, or &ldquo;Latest SEND consultations&rdquo; for consultations
                alone.
              </p>
              <input className="input" type="text" name="heading" id="heading" maxLength={80} defaultValue={choice.heading} aria-describedby="heading-hint" />
            </div>
            <Select
              label="Heading level"
              name="headingLevel"
              hint="One below the heading above the widget on your page: after an <h2>, choose 3. “None” leaves the heading out."
              selected={String(choice.headingLevel)}
              options={[
                { value: '0', label: 'None (follow my page’s heading)' },
                ...[1, 2, 3, 4, 5, 6].map((level) => ({ value: String(level), label: String(level) })),
              ]}
            />
            <Select
              label="Your page’s background"
              name="theme"
              hint="On a dark background the widget’s text and links are light."
              selected={choice.theme}
              options={keysOf(THEMES).map((theme) => ({ value: theme, label: THEMES[theme] }))}
            />
            <button type="submit" className="button">
              Show
            </button>
          </form>
          <div className="grid__results">
            <h2 className="heading-l">The code for your page</h2>
            <CopyField
              id="embed-code"
              label="Copy this into your page where the updates should appear"
              copyName="the code"
              value={code}
              rows={6}
              hint={
                <>
                  The script address never changes, and its integrity hash lets browsers refuse it if it were ever altered.
                  {!forFeed && ' Filters apply to the news feed only.'}
                </>
              }
            />
            <CopyField
              id="embed-css"
              label="Add this to your stylesheet so your page does not jump while the widget loads"
              copyName="the stylesheet rule"
              value={reserveSpaceCss(choice.widget)}
              rows={10}
              hint={
                <>
                  Until its script has run the widget has no height. Set the heights it takes on your page, on phones and on screens {WIDE_SCREEN_REM}rem wide
                  or more: with JavaScript on, this page puts in the heights it takes in a phone&rsquo;s column and in the preview below. If the script never
                  arrives, the space closes after {RESERVE_SECONDS} seconds, leaving the plain link.
                </>
              }
            />
            <h2 className="heading-l">How it looks</h2>
            <p className="hint">
              The widget itself, working, with this CMS&rsquo;s published updates. On your page it takes your fonts and colours where you set them.
            </p>
            <p className="visually-hidden" role="status" id="embed-status"></p>
            {/* On the page's background as chosen (data-theme: site.css paints it), so light text is seen as partners will. */}
            <div id="embed-preview" className="inset" data-theme={choice.theme}>
              {h(element.name, Object.fromEntries(element.attributes), h('a', { href: element.fallback.href }, element.fallback.text))}
            </div>
          </div>
        </div>
        {/* Every widget, so the preview can switch between them without loading another script. */}
        {all && <script type="module" src={all.url} integrity={all.integrity} crossOrigin="anonymous" />}
        <script src={script} defer />
      </>
    ),
  });
}
