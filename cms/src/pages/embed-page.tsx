/**
 * The embed-code builder (/updates/embed), for editors and partners: pick a widget, what it
 * shows (type, topic, audience), its layout and heading, see it working on the page, and copy the
 * code: the versioned script with its integrity hash, and the element. A plain GET form that works
 * without JavaScript ("Show"); with it (embed.js) the preview and code follow every change.
 */
import { createElement } from 'react';
import type { Facet, UpdateSummary } from '../../../contract/api';
import { AUDIENCES, TYPE_LABELS, keysOf } from '../lib/update-types';
import { EMBED_PATH, LAYOUTS, WIDGETS, type EmbedChoice } from './embed-query';
import { renderPage, type Site } from './layout';
import { ALL_WIDGETS, elementFor, scriptTag, type WidgetScript } from './snippets';

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
            <fieldset className="fieldset">
              <legend>News feed: what it shows</legend>
              <p className="hint">Leave everything unticked to show every kind of update.</p>
              {keysOf(TYPE_LABELS).map((type) => (
                <div className="checkbox" key={type}>
                  <input type="checkbox" name="type" value={type} id={`type-${type}`} {...checked(choice.types.includes(type))} />
                  <label htmlFor={`type-${type}`}>{TYPE_LABELS[type]}</label>
                </div>
              ))}
              <div className="form-group">
                <label className="label" htmlFor="topic">
                  Topic
                </label>
                <select className="select" name="topic" id="topic" defaultValue={choice.topic}>
                  <option value="">Any topic</option>
                  {topics.map((topic) => (
                    <option key={topic.value} value={topic.value}>
                      {topic.label}
                    </option>
                  ))}
                </select>
              </div>
              {keysOf(AUDIENCES).map((audience) => (
                <div className="checkbox" key={audience}>
                  <input type="checkbox" name="audience" value={audience} id={`audience-${audience}`} {...checked(choice.audiences.includes(audience))} />
                  <label htmlFor={`audience-${audience}`}>For {AUDIENCES[audience].label.toLowerCase()}</label>
                </div>
              ))}
              <div className="form-group">
                <label className="label" htmlFor="layout">
                  Layout
                </label>
                <select className="select" name="layout" id="layout" defaultValue={choice.layout}>
                  {keysOf(LAYOUTS).map((layout) => (
                    <option key={layout} value={layout}>
                      {LAYOUTS[layout]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-group">
                <label className="label" htmlFor="limit">
                  How many items
                </label>
                <input className="input" type="number" name="limit" id="limit" min={1} max={20} defaultValue={choice.limit} />
              </div>
            </fieldset>
            <div className="form-group">
              <label className="label" htmlFor="consultation">
                Countdown: which consultation
              </label>
              <select className="select" name="consultation" id="consultation" defaultValue={choice.consultation}>
                <option value="">Every open consultation</option>
                {consultations.map((item) => (
                  <option key={item.slug} value={item.slug}>
                    {item.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="label" htmlFor="heading">
                Heading
              </label>
              <p className="hint" id="heading-hint">
                Leave empty for the widget&rsquo;s own (&ldquo;Latest SEND news&rdquo;, &ldquo;Consultations&rdquo;).
              </p>
              <input className="input" type="text" name="heading" id="heading" maxLength={80} defaultValue={choice.heading} aria-describedby="heading-hint" />
            </div>
            <div className="form-group">
              <label className="label" htmlFor="headingLevel">
                Heading level
              </label>
              <p className="hint" id="headingLevel-hint">
                One below the heading above the widget on your page: after an &lt;h2&gt;, choose 3. &ldquo;None&rdquo; leaves the heading out.
              </p>
              <select className="select" name="headingLevel" id="headingLevel" defaultValue={String(choice.headingLevel)} aria-describedby="headingLevel-hint">
                <option value="0">None (follow my page&rsquo;s heading)</option>
                {[1, 2, 3, 4, 5, 6].map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Show
            </button>
          </form>
          <div className="grid__results">
            <h2 className="heading-l">The code for your page</h2>
            <div className="copy-field">
              <label className="label" htmlFor="embed-code">
                Copy this into your page where the updates should appear
              </label>
              <p className="hint" id="embed-code-hint">
                The script address never changes, and its integrity hash lets browsers refuse it if it were ever altered.
                {!forFeed && ' Filters apply to the news feed only.'}
              </p>
              <div className="copy-field__row">
                <textarea className="input" id="embed-code" rows={6} readOnly spellCheck={false} value={code} aria-describedby="embed-code-hint" />
                <button type="button" className="button button--secondary" data-copy="embed-code" hidden>
                  Copy<span className="visually-hidden"> the code</span>
                </button>
              </div>
            </div>
            <h2 className="heading-l">How it looks</h2>
            <p className="hint">
              The widget itself, working, with this CMS&rsquo;s published updates. On your page it takes your fonts and colours where you set them.
            </p>
            <p className="visually-hidden" role="status" id="embed-status"></p>
            <div id="embed-preview" className="inset">
              {createElement(element.name, Object.fromEntries(element.attributes), createElement('a', { href: element.fallback.href }, element.fallback.text))}
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
