import fc from 'fast-check';
import {
  decodeSeed,
  MAX_SEED_BYTES,
  MIN_ARTICLE_WORDS,
  normalizeText,
  parseSeed,
  SeedRejectedError,
} from '../../functions/core/seed';
import { FIRST_SEED, SECOND_SEED, seedFiles, seedText } from '../seed-files';

const BODY =
  'Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd om de energierekening van huishoudens te verlagen.';
const SECOND = 'De maatregelen gaan volgende maand in en kosten naar schatting twee miljard euro per jaar.';

const rejectionOf = (action: () => unknown): SeedRejectedError => {
  try {
    action();
  } catch (error) {
    if (error instanceof SeedRejectedError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('parseSeed on the shipped seeds', () => {
  it('ships exactly the two seed files', () => {
    expect([...seedFiles.keys()]).toEqual([FIRST_SEED, SECOND_SEED]);
  });

  it.each([FIRST_SEED, SECOND_SEED])('reads the date marker of %s and keeps it out of the body', (name) => {
    const seed = parseSeed(seedText(name));
    expect(seed.date).toBe('2021-12');
    expect(JSON.stringify(seed.blocks)).not.toMatch(/\bdate 2021/);
    expect(seed.title).toBeUndefined();
  });

  it('keeps subheadings as subheadings and the photo credit out', () => {
    const seed = parseSeed(seedText(FIRST_SEED));
    expect(seed.paragraphs[0]).toMatch(/^Het gesprek tussen de Amerikaanse president Joe Biden/);
    expect(seed.blocks.filter((block) => block.type === 'subheading').map((block) => block.text)).toEqual([
      'Beleefdheden',
      'Bondgenoten',
    ]);
    expect(seed.paragraphs).not.toContain('Bondgenoten');
    expect(seed.paragraphs).toHaveLength(7);
    expect(seed.paragraphs.at(-1)).toMatch(/persconferentie\.$/);
    expect(seed.paragraphs.join('\n')).not.toContain('© AP');
    expect(seed.blocks).toContainEqual({ type: 'boilerplate', kind: 'credit', text: '© AP' });
  });

  it('recognises a quoted subheading', () => {
    const seed = parseSeed(seedText(SECOND_SEED));
    expect(seed.blocks).toContainEqual({ type: 'subheading', text: "'Totale breuk'" });
  });

  it('keeps non-ASCII text intact', () => {
    expect(parseSeed(seedText(FIRST_SEED)).paragraphs[0]).toContain('Oekraïne');
  });
});

describe('the language of an article that quotes another', () => {
  // Written here in the shape of a real Frisian report whose Dutch quotations outnumbered its own words.
  const frisian = [
    ' date 2021-01 "Zodra het een paar nachten flink vriest, leggen we de baan achter de sporthal onder water. Dat kost ons een hele avond met slangen en pompen, maar als je dan de volgende ochtend de eerste kinderen ziet schaatsen, weet je waarom je het doet", seit foarsitter Anne Hoekstra fan de iisferiening yn it doarp.',
    '',
    'Dizze winter is it iis noch net goed genôch, mar de minsken yn it doarp wiene der ek al hjoed by om te sjen. "We hebben de kraam al klaarstaan en de koek en zopie is ingekocht. Nu moet het weer alleen nog meewerken."',
    '',
    'Neffens Hoekstra hat de feriening mear as hûndert leden. "Vroeger waren het vooral boeren uit de omgeving, nu komen er ook veel jonge gezinnen uit de nieuwbouwwijk. Die willen hun kinderen leren schaatsen op natuurijs, net zoals wij dat vroeger deden. Dat vind ik mooi om te zien, want zo blijft de club bestaan en gaat de traditie verder. Maar we hebben ook vrijwilligers nodig, want het onderhoud van de baan en de verlichting kost veel tijd en niet iedereen kan daar elke week bij zijn. Wie wil helpen, is van harte welkom in de kantine."',
  ].join('\n');

  it('is the language of its narration, not of its quotations', () => {
    expect(parseSeed(frisian).language).toBe('fy');
  });

  it('is that of the quotations when the article is nearly all quotation', () => {
    const interview =
      ' date 2021-01 "Er was geen feest, en natuurlijk ook geen stunt op het plein. De plannen bewaren we voor volgend jaar, want dan mag alles weer", fertelt hy.';
    expect(parseSeed(interview).language).toBe('nl');
  });
});

describe('encodings', () => {
  const text = ` date 2021-12 België betaalt € 40 miljoen aan Oekraïne voor de wederopbouw van scholen en ziekenhuizen.`;
  const expected = 'België betaalt € 40 miljoen aan Oekraïne voor de wederopbouw van scholen en ziekenhuizen.';

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    [
      'UTF-16 BE with a byte order mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ],
    ['Windows-1252', Buffer.from(text.replace('€', '\x80'), 'latin1')],
    ['Latin-1 without the euro sign', Buffer.from(text.replace('€', 'EUR'), 'latin1')],
  ])('decodes %s without mojibake', (_, bytes) => {
    const seed = parseSeed(decodeSeed(bytes));
    expect(seed.paragraphs[0]).toBe(_.startsWith('Latin-1') ? expected.replace('€', 'EUR') : expected);
  });

  it('treats CRLF, CR and LF line endings alike', () => {
    const lf = parseSeed(` date 2021-12 ${BODY}\nwraps here.\n\n${SECOND}`);
    expect(parseSeed(` date 2021-12 ${BODY}\r\nwraps here.\r\n\r\n${SECOND}`)).toEqual(lf);
    expect(parseSeed(` date 2021-12 ${BODY}\rwraps here.\r\r${SECOND}`)).toEqual(lf);
    expect(lf.paragraphs).toEqual([`${BODY} wraps here.`, SECOND]);
  });

  it('removes NUL bytes and other control characters', () => {
    const seed = parseSeed(` date 2021-12 Het ka\u0000binet\u0007 heeft\u0085 ${BODY.slice(18)}`);
    expect(seed.paragraphs[0]).toBe(BODY);
  });

  it('composes Unicode to NFC and drops a byte order mark', () => {
    expect(normalizeText('\uFEFFOekrai\u0308ne')).toBe('Oekraïne');
  });
});

describe('what is not article text', () => {
  it('keeps a first line that is a title as the title, not as body text', () => {
    const seed = parseSeed(` date 2021-12-07 Kabinet verlaagt energierekening\n\n${BODY}\n\n${SECOND}`);
    expect(seed.title).toBe('Kabinet verlaagt energierekening');
    expect(seed.paragraphs).toEqual([BODY, SECOND]);
  });

  it('does not take a first sentence for a title', () => {
    expect(parseSeed(` date 2021-12-07 ${BODY}\n\n${SECOND}`).title).toBeUndefined();
  });

  // Boilerplate is kept in the stored body, marked with its kind, so that a wrong call can be seen; it is
  // never article text.
  it.each([
    ['© AP', 'credit'],
    ['© Belga 2021', 'credit'],
    ['Foto: Reuters', 'credit'],
    ['Beeld: ANP', 'credit'],
    ['(Foto: Jan Jansen)', 'credit'],
    ['Video', 'label'],
    ["Foto's", 'label'],
    ['Lees ook: Kabinet valt over stikstof', 'link'],
    ['Lees meer', 'link'],
    ['Advertentie', 'label'],
    ['Deel dit artikel', 'link'],
    ['Deel dit artikel via WhatsApp', 'link'],
    ['Facebook Twitter WhatsApp E-mail', 'link'],
  ])('marks the boilerplate line %p as %p and keeps it out of the text', (line, kind) => {
    const seed = parseSeed(` date 2021-12 ${BODY}\n\n${line}\n\n${SECOND}`);
    expect(seed.paragraphs).toEqual([BODY, SECOND]);
    expect(seed.blocks).toEqual([
      { type: 'paragraph', text: BODY },
      { type: 'boilerplate', kind, text: line },
      { type: 'paragraph', text: SECOND },
    ]);
  });

  it('keeps running text that merely starts like boilerplate', () => {
    const line = 'Video-opnames laten zien hoe de demonstranten urenlang de toegang tot het ministerie blokkeerden.';
    expect(parseSeed(` date 2021-12 ${BODY}\n\n${line}`).paragraphs).toContain(line);
  });

  it('strips HTML, drops scripts and styles, and decodes entities', () => {
    const html = ` date 2021-12 <p>Het kabinet heeft dinsdag <b>nieuwe</b> maatregelen aangekondigd voor &eacute;&eacute;n miljoen huishoudens.</p>
<script>var tracking = "x";</script><style>p { color: red }</style>
<p>De maatregelen gaan volgende maand in &amp; kosten twee miljard euro.<br>Per jaar.</p>`;
    const seed = parseSeed(html);
    expect(seed.paragraphs).toEqual([
      'Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd voor één miljoen huishoudens.',
      'De maatregelen gaan volgende maand in & kosten twee miljard euro. Per jaar.',
    ]);
  });
});

describe('rejections', () => {
  it.each([
    ['an empty file', '', 'empty-file'],
    ['only white space', '   \n\n ', 'empty-file'],
    [
      'no date marker',
      'Just an article without a marker, long enough to be an article otherwise.',
      'missing-date-marker',
    ],
    ['month 13', `date 2021-13 ${BODY}`, 'invalid-date'],
    ['30 February', `date 2021-02-30 ${BODY}`, 'invalid-date'],
    ['a date that is no date', `date abc ${BODY}`, 'invalid-date'],
    ['the date marker only', ' date 2021-12 ', 'no-article-text'],
    ['too few words', ' date 2021-12 Kort bericht zonder inhoud.', 'too-few-words'],
  ])('rejects %s with a reason', (_, text, code) => {
    const rejection = rejectionOf(() => parseSeed(text));
    expect(rejection.code).toBe(code);
    expect(rejection.message.length).toBeGreaterThan(10);
  });

  it('names the threshold when an article is too short', () => {
    expect(rejectionOf(() => parseSeed(' date 2021-12 Drie woorden maar.')).message).toContain(
      String(MIN_ARTICLE_WORDS),
    );
  });

  it.each([
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a JPEG image', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46])],
    ['arbitrary binary data', Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7) % 32))],
  ])('rejects %s as binary content', (_, bytes) => {
    expect(rejectionOf(() => decodeSeed(bytes)).code).toBe('binary-content');
  });

  it('rejects a file over the size limit', () => {
    const rejection = rejectionOf(() => decodeSeed(new Uint8Array(MAX_SEED_BYTES + 1).fill(0x61)));
    expect(rejection.code).toBe('too-large');
    expect(rejection.message).toContain(String(MAX_SEED_BYTES));
  });
});

