import { safeHref } from '../urls.js';
import { assertEqual } from '../../test/helpers.js';

const BASE = 'https://cms.example.gov.uk';

describe('safeHref', () => {
  it('keeps web, email and phone links, resolving the CMS’s own paths', () => {
    assertEqual(safeHref('https://www.example.gov.uk/a?b=1', BASE), 'https://www.example.gov.uk/a?b=1', 'https');
    assertEqual(safeHref('mailto:send@example.gov.uk', BASE), 'mailto:send@example.gov.uk', 'mailto');
    assertEqual(safeHref('tel:+441905765765', BASE), 'tel:+441905765765', 'tel');
    assertEqual(safeHref('/uploads/plan.pdf', BASE), 'https://cms.example.gov.uk/uploads/plan.pdf', 'an upload');
  });

  it('drops other schemes and protocol-relative addresses, however written', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/x',
      ' //evil.example',
      '\\\\evil.example',
      '/\\evil.example',
      '\\/evil.example',
    ]) {
      assertEqual(safeHref(url, BASE), null, JSON.stringify(url));
    }
  });
});
