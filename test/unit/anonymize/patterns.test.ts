import { describe, expect, it } from 'vitest';
import { findPatterns } from '../../../shared/domain/anonymize/patterns.ts';
import type { DetectionKind } from '../../../shared/domain/anonymize/types.ts';

/** What the patterns found of one kind, as [surface, term key]. The key is how decisions and replacements are stored. */
function found(text: string, kind: DetectionKind): [string, string][] {
  return findPatterns(text)
    .filter((c) => c.kind === kind)
    .map((c) => [text.slice(c.start, c.end), c.termKey]);
}

describe('phone numbers', () => {
  it('takes 7 to 15 digits in groups for a phone, and fewer or more for something else', () => {
    expect(found('Call 555 1234 after six.', 'phone')).toEqual([['555 1234', 'phone:5551234']]);
    expect(found('Call +123 4567 8901 2345 from abroad.', 'phone')).toEqual([['+123 4567 8901 2345', 'phone:123456789012345']]);
    expect(found('Room 12 34 56 is on the left.', 'phone')).toEqual([]);
    expect(found('Card 1234 5678 9012 3456 was charged.', 'phone')).toEqual([]);
  });

  it('takes a local number in two groups for a phone, with or without an area code in brackets', () => {
    expect(found('Call 8358 2000 tomorrow.', 'phone')).toEqual([['8358 2000', 'phone:83582000']]);
    expect(found('Llama al 8358 200 mañana.', 'phone')).toEqual([['8358 200', 'phone:8358200']]);
    expect(found('Call (81) 345 678 tomorrow.', 'phone')).toEqual([['(81) 345 678', 'phone:81345678']]);
    expect(found('Call 123 456 78 tomorrow.', 'phone')).toEqual([['123 456 78', 'phone:12345678']]);
  });

  it('reads thousands separators as an amount, unless the number is long enough to call', () => {
    expect(found('We paid 12 345 678 pesos.', 'phone')).toEqual([]);
    expect(found('We paid 12.345.678 pesos.', 'phone')).toEqual([]);
    expect(found('Call 123 456 789 tomorrow.', 'phone')).toEqual([['123 456 789', 'phone:123456789']]);
  });

  it('leaves a list of years alone, even with the first in brackets, but not a phone whose groups look like years after a country code', () => {
    expect(found('The cohorts of (2019) 2020 2021 took part.', 'phone')).toEqual([]);
    expect(found('Call +342019 2020 now.', 'phone')).toEqual([['+342019 2020', 'phone:3420192020']]);
    expect(found('Call +201955 2020 now.', 'phone')).toEqual([['+201955 2020', 'phone:2019552020']]);
  });
});

describe('web addresses', () => {
  it('stops before trailing punctuation and a bracket it did not open, and keeps one it opened', () => {
    expect(found('See https://en.wikipedia.org/wiki/Bologna_(city), then.', 'url').map((f) => f[0])).toEqual(['https://en.wikipedia.org/wiki/Bologna_(city)']);
    expect(found('(see https://x.org/a) and www.x.org/b!', 'url').map((f) => f[0])).toEqual(['https://x.org/a', 'www.x.org/b']);
    expect(found('I searched the www... nothing came up.', 'url')).toEqual([]);
  });

  it('gives one address written with or without its scheme, a trailing slash or capitals one term', () => {
    const text = 'http://www.uni-mty.edu.mx/ https://www.uni-mty.edu.mx www.uni-mty.edu.mx HTTPS://WWW.UNI-MTY.EDU.MX';
    expect(found(text, 'url').map((f) => f[1])).toEqual(Array(4).fill('url:www.uni-mty.edu.mx'));
    expect(found('www.x.org/staff/', 'url')).toEqual([['www.x.org/staff/', 'url:www.x.org/staff']]);
  });

  it('keeps a scheme that is part of the address, not its start', () => {
    expect(found('Log in at www.uni-mty.edu.mx/?next=http://x.org today', 'url').map((f) => f[1])).toEqual(['url:www.uni-mty.edu.mx/?next=http://x.org']);
  });
});

describe('e-mail addresses', () => {
  it('gives one address in any case one term, and two addresses two', () => {
    expect(found('Ana@X.org wrote from ana@x.org, then from luis@x.org.', 'email')).toEqual([
      ['Ana@X.org', 'email:ana@x.org'],
      ['ana@x.org', 'email:ana@x.org'],
      ['luis@x.org', 'email:luis@x.org'],
    ]);
  });
});

describe('ID-like numbers', () => {
  it('needs at least five digits, and keys an ID without its hyphens', () => {
    expect(found('Her code was AB12345, his AB1234.', 'id')).toEqual([['AB12345', 'id:AB12345']]);
    expect(found('File AB-1234567 is closed.', 'id')).toEqual([['AB-1234567', 'id:AB1234567']]);
  });

  it('does not take an ISO time for an ID, but does take a code that holds a date or starts like one', () => {
    expect(found('Recorded at 2026-11-28T12 in the lab.', 'id')).toEqual([]);
    expect(found('Interview INT-2024-03-15-07 was the last.', 'id')).toEqual([['INT-2024-03-15-07', 'id:INT2024031507']]);
    expect(found('The serial 4021-07-3B is on the back.', 'id')).toEqual([['4021-07-3B', 'id:4021073B']]);
  });
});

describe('dates', () => {
  it('gives one date written with other spacing or capitals one term', () => {
    expect(found('On 12  March 2021 we met.', 'date')[0]).toEqual(['12  March 2021', 'date:12 march 2021']);
    // Each full date, then the month and year inside it (overlaps are resolved by the detector).
    expect(found('el 3 de Mayo de 2020 y el 3 de mayo de 2020', 'date').map((f) => f[1])).toEqual(['date:3 de mayo de 2020', 'date:3 de mayo de 2020', 'date:mayo de 2020', 'date:mayo de 2020']);
  });
});
