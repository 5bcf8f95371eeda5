/**
 * The widget classes from the shipped build under test (see build.ts), with the three elements defined,
 * as a partner page gets them from `send-widgets.js`.
 */
import type * as Widgets from '../send-widgets.js';
import { buildUrl } from './build.js';

export const { SendNewsFeed, SendNewsArchive, SendConsultationCountdown } = (await import(
  /* @vite-ignore */ buildUrl('send-widgets.js').href
)) as typeof Widgets;
export type SendNewsFeed = InstanceType<typeof SendNewsFeed>;
export type SendNewsArchive = InstanceType<typeof SendNewsArchive>;
export type SendConsultationCountdown = InstanceType<typeof SendConsultationCountdown>;
