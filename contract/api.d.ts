/**
 * The public SEND updates API: what GET /api/updates, GET /api/updates/:type/:slug, their errors
 * and the JSON Feed send, and the query parameters they and the other feeds accept.
 *
 * This is the one definition. The CMS builds its responses from these types, the widgets read
 * them, and the importer writes the same rich text. A contract test checks the live CMS against a
 * JSON Schema generated from this file, so a field that drifts fails a test. Objects are closed:
 * a field the contract does not name is a drift too.
 *
 * Types only (a .d.ts file), so every project can `import type` it without compiling it.
 */

/** The three kinds of item, as they appear in URLs and in `type`. */
export type UpdateType = 'article' | 'consultation' | 'staffing-update';

/** Who an item is for. */
export type Audience = 'parents-carers' | 'children-young-people' | 'professionals';

/** A consultation's state as of the response. */
export type ConsultationStatus = 'upcoming' | 'open' | 'closed';

/** Order of /api/updates results. */
export type Sort = 'newest' | 'oldest' | 'closing';

/**
 * A calendar date.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type IsoDate = string;

/**
 * An instant in UTC, as `Date.prototype.toISOString()` writes it.
 * @pattern ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$
 */
export type IsoDateTime = string;

export interface Topic {
  name: string;
  slug: string;
}

/** A document readers can download: an uploaded file or a link. */
export interface Download {
  title: string;
  /** Absolute. */
  url: string;
  /** Upper case, e.g. "PDF". */
  format: string | null;
  sizeBytes: number | null;
}

/* ---- Strapi "blocks" rich text, as Strapi 5 validates it ---- */

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface LinkNode {
  type: 'link';
  url: string;
  /** Strapi's editor may set these; widgets and feeds ignore them. */
  rel?: string;
  target?: string;
  children: TextNode[];
}

export type InlineNode = TextNode | LinkNode;

export interface ParagraphBlock {
  type: 'paragraph';
  children: InlineNode[];
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  children: InlineNode[];
}

export interface QuoteBlock {
  type: 'quote';
  children: InlineNode[];
}

export interface CodeBlock {
  type: 'code';
  language?: string | null;
  children: TextNode[];
}

export interface ListItemBlock {
  type: 'list-item';
  children: InlineNode[];
}

export interface ListBlock {
  type: 'list';
  format: 'ordered' | 'unordered';
  /** Set by Strapi's editor on nested lists. */
  indentLevel?: number;
  children: (ListItemBlock | ListBlock)[];
}

/** An uploaded image: Strapi copies the media file's record (name, hash, formats…) into the block. */
export interface ImageBlock {
  type: 'image';
  image: {
    url: string;
    alternativeText?: string | null;
    caption?: string | null;
    width?: number;
    height?: number;
    [field: string]: unknown;
  };
  children: InlineNode[];
}

export type Block = ParagraphBlock | HeadingBlock | QuoteBlock | CodeBlock | ListBlock | ImageBlock;

/* ---- Items ---- */

/** Fields every item has, in lists and alone. */
export interface SummaryBase {
  type: UpdateType;
  /** Strapi documentId: stable across edits, renames and re-publishing. */
  id: string;
  slug: string;
  title: string;
  /**
   * Plain text.
   * @maxLength 300
   */
  summary: string;
  /** The date shown to readers. */
  date: IsoDate;
  /** By name. */
  topics: Topic[];
  audiences: Audience[];
  easyReadUrl: string | null;
  /** This item in the API, relative to the CMS origin. */
  url: string;
  /**
   * This item's page for readers, served by the CMS (absolute): `PagePaths['item']` on the CMS's
   * public URL. Works without JavaScript; the link to use when a partner site has no page of its own.
   */
  pageUrl: string;
  publishedAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /**
   * When readers are told this item was last updated: its published content last changed on a later
   * day (in London) than its `date` and than its first publication. Null when it has not changed
   * since, so an item brought in from elsewhere or written today about an earlier day is not "updated".
   */
  lastUpdated: IsoDateTime | null;
}

export interface ArticleSummary extends SummaryBase {
  type: 'article';
}

export interface ConsultationFields {
  /** UTC; show in Europe/London. */
  opensAt: IsoDateTime | null;
  closesAt: IsoDateTime | null;
  /** As of the response; null when the dates are missing. */
  status: ConsultationStatus | null;
  respondUrl: string | null;
  outcomeDate: IsoDate | null;
  outcomeUrl: string | null;
  hasOutcome: boolean;
  /** This consultation's closing time as an iCalendar file, relative to the CMS origin. */
  calendarUrl: string;
}

export interface ConsultationSummary extends SummaryBase, ConsultationFields {
  type: 'consultation';
}

export interface StaffingUpdateFields {
  service: string;
  /** What changes for families and professionals, in plain words; null when the editor gave none. */
  whatChanges: string | null;
  from: { name: string; role: string | null } | null;
  effectiveFrom: IsoDate | null;
}

export interface StaffingUpdateSummary extends SummaryBase, StaffingUpdateFields {
  type: 'staffing-update';
}

/** An item in a list. */
export type UpdateSummary = ArticleSummary | ConsultationSummary | StaffingUpdateSummary;

/** What an item adds when it is asked for alone. */
export interface DetailFields {
  body: Block[];
  downloads: Download[];
}

