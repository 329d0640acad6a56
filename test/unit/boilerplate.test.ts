import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeArticle } from '../../functions/core/article';
import { calendarNames } from '../../functions/core/calendar';
import { isTimestamp } from '../../functions/core/content';
import { type Block, parseSeed } from '../../functions/core/seed';

/**
 * Each fixture in test/fixtures/shapes/ is written here and reproduces the shape of a failure seen on real
 * crawled pages (which stay outside the repository): a date line taken for a title, a live blog's times in
 * the headline, a credit, a caption, a label glued to the first word, a date before the lead.
 */
const SHAPES = join(import.meta.dirname, '../fixtures/shapes');
const parse = (file: string) => parseSeed(readFileSync(join(SHAPES, file), 'utf8'));
const boilerplate = (blocks: readonly Block[]) =>
  blocks.filter((block) => block.type === 'boilerplate').map((block) => [block.kind, block.text]);

describe('shapes of real pages', () => {
  it.each([
    ['timestamp-first-line.txt', undefined, [['timestamp', 'Publicatie: wo 18 juli 2018 11.05 uur']]],
    ['timestamp-then-title.txt', 'Brand verwoest schuur in Lemelerveld', [['timestamp', 'zo 10 april 2022 23.26 uur']]],
    [
      'german-stand-and-caption.txt',
      undefined,
      [
        ['timestamp', 'Stand: 02.03.2023 17:36 Uhr'],
        ['caption', 'Ein Feuerwehrmann steht vor einem Windrad bei Husum. (Hans Muster-Petersen/dpa)'],
      ],
    ],
    ['english-date-line.txt', undefined, [['timestamp', '24 Feb 2022']]],
    ['circled-credit.txt', undefined, [['credit', 'Ⓒ Fotobureau Dijkstra']]],
    [
      'live-blog-times.txt',
      undefined,
      [
        ['timestamp', '18:07'],
        ['timestamp', '17:45'],
        ['timestamp', '7:01'],
      ],
    ],
    ['glued-label-title.txt', 'Boze boeren rijden met trekkers naar Den Haag', [['label', 'Stikstofprotest']]],
    // devset2, devset5: "Skip to main content" over a Dutch article, "Passer au contenu" were the headline.
    [
      'skip-link-first-line.txt',
      'Sluiting zwembad De Welle in Zwolle uitgesteld tot de zomer',
      [
        ['link', 'Skip to main content'],
        ['dateline', 'ZWOLLE -'],
      ],
    ],
    ['glued-label-lead.txt', undefined, [['label', 'foto']]],
    ['date-before-lead.txt', 'Raadsvergadering in Olst duurt twaalf minuten', [['timestamp', '26 maart']]],
    [
      'clock-counter-place.txt',
      'Zomerfeest in Lede trekt veel bezoekers',
      [
        ['timestamp', '14u20'],
        ['noise', '3'],
        ['label', 'Lede'],
      ],
    ],
    [
      'caption-with-credit.txt',
      undefined,
      [['caption', 'Het Zwaluwtje is kampioen in de derde klasse (foto: VV Het Zwaluwtje)']],
    ],
    ['caption-symbol-credit.txt', undefined, [['caption', 'De loods aan de Lavendelweg © Persbureau Noord']]],
    [
      'numbered-caption-credit.txt',
      undefined,
      [['caption', '2 Wo wird im Kreis Esslingen in den Sommerferien gebaut? Foto: picture alliance/dpa/Max Muster']],
    ],
    ['label-run-glued-lead.txt', undefined, [['label', 'UPDATE | met foto']]],
    [
      'share-widget-glued-link.txt',
      undefined,
      [
        ['noise', '- Share this with Facebook'],
        ['noise', '- Share this with Twitter'],
        ['noise', '-'],
        ['noise', 'Copy the page link'],
        ['link', 'Read more about sharing pages.'],
        ['noise', 'Links to other websites will open in a new tab'],
      ],
    ],
    [
      'dated-byline.txt',
      'Bestelbus in de vaart bij Veendam',
      [
        ['timestamp', '12-03-2020, Karin de Boer 112Nd.'],
        ['dateline', 'Veendam -'],
      ],
    ],
    [
      'lines-without-blank-lines.txt',
      'Gemeenteraad houdt nog even kerstreces',
      [
        ['timestamp', '28'],
        ['timestamp', 'dec'],
      ],
    ],
    [
      'ellipsis-title.txt',
      "Feux de forêt EN DIRECT : Longue nuit dans l'Hérault où 5.000 hectares ont disparu en trois jours et où les flammes avancent toujours...",
      [],
    ],
    [
      'long-caption-first-line.txt',
      undefined,
      [
        [
          'caption',
          'Voters wait in line to cast their ballots shortly before the polls open in the midterm elections at a church hall in Springfield, Ill., Tuesday, Nov. 6, 2018. (Jane Example/Springfield Herald via AP)',
        ],
      ],
    ],
    [
      'site-notices.txt',
      undefined,
      [
        [
          'notice',
          'Sorry, wij kunnen deze video niet laten zien omdat hij cookies van derden gebruikt. Aanvaard de cookies om de inhoud toch te bekijken.',
        ],
        ['notice', 'Je kunt je keuze altijd aanpassen via de knop "Cookie-instellingen" onderaan de site.'],
        ['notice', 'Schrijf je in voor onze nieuwsbrief en klik op de link in de bevestigingsmail.'],
      ],
    ],
    [
      'bracket-credit-no-colon.txt',
      'Un cycliste blessé ce mardi matin à Petit-Bourg',
      [
        ['timestamp', 'Publié le 10/05/2016 à 11:02 -'],
        ['caption', 'Le cycliste a été transporté par les pompiers au centre hospitalier de Louviers ( Photo DR)'],
      ],
    ],
    [
      'numbered-page-label.txt',
      undefined,
      [
        ['noise', '07. Weekblad Oost'],
        ['timestamp', '3 april 2019'],
        ['timestamp', '07. Weekblad Oost 3 april 2019'],
      ],
    ],
    ['question-title.txt', 'Which markets will open again when the rules are eased?', []],
    ['question-lead.txt', undefined, []],
    ['breadcrumb-label.txt', undefined, [['label', 'FOOTBALL / COUPE DE FRANCE 2023']]],
    ['teaser-line.txt', undefined, []],
    [
      'long-summary-title.txt',
      'Twelve hospitals in the North are already caring for more flu patients than at the height of last winter and admissions are climbing every week - amid warnings that wards could be full by January (is yours one of them?)',
      [['byline', 'By Jane Example Health Reporter']],
    ],
    ['exclaimed-title-and-standfirst.txt', 'Drukte op de dijk: honderden mensen komen kijken naar de ijsvogel!', []],
    [
      'ellipsis-pause-title.txt',
      'Zonder rijbewijs betrapt door de politie… die hem een uur later opnieuw achter het stuur aantreft op dezelfde weg',
      [],
    ],
    [
      'glued-trailing-date.txt',
      'Boekpresentatie in de bibliotheek van Uitgeverij Jansen',
      [['timestamp', 'Zondag 25 februari 2018']],
    ],
    ['numeric-date-lead.txt', 'Trainer neemt schuld op zich na zware nederlaag', [['timestamp', '2023-02-19 10:36']]],
    [
      'gallery-and-menus.txt',
      undefined,
      [
        ['label', 'Radio Oost Radio Oost'],
        ['caption', 'Het nieuwe zwembad in Hengelo gaat na de zomer open. (foto; Jan de Wit) vergroot'],
        ['noise', '1 of 12'],
        ['timestamp', 'Zaterdag 13 mei 2023 om 09:15'],
      ],
    ],
    [
      'glued-menu-and-caps-credit.txt',
      undefined,
      [
        ['label', 'RTV Oost 7NewsRegio Nieuws UitgelichtSport Video'],
        [
          'caption',
          'Een brandweerman blust de laatste resten van het vuur in de schuur aan de Dorpsstraat. - PERSBUREAU OOST HOLLAND',
        ],
        [
          'caption',
          'Luchtfoto van de afgebrande schuur aan de rand van Haaksbergen, zondagochtend. 14 mei 2023. PERSFOTO',
        ],
      ],
    ],
  ])('%s: title %p, boilerplate kept with its kind', (file, title, kinds) => {
    const seed = parse(file);
    expect(seed.title).toBe(title);
    expect(boilerplate(seed.blocks)).toEqual(kinds);
    for (const [, text] of kinds) expect(seed.paragraphs).not.toContain(text);
  });

  it.each([
    [
      'title-with-standfirst.txt',
      'Energiekrise: Regierung will Einstieg beim Gasimporteur durch den Bund',
      /^Die Bundesregierung möchte/u,
    ],
    ['title-clock-lead.txt', 'Politie zoekt met helikopter naar twee dieven', /^In Erembodegem heeft de politie/u],
    ['lowercase-kicker.txt', 'Dorpsbelang wint twee zetels en wordt de grootste', /^Dorpsbelang in Raalte/u],
    [
      'two-sentence-title.txt',
      'Burgemeester kan opgelucht ademhalen. Tegenvaller voor oppositie',
      /^De partij van de burgemeester/u,
    ],
    ['source-and-time.txt', undefined, /^De renovatie/u],
    ['bare-credit.txt', undefined, /^In Utrecht/u],
  ])('%s: the first line holds the title %p and no more; the lead follows', (file, title, lead) => {
    const seed = parse(file);
    expect(seed.title).toBe(title);
    expect(seed.paragraphs[0]).toMatch(lead);
  });

  it('takes a long title that quotes someone, and a title after a date line, as the title', () => {
    expect(parse('quoted-title.txt').title).toMatch(/^Bewoner dient klacht in tegen waterbedrijf: “Op mijn vraag/u);
    expect(parse('timestamp-then-title.txt').title).toBe('Brand verwoest schuur in Lemelerveld');
  });

  it('joins wrapped lines but not a title, a date and a lead on lines of their own', () => {
    expect(parse('wrapped-lines.txt').paragraphs).toEqual([
      'The council has approved a new budget for the coming year, with more money for roads and schools and a small rise in local taxes for most households. The mayor said the plan was balanced.',
      'Opposition members voted against it.',
    ]);
    expect(parse('lines-without-blank-lines.txt').paragraphs[0]).toMatch(
      /^\(Pijnacker, 28 december 2021\)\. Wie verwacht/u,
    );
  });

  it('takes a long first line as the title where the crawler wrote a line per paragraph, not wrapped at a width', () => {
    const seed = parse('line-per-paragraph-long-title.txt');
    expect(seed.title).toBe(
      "COACH'S VIEW: Anna de Wit praises Westbridge for 'a patient second half' on the way to a derby win over Eastfield Rovers",
    );
    expect(seed.paragraphs.join(' ')).not.toContain('COACH');
    // A block wrapped at a width still joins its lines, the first one too, though the next opens on a capital.
    const wrapped = parseSeed(
      [
        ' date 2023-01 The council of Westbridge said on Tuesday that it will spend more money on the old',
        'Eastfield Road and on the bridge over the river next year, after a long debate in the town',
        'hall. Opposition members voted against the plan, which they called far too expensive for now.',
      ].join('\n'),
    );
    expect(wrapped.title).toBeUndefined();
    expect(wrapped.paragraphs[0]).toMatch(/^The council of Westbridge .* on the old Eastfield Road and/u);
  });

  it('takes two words as a title where nouns are capitalised and the second is a verb, not elsewhere', () => {
    expect(parse('two-word-title.txt').title).toBe('Freibad schließt');
    // In English a lower-case second word may be a noun: a caption or a label, not a clause.
    const english = parseSeed(
      ' date 2024-08 Westbridge hospital\n\nThe hospital in Westbridge will close its emergency department at night from September, the health board said.',
    );
    expect(english.title).toBeUndefined();
  });

  it('reads one capitalised word before the title’s capitalised function word as a kicker, unless in title case', () => {
    const seed = parse('kicker-word-title.txt');
    expect(seed.title).toBe('Een vrachtwagen kantelt op de A19 bij Ieper');
    expect(boilerplate(seed.blocks)).toEqual([['label', 'Westhoek']]);
    const titleCase = parseSeed(
      ' date 2022-05 Appeal For Witnesses After Crash Near Westbridge\n\nPolice are appealing for witnesses after a crash on the A1 near Westbridge on Tuesday morning.',
    );
    expect(titleCase.title).toBe('Appeal For Witnesses After Crash Near Westbridge');
  });

  // Shape of the title lines of Dutch regional sites (devset, devset2, devset5): "UPDATE …", "OPINIE ‘…’",
  // "Nieuwsbericht …", "LIVE Live: …".
  // devset, devset2, devset5: pages that start with a menu, a notice or a date have their title twice near the top
  // (the crawl of <title> and <h1>); the headline had been the notice or the lead.
  it('takes a title-like line that the page repeats before its running text as the title, and keeps the copies as boilerplate', () => {
    const notice = parse('repeated-title-after-notice.txt');
    expect(notice.title).toBe("Twee auto's botsen op de Kanaalweg bij Hoogeveen");
    expect(boilerplate(notice.blocks)).toEqual([
      ['label', 'Mail'],
      ['label', 'Kies je mailomgeving'],
      ['label', 'Omdat wij ook de mail van de buurtkrant aanbieden, vragen we je eenmalig een keuze te maken.'],
      ['noise', "Twee auto's botsen op de Kanaalweg bij Hoogeveen"],
      ['dateline', 'HOOGEVEEN -'],
    ]);
    expect(summarizeArticle(notice).headline).toBe("Twee auto's botsen op de Kanaalweg bij Hoogeveen");
    // The copy ran on to the end of the lead: split from it, so that the summary does not repeat the title.
    const lead = parse('repeated-title-in-lead.txt');
    expect(lead.title).toBe('New footbridge opens over the river in Exeter');
    expect(lead.paragraphs[0]).toMatch(/on the banks\.$/u);
    expect(boilerplate(lead.blocks)).toContainEqual(['noise', 'New footbridge opens over the river in Exeter']);
  });

  it('reads no repetition as a title under a title line, or after the running text has begun', () => {
    // Under a title, a repeated line is its standfirst.
    const standfirst = parseSeed(
      ' date 2024-05 Storm closes the harbour in Dover\n\nFerries stay in port until Thursday\n\nFerries stay in port until Thursday\n\nThe harbour in Dover was closed on Tuesday after a storm with gusts of a hundred miles an hour hit the coast, and the ferries to Calais stayed in port.',
    );
    expect(standfirst.title).toBe('Storm closes the harbour in Dover');
    // A link repeated between paragraphs is no title.
    const links = parseSeed(
      ' date 2024-05 14 May 2024\n\nThe harbour in Dover was closed on Tuesday after a storm with gusts of a hundred miles an hour hit the coast of Kent overnight.\n\nRead the full story\n\nFerries to Calais stayed in port while the wind blew.\n\nRead the full story\n\nThe port said it would open again on Thursday.',
    );
    expect(links.title).toBeUndefined();
  });

  it('reads a label word of the language before the title, in any case, as a kicker', () => {
    const seed = parse('label-word-title.txt');
    expect(seed.title).toBe('Twee gewonden bij brand in flatgebouw aan de Vechtstraat');
    expect(boilerplate(seed.blocks)).toEqual([['label', 'UPDATE']]);
    const quoted = parseSeed(
      ' date 2023-06 OPINIE ‘Geef vrijwilligers bij de kermis een echte stem’\n\nDe kermis in Dalfsen draait op vrijwilligers, maar wie vraagt hun ooit iets?',
    );
    expect(quoted.title).toBe('‘Geef vrijwilligers bij de kermis een echte stem’');
    // An acronym that is no label word starts the title: "NAVO stuurt …".
    const acronym = parseSeed(
      ' date 2023-06 NAVO stuurt extra troepen naar Litouwen\n\nDe NAVO stuurt extra troepen naar Litouwen, maakte het bondgenootschap dinsdag bekend.',
    );
    expect(acronym.title).toBe('NAVO stuurt extra troepen naar Litouwen');
  });

  // Shape of a German broadcaster's live ticker (devset2): items set off by "+++", each with its time.
  it('reads a ticker separator as a sentence end, and an item without its time', () => {
    const seed = parse('ticker-separators.txt');
    const summary = summarizeArticle(seed);
    expect(summary.headline).toBe('Scholz trifft in Kairo den ägyptischen Präsidenten');
    expect(summary.summary).toMatch(/^Der Bundeskanzler ist am Nachmittag in Kairo gelandet/u);
    expect(`${summary.headline} ${summary.summary}`).not.toMatch(/\+\+\+|18:05/u);
  });

  it('makes the live blog item the lead, without its time', () => {
    const seed = parse('live-blog-times.txt');
    expect(seed.paragraphs[0]).toMatch(/^Alle scholen/u);
    expect(summarizeArticle(seed).headline).toMatch(/^Alle scholen in Nederland gaan dicht/u);
    expect(summarizeArticle(seed).summary).not.toMatch(/\d{1,2}:\d{2}/u);
  });

  it.each([
    'timestamp-first-line.txt',
    'german-stand-and-caption.txt',
    'english-date-line.txt',
    'circled-credit.txt',
    'glued-label-lead.txt',
    'caption-with-credit.txt',
    'caption-symbol-credit.txt',
    'numbered-caption-credit.txt',
    'label-run-glued-lead.txt',
    'share-widget-glued-link.txt',
  ])('%s: the headline and summary are made of the article, not its boilerplate', (file) => {
    const summary = summarizeArticle(parse(file));
    for (const text of [summary.headline, summary.summary]) {
      expect(text).not.toMatch(/\d{1,2}[:.]\d{2}|Ⓒ|©|\/dpa|\(foto|^foto|Foto:|Feb 2022|UPDATE|fotoDe|link|Share/u);
    }
  });

  it.each([
    // A name glued so opens on a capital; running text glued so has no label's capitals or separator.
    [
      'NIEUWS | Stichting SamenOp in Veendam zoekt nieuwe vrijwilligers voor de voedselbank aan de Stationsstraat.',
      'SamenOp',
    ],
    [
      '9 uur geledenDe gemeente Veendam zoekt nieuwe vrijwilligers voor de voedselbank aan de Stationsstraat.',
      'geledenDe',
    ],
  ])('leaves a glued word without a label before it in the text: %s', (lead, word) => {
    const seed = parseSeed(
      ` date 2023-01 ${lead}\n\nDe aanmeldingen lopen via het gemeentehuis, waar ook informatie te krijgen is.`,
    );
    expect(seed.paragraphs.join(' ')).toContain(word);
  });
});

describe("a site's notice about the page", () => {
  const seedOf = (notice: string, body: string) => parseSeed(` date 2024-05 ${notice}\n\n${body}`);
  it.each([
    [
      'We use cookies to improve your experience on our website. By clicking accept you agree to this.',
      'The council of Westbridge voted on Tuesday to close the old swimming pool. Forty homes will be built on the site.',
    ],
    [
      'Um diesen Inhalt zu sehen, brauchen wir deine Einwilligung: der Drittanbieter setzt Cookies. Klicken Sie auf Zustimmen.',
      'Der Stadtrat von Neustadt hat am Dienstag beschlossen, das alte Hallenbad zu schließen. An seiner Stelle entstehen vierzig Wohnungen.',
    ],
  ])('is boilerplate when it speaks to the reader of the page itself: %s', (notice, body) => {
    const seed = seedOf(notice, body);
    expect(boilerplate(seed.blocks)).toEqual([['notice', notice]]);
    expect(seed.paragraphs).toEqual([body]);
  });

  it('is news when it reports on cookies and consent in the third person', () => {
    const news =
      'The regulator fined twelve websites last year for placing cookies without consent. The fines ranged from ten to forty thousand pounds.';
    const seed = seedOf(news, 'A spokesman said more checks would follow this year across the whole sector.');
    expect(boilerplate(seed.blocks)).toEqual([]);
    expect(seed.paragraphs[0]).toBe(news);
  });
});

describe('timestamps', () => {
  const calendar = calendarNames(['nl', 'en', 'de', 'fr', 'fy']);
  it.each([
    'Publicatie: wo 18 juli 2018 11.05 uur',
    'zo 10 april 2022 23.26 uur',
    '24 Feb 2022',
    'Stand: 02.03.2023 17:36 Uhr',
    '17.09.2020',
    'mardi 3 mars 2020, 14h30',
    'Updated 3 March 2021',
  ])('%p is a timestamp', (line) => {
    expect(isTimestamp(line, calendar)).toBe(true);
  });

  it.each([
    'Om 18.00 uur gaat de winkel dicht',
    'Braderie Hulst met 37ste ringrijderij 12 juni 2019',
    'Brand verwoest schuur in Lemelerveld',
    'Ruim 1.000 mensen bij protest in Den Haag',
  ])('%p is no timestamp', (line) => {
    expect(isTimestamp(line, calendar)).toBe(false);
  });

  it('reads month and day names from CLDR, abbreviations included', () => {
    for (const name of ['wo', 'zo', 'juli', 'feb', 'mär', 'févr', 'desimber', 'tongersdei']) {
      expect(calendar.has(name)).toBe(true);
    }
  });
});

describe('the lead without its dateline or label', () => {
  // The stopwords that tell running text are the article's language's: the second paragraph is in the lead's.
  const secondParagraph = (lead: string) =>
    / (?:der|die|das|im|auf) /iu.test(lead)
      ? 'Die Polizei war mit vielen Einsatzkräften vor Ort und sperrte die Straßen in der Umgebung ab.'
      : 'Een tweede alinea met meer tekst over wat er gebeurde in de stad.';
  const rest = 'de stad kreeg de hele nacht meldingen van brandjes en vernielingen in het centrum.';
  it.each([
    ['Hamburg - Die Lage im Hafen ist in der Nacht ruhig geblieben, berichtet die Polizei am Morgen.', 'Hamburg -'],
    ['Dortmund (dpa) - Borussia Dortmund muss im nächsten Spiel auf seinen Kapitän verzichten.', 'Dortmund (dpa) -'],
    ['Bern -Die Regierung hat am Montag in Bern ein neues Gesetz für die Eisenbahn vorgestellt.', 'Bern -'],
    ['De Kwakel – Vrijdag kreeg het buurthuis in De Kwakel bezoek van de burgemeester.', 'De Kwakel –'],
    ['Berlin: Ein Sturm hat in der Nacht viele Bäume umgeworfen und Dächer abgedeckt.', 'Berlin:'],
    ['Liveblog Das Feuer in einer Scheune in Brandenburg beschäftigt jetzt die Polizei.', 'Liveblog'],
    [`NIJMEGEN - In ${rest}`, 'NIJMEGEN -'],
  ])('%p loses %p', (lead, dateline) => {
    const seed = parseSeed(` date 2022-02 ${lead}\n\n${secondParagraph(lead)}`);
    expect(boilerplate(seed.blocks)[0]?.[1]).toBe(dateline);
    expect(seed.paragraphs[0]).toBe(lead.slice(dateline.length).trimStart());
  });

  it.each([
    'Minister De Croo heeft dinsdag in Brussel een nieuw plan voorgesteld om de energieprijzen te drukken.',
    'Oost-Oekraïne is opnieuw het toneel van zware gevechten tussen het leger en de separatisten.',
    'Nog geen besluit over de kermis: dat is de uitkomst van het overleg tussen de wethouders.',
    `In ${rest}`,
  ])('keeps %p whole', (lead) => {
    const seed = parseSeed(` date 2022-02 ${lead}\n\n${secondParagraph(lead)}`);
    expect(seed.paragraphs[0]).toBe(lead);
  });
});
