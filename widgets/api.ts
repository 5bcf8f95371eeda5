/**
 * Types for partner developers: the widgets' events and strings, and the SEND updates API they show
 * (the contract in contract/api.d.ts). Types only.
 */
import type { ArchiveKey } from './news-archive/news-archive.js';
import type { CountdownKey } from './consultation-countdown/consultation-countdown.js';
import type { FeedKey } from './news-feed/news-feed.js';
import type { Message } from './core/strings.js';

export type { SendEventDetails, SendEventName } from './core/events.js';
export type { FailureKind } from './core/loader.js';
export type { Message, PluralForms } from './core/strings.js';
export type { NewsFeedLayout } from './news-feed/news-feed.js';
export type { ArchiveKey, CountdownKey, FeedKey };
export type * from '../contract/api.js';

/** Every visible string of every widget, for a complete translation (e.g. Welsh) set through `strings`. */
export type Strings = Record<FeedKey | ArchiveKey | CountdownKey, Message>;