describe('properties', () => {
  it('never fails on arbitrary bytes with anything but a rejection', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        try {
          parseSeed(decodeSeed(bytes));
        } catch (error) {
          if (!(error instanceof SeedRejectedError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never fails on arbitrary text after a valid marker with anything but a rejection', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (body) => {
        try {
          parseSeed(` date 2021-12 ${body}`);
        } catch (error) {
          if (!(error instanceof SeedRejectedError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  const word = fc.stringMatching(/^[a-zà-ÿ]{3,10}$/);
  const sentence = fc
    .array(word, { minLength: MIN_ARTICLE_WORDS, maxLength: 16 })
    .map((words) => `${words.join(' ')}.`);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '));
  const date = fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .chain((day) => {
      const iso = day.toISOString();
      return fc.constantFrom(iso.slice(0, 4), iso.slice(0, 7), iso.slice(0, 10));
    });

  it('gives back the date and paragraphs of any valid article', () => {
    fc.assert(
      fc.property(
        date,
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (day, paragraphs, eol) => {
          const seed = parseSeed(` date ${day} ${paragraphs.join(`${eol}${eol}`)}${eol}`);
          expect(seed.date).toBe(day);
          // Nothing is lost: every paragraph is a stored block, boilerplate or not, in order; the article
          // text is those the classifier keeps as content, never empty. (Before the content classifier,
          // every paragraph of these random-word articles was article text.)
          expect(seed.blocks.map((block) => block.text)).toEqual(paragraphs);
          expect(seed.paragraphs.length).toBeGreaterThan(0);
          expect(paragraphs.filter((paragraph) => seed.paragraphs.includes(paragraph))).toEqual(seed.paragraphs);
        },
      ),
      { numRuns: 500 },
    );
  });
});
