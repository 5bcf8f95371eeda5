import { assertEqual } from '../../test/helpers.js';

/* Runs only in the auckland-reader group: proves that group really runs in a zone far from London. */
describe('reader time zone', () => {
  it('is Pacific/Auckland in this browser', () => {
    assertEqual(Intl.DateTimeFormat().resolvedOptions().timeZone, 'Pacific/Auckland', 'browser zone');
    assertEqual(new Date('2026-01-01T00:00:00Z').getHours(), 13, 'local hour at UTC midnight');
  });
});
