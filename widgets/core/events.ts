import type { FailureKind } from './loader.js';

/** Every event a widget dispatches. All bubble and cross shadow boundaries (composed). */
export interface SendEventDetails {
  /** Data rendered. `stale` is true when it came from the offline cache. */
  'send-loaded': { count: number; total: number; stale: boolean };
  /** A request failed (a cached copy may still be shown). */
  'send-error': { message: string; kind: FailureKind };
  /** The reader opened an item. */
  'send-item-select': { type: string; slug: string; title: string };
  /** The archive's search or filters changed. */
  'send-filter-change': { q: string; type: string[]; topic: string[]; audience: string[]; year: string; page: number };
}

export type SendEventName = keyof SendEventDetails;

// They bubble to the document and window, so every event target knows them.
declare global {
  interface GlobalEventHandlersEventMap {
    'send-loaded': CustomEvent<SendEventDetails['send-loaded']>;
    'send-error': CustomEvent<SendEventDetails['send-error']>;
    'send-item-select': CustomEvent<SendEventDetails['send-item-select']>;
    'send-filter-change': CustomEvent<SendEventDetails['send-filter-change']>;
  }
}