export interface ArticleDetail extends ArticleSummary, DetailFields {}

export interface ConsultationDetail extends ConsultationSummary, DetailFields {
  easyReadVersion: Download | null;
  /** "You said, we did", once published. */
  outcome: Block[] | null;
}

export interface StaffingUpdateDetail extends StaffingUpdateSummary, DetailFields {}

/** One item with its full text. */
export type UpdateDetail = ArticleDetail | ConsultationDetail | StaffingUpdateDetail;

/* ---- Responses ---- */

export interface Pagination {
  /** From 1. */
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** One filter value and how many published items have it. */
export interface Facet<V extends string = string> {
  value: V;
  label: string;
  count: number;
}

export interface YearFacet {
  value: number;
  count: number;
}

/**
 * The values each filter can take, with a count for each: by default, of every published item; with
 * `facets=matching`, of the items that value would find together with the other filters given (the
 * search words and the other filters, not the filter's own value), as a faceted search shows them.
 */
export interface Facets {
  types: Facet<UpdateType>[];
  topics: Facet[];
  audiences: Facet<Audience>[];
  /** Newest first. */
  years: YearFacet[];
}

/** GET /api/updates */
export interface ListResponse {
  data: UpdateSummary[];
  meta: {
    pagination: Pagination;
    facets: Facets;
  };
}

/** GET /api/updates/:type/:slug */
export interface ItemResponse {
  data: UpdateDetail;
}

/** 400: a malformed query parameter or an unknown type. */
export interface ValidationErrorBody {
  status: 400;
  name: 'ValidationError';
  /** A sentence a partner developer can act on. */
  message: string;
  details: { parameter: keyof UpdatesQuery };
}

/** 404: no published item of that type has that slug. */
export interface NotFoundErrorBody {
  status: 404;
  name: 'NotFoundError';
  message: string;
}

export interface ErrorResponse {
  data: null;
  error: ValidationErrorBody | NotFoundErrorBody;
}

/* ---- Query parameters ---- */

/**
 * The filters /api/updates and every feed accept. A list parameter may be repeated or
 * comma-separated (`type=article,consultation`); values within one filter are alternatives.
 */
export interface FeedQuery {
  type?: UpdateType[];
  /** Topic slugs. */
  topic?: string[];
  audience?: Audience[];
  /** Words that must all appear; at most 200 characters. */
  q?: string;
  year?: number;
  /** Consultations only; other types are left out when given. */
  status?: ConsultationStatus[];
  /** Feeds only: at most this many items, 1 to 200, default 50 (the API pages with `page` and `pageSize`). */
  limit?: number;
}

/** What a list's facet counts count: every published item (`all`, the default), or what each value would find alongside the other filters (`matching`). */
export type FacetCounts = 'all' | 'matching';

/** GET /api/updates parameters. */
export interface UpdatesQuery extends FeedQuery {
  sort?: Sort;
  /** `matching` for counts that answer "how many would I get if I chose this?" (an archive's filters); costs a little more to answer. */
  facets?: FacetCounts;
  page?: number;
  /** 1 to 100, default 10. */
  pageSize?: number;
}

/* ---- Feeds ---- */

/** Where the feeds are, relative to the CMS origin. All but the one-consultation calendar take `FeedQuery`. */
export interface FeedPaths {
  rss: '/feeds/rss.xml';
  atom: '/feeds/atom.xml';
  json: '/feeds/feed.json';
  /** Closing times of upcoming and open consultations (unless `status` says otherwise). */
  calendar: '/feeds/consultations.ics';
  /** One consultation's closing time: `calendarUrl` of a consultation. */
  consultationCalendar: `/feeds/consultations/${string}.ics`;
  icon: '/feeds/icon.png';
}

/* ---- Pages for readers ---- */

/** The CMS's HTML pages for readers, relative to the CMS origin. All work without JavaScript. */
export interface PagePaths {
  /** Every published item, with search, filters (`FeedQuery`) and pages (`page`). */
  index: '/updates';
  /** One item: `pageUrl`. */
  item: `/updates/${UpdateType}/${string}`;
  /** How to follow the items a `FeedQuery` selects: feed reader, email, calendar. Link here, not to a feed. */
  subscribe: '/updates/subscribe';
  /** The widget script tags with their Subresource Integrity hashes, for partner sites. */
  widgets: '/updates/for-websites';
  /** The accessibility statement for these pages. */
  accessibility: '/updates/accessibility';
}

/** GET /feeds/feed.json: JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), with a `_send` extension per item. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  favicon: string;
  language: 'en-GB';
  authors: { name: string }[];
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  /** A urn:uuid: that never changes for this item. */
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: IsoDateTime;
  date_modified: IsoDateTime;
  tags: string[];
  attachments?: JsonFeedAttachment[];
  /** What a partner site needs to show the item its own way. */
  _send: JsonFeedItemExtension;
}

export interface JsonFeedAttachment {
  url: string;
  mime_type: string;
  title: string;
  size_in_bytes?: number;
}

export interface JsonFeedItemExtension {
  type: UpdateType;
  slug: string;
  date: IsoDate;
  /** Topic slugs. */
  topics: string[];
  audiences: Audience[];
  /** Consultations only. */
  opens_at?: IsoDateTime | null;
  closes_at?: IsoDateTime | null;
}
