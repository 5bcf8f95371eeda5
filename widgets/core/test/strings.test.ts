import { formatMessage, isMessage, type Message } from '../strings.js';
import { assertEqual } from '../../test/helpers.js';

describe('formatMessage', () => {
  it('fills placeholders with numbers as the language writes them, and picks the plural form', () => {
    const days: Message = { one: 'Closes in {count} day', other: 'Closes in {count} days' };
    assertEqual(formatMessage(days, 'en-GB', { count: 1 }), 'Closes in 1 day', 'one');
    assertEqual(formatMessage(days, 'en-GB', { count: 3132 }), 'Closes in 3,132 days', 'other');
  });

  it('leaves a placeholder it has no value for as written, one named like an object property included', () => {
    assertEqual(formatMessage('See {site} or {constructor}', 'en-GB', { site: 'the CMS' }), 'See the CMS or {constructor}', 'placeholders');
  });

  it('falls back to "other" when the chosen form a host gave is not text', () => {
    assertEqual(formatMessage({ one: 5, other: '{count} days' } as unknown as Message, 'en-GB', { count: 1 }), '1 days', 'other');
  });
});

describe('isMessage', () => {
  it('takes text, or plural forms with "other" in text, as a host override, and nothing else', () => {
    assertEqual(
      ['x', '', { other: 'x' }, { one: 'x', other: 'y' }, 5, null, undefined, [], {}, { other: 5 }, { one: 'x' }].map(isMessage),
      [true, true, true, true, false, false, false, false, false, false, false],
      'messages',
    );
  });
});
