import fc from 'fast-check';
import { findEntities } from '../../functions/core/entities';
import { chooseLead, generateHeadline, HEADLINE_MAX_CHARS, titleHeadline } from '../../functions/core/headline';
import { packFor } from '../../functions/core/lang';
import { splitSentences } from '../../functions/core/sentences';
import { stripDateline } from '../../functions/core/summary';
import { fold, splitWords } from '../../functions/core/text';
import { leadSentences, loadCases, pairwise, rougeL, rougeN, rougeTokens } from '../../scripts/eval';

/** The headline summarizeArticle makes of a one-paragraph article, in a language given rather than detected. */
const headline = (text: string, language = 'nl') => {
  const sentences = splitSentences(stripDateline(text));
  return generateHeadline(chooseLead(sentences), { language, entities: findEntities(sentences, language), sentences });
};

/** The rules every generated headline keeps, in any language. */
function expectHeadlineRules(result: string, article: string, language: string): void {
  expect(result.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
  expect(result).not.toMatch(/[\s,:;–—-]$|…|\.\.\.|\.$/u);
  const last = fold(result.split(' ').at(-1) ?? '').replace(/^[^\p{L}\p{N}]+/u, '');
  // Where the verb goes last, a preposition that closed a clause of the article is a separable particle
  // ("… knipte het lint door,"), and stays.
  const pack = packFor(language);
  const particle =
    pack.finalVerb !== undefined && pack.prepositions.has(last) && new RegExp(`\\s${last}[,.;:]`, 'iu').test(article);
  // A function word that closed a sentence of the article ("… en zorgt voor hen.") is that sentence's own end.
  const sentenceEnd = new RegExp(`\\s${last}[.!?]`, 'iu').test(article);
  expect(pack.functionWords.has(last) && !particle && !sentenceEnd).toBe(false);
  const words = new Set(splitWords(article).map(fold));
  for (const word of splitWords(result)) expect(words.has(fold(word))).toBe(true);
}

describe('generateHeadline on shapes of real leads', () => {
  // Shapes seen on real pages (devset4: a German regional, a French overseas daily, a French broadcaster, a Dutch
  // regional), in sentences written here: a time phrase is dropped whole, never leaving a word of it behind.
  it('drops a time phrase whole: coordinated days, a word or a date after the day, a span before a duration', () => {
    const cases: [string, string, string][] = [
      // "am Montag und Dienstag": the coordinator goes with the two days.
      [
        'In Thüringen müssen Reisende am Montag und Dienstag mit vollen Zügen rechnen.',
        'de',
        'In Thüringen müssen Reisende mit vollen Zügen rechnen',
      ],
      // "samedi dernier": the word after the day is the same phrase.
      [
        'Les pompiers ont éteint samedi dernier un feu de broussailles près de la route des Tamarins.',
        'fr',
        // French titles keep their article (lang/fr.ts).
        'Les pompiers ont éteint un feu de broussailles près de la route des Tamarins',
      ],
      // "de afgelopen drie weken": the span word and its article go with the duration.
      [
        'Ruim veertig gezinnen hebben de afgelopen drie weken een nieuw huis gevonden in Hoogezand.',
        'nl',
        'Ruim veertig gezinnen hebben een nieuw huis gevonden in Hoogezand',
      ],
      // "Déjà ce lundi soir,": one word before a dropped opening phrase was part of it.
      [
        'Déjà ce lundi soir, des dizaines de familles attendaient devant la mairie de Villeurbanne.',
        'fr',
        'Des dizaines de familles attendaient devant la mairie de Villeurbanne',
      ],
      [
        'Already on Tuesday evening, hundreds of fans were queueing outside the stadium in Swansea.',
        'en',
        'Hundreds of fans were queueing outside the stadium in Swansea',
      ],
      // A clock time that opens the sentence, closed by a comma, is fronted (devset: an English wire page).
      [
        'At 4.25 p.m., the council of Westbridge voted to close the old swimming pool in Eastfield.',
        'en',
        'Council of Westbridge voted to close the old swimming pool in Eastfield',
      ],
      // Where the verb comes second, the opening time phrase stays, commas and all, and its date apposition goes as an
      // aside (devset5: a German police press office); an adjective before the day goes with it.
      [
        'Am Montag, den 27. März 2017, wird das Rathaus in Neustadt nach einem Jahr Bauzeit wieder geöffnet.',
        'de',
        'Am Montag wird das Rathaus in Neustadt nach einem Jahr Bauzeit wieder geöffnet',
      ],
      [
        'In der Neustädter Innenstadt ist am frühen Sonntagmorgen ein Radfahrer von einem Bus angefahren worden.',
        'de',
        'In der Neustädter Innenstadt ist ein Radfahrer von einem Bus angefahren worden',
      ],
      // A cut after a capitalised adjective of place leaves its phrase half ("naar het Limburgse", devset5).
      [
        'Provincie Gelderland plaatst honderd borden met een waarschuwing voor wilde zwijnen langs alle wegen naar Veluwse natuurgebied bij Apeldoorn.',
        'nl',
        'Provincie Gelderland plaatst honderd borden met waarschuwing voor wilde zwijnen langs alle wegen',
      ],
      // "depuis le 12 juillet", "seit dem 12. Juli": the article between preposition and date goes with both (devset:
      // a French broadcaster's page had "qui sévissent depuis le en Gironde").
      ['Les pompiers sont mobilisés depuis le 12 juillet en Gironde.', 'fr', 'Les pompiers sont mobilisés en Gironde'],
      [
        'Die Feuerwehr ist seit dem 12. Juli im Einsatz in Brandenburg.',
        'de',
        'Feuerwehr ist im Einsatz in Brandenburg',
      ],
      // A week or a month after a day's determiner is a time phrase, with a word of its position before it
      // (devset2, devset4: Dutch regional pages); a second preposition before it governs something else.
      [
        'De gemeente heeft vorige maand een nieuw plan voor het centrum van Zwolle gepresenteerd.',
        'nl',
        'Gemeente heeft een nieuw plan voor het centrum van Zwolle gepresenteerd',
      ],
      [
        'Bij de zorginstellingen in Twente bestond begin deze week de indruk dat het meeviel.',
        'nl',
        'Bij de zorginstellingen in Twente bestond de indruk dat het meeviel',
      ],
      [
        'The council approved the plans for the harbour earlier this month after a long debate.',
        'en',
        'Council approved the plans for the harbour after a long debate',
      ],
      [
        'Het is een flinke klus om voor eind deze maand honderd bedden te regelen.',
        'nl',
        'Het is een flinke klus om honderd bedden te regelen',
      ],
      // A position linked to a part of the day or a period ("aan het eind van de middag", "en fin de matinée") is the
      // same time phrase (devset, devset2, devset4, devset5: Dutch local and French pages); in English the rule had
      // dropped only "this month" and left "by the end" behind.
      [
        'Een scooterrijder is woensdag aan het eind van de middag gewond geraakt bij een val op de Stationsweg in Assen.',
        'nl',
        'Scooterrijder gewond geraakt bij een val op de Stationsweg in Assen',
      ],
      [
        'La préfecture a levé en fin de matinée l’alerte aux orages dans trois départements du sud-ouest.',
        'fr',
        'La préfecture a levé l’alerte aux orages dans trois départements du sud-ouest',
      ],
      [
        'The library in Leeds will close by the end of this month for repairs to its roof.',
        'en',
        'Library in Leeds will close for repairs to its roof',
      ],
      // Without a position, a period after an article is a noun phrase and stays.
      [
        'De week van de vrijwilliger begint maandag in Zwolle met een groot feest.',
        'nl',
        'Week van de vrijwilliger begint in Zwolle met een groot feest',
      ],
      // A day that bounds the news stays (devset4: "bis mindestens Samstag" had become "bis mindestens").
      [
        'Die Sperrung der Brücke in Meißen wird nach Angaben der Stadt bis mindestens Freitag andauern.',
        'de',
        'Sperrung der Brücke in Meißen wird nach Angaben der Stadt bis mindestens Freitag andauern',
      ],
      [
        'De weg tussen Assen en Emmen blijft tot en met zondag afgesloten.',
        'nl',
        'Weg tussen Assen en Emmen blijft tot en met zondag afgesloten',
      ],
      // A part of the day after its determiner is a time phrase as a day is (devset3, devset5: English local pages).
      [
        'Two people were taken to hospital this morning after a collision in Ipswich.',
        'en',
        'Two people taken to hospital after a collision in Ipswich',
      ],
      [
        'Police were called to Main Street last night after reports of a disturbance.',
        'en',
        'Police called to Main Street after reports of a disturbance',
      ],
      [
        'Les pompiers sont intervenus cette nuit dans un immeuble de Nîmes.',
        'fr',
        'Les pompiers sont intervenus dans un immeuble de Nîmes',
      ],
      // A duration with a phrase hanging on it stays: without it, "of talks" would have no head.
      [
        'The call between the two leaders ended after almost an hour of talks.',
        'en',
        'Call between the two leaders ended after almost an hour of talks',
      ],
    ];
    for (const [lead, language, expected] of cases) {
      const result = headline(lead, language);
      expect(result).toBe(expected);
      expectHeadlineRules(result, lead, language);
    }
  });

  it('reads a dated opening phrase as a fronted adverbial, not the comma after it as an aside', () => {
    // "Mardi 14 mars, en fin de journée, la circulation …": with the date kept, the comma after the day part looked like
    // the start of an aside and the main clause went ("14 mars, en fin de journée où trois voitures …").
    const lead =
      'Mardi 14 mars, en fin de journée, la circulation était très difficile sur le pont de Cheviré, où trois voitures se sont percutées.';
    const result = headline(lead, 'fr');
    expect(result).toBe('En fin de journée, la circulation était très difficile sur le pont de Cheviré');
    expectHeadlineRules(result, lead, 'fr');
  });

  // Each lead is written here after the shape of a headline gone wrong on real crawled pages.
  it.each([
    ['De scholen in de hele provincie gaan vanaf maandag dicht.', 'nl', 'Scholen in de hele provincie gaan dicht'],
    [
      'Die Gewerkschaft will den Busverkehr für mehr als 24 Stunden lahmlegen.',
      'de',
      'Gewerkschaft will den Busverkehr lahmlegen',
    ],
    [
      'De gemeente kreeg tot en met donderdagmiddag meer dan driehonderd klachten over de herrie.',
      'nl',
      'Gemeente kreeg meer dan driehonderd klachten over de herrie',
    ],
  ])('a preposition goes with the time phrase it governs: %p', (lead, language, expected) => {
    expect(headline(lead, language)).toBe(expected);
  });

  it.each([
    ['Er is voor gekozen om de markt voortaan op zaterdag te houden.', /^Er is voor gekozen/u],
    ['Opnieuw is er in Sneek brand gesticht in een container aan de Kade.', /^Opnieuw is er in Sneek/u],
    ['Woensdagnamiddag werd de brandweer opgeroepen voor een brand in een woning.', /werd de brandweer/u],
    ['Het is precies tien jaar terug dat de nieuwe brug over de rivier openging.', /^Het is precies/u],
  ])('keeps an auxiliary after a pronoun or before its subject: %p', (lead, expected) => {
    expect(headline(lead)).toMatch(expected);
  });

  it('keeps the auxiliary of a subordinate clause', () => {
    expect(headline('Het RIVM meldt dat het aantal besmettingen in ons land is opgelopen tot achttien.')).toMatch(
      /is opgelopen/u,
    );
  });

  it('cuts a long headline before a phrase it would leave half', () => {
    const result = headline(
      'Duizenden boeren uit alle provincies van Nederland gaan volgende week woensdag in Den Haag demonstreren tegen het nieuwe stikstofbeleid van het kabinet en de provincies.',
    );
    expect(result.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
    expect(result).toBe(
      'Duizenden boeren uit alle provincies van Nederland gaan volgende week in Den Haag demonstreren',
    );
    // "following", "amid", "despite" open phrases as the short prepositions do.
    expect(
      headline(
        'Police have stepped up patrols and are handing out crime prevention leaflets to residents and businesses following a sharp rise in burglaries in Westbridge and Eastfield.',
        'en',
      ),
    ).toBe('Police have stepped up patrols and are handing out crime prevention leaflets to residents and businesses');
  });

  it('keeps a duration that is a noun phrase', () => {
    expect(headline('In de drie weken voorafgaand aan de finale traint de ploeg elke ochtend op het veld.')).toMatch(
      /^In de drie weken voorafgaand/u,
    );
  });

  it('never cuts a negation or the participle before a final auxiliary', () => {
    const negated = headline(
      'Het voorstel van de fractie om in elk van de kleinere dorpen een nieuwe speeltuin aan te leggen, heeft het in de raad niet gehaald.',
    );
    expect(negated).not.toMatch(/leggen, heeft gehaald|heeft het in de raad gehaald/u);
    expect(
      headline(
        'Mehr als zwanzig Jahre nach einem Überfall auf eine Tankstelle in einem kleinen Dorf ist der heute 58-Jährige zu einer langen Haftstrafe verurteilt worden.',
        'de',
      ),
    ).not.toMatch(/\b(?:ist|sind|wird|worden)$/u);
  });

  it('keeps a German auxiliary that closes the clause, and the article before an adjective', () => {
    expect(headline('Es sollte ein ruhiger Abend werden, den die Familie geplant hatte.', 'de')).toBe(
      'Es sollte ein ruhiger Abend werden',
    );
    expect(headline('Die zwei jungen Männer fragen auf Englisch nach dem Weg zum Bahnhof.', 'de')).toMatch(
      /^Die zwei jungen/u,
    );
  });
});

describe('generateHeadline on the shapes of long real leads', () => {
  // Written here after the shape of leads on real pages whose headline lost its subject, its verb or its sense.
  it('keeps an article that is a pronoun, and drops one before a noun the text shows', () => {
    expect(
      headline('Het blijft onduidelijk of de ijsbaan in Leiden deze winter nog opengaat. De koelmachine is kapot.'),
    ).toBe('Het blijft onduidelijk of de ijsbaan in Leiden deze winter nog opengaat');
    expect(headline('Het hele dorp kwam zaterdag bijeen voor de opening van de nieuwe brug over de Vecht.')).toMatch(
      /^Het hele/u,
    );
    expect(headline('Het kabinet heeft na lang overleg besloten de accijns op benzine te verlagen.')).toBe(
      'Kabinet heeft na lang overleg besloten de accijns op benzine te verlagen',
    );
    expect(headline('Het KNMI heeft code oranje afgegeven voor de kust van Zeeland en Noord-Holland.')).toMatch(
      /^KNMI /u,
    );
    // A pronoun inside the sentence stays when space runs short: "kwam het nog", not "kwam nog".
    const long =
      'Al weken leek het erop, en toch kwam het nog als een verrassing voor de ouders in de wijk toen de gemeente sloot.';
    expect(headline(long)).not.toMatch(/kwam nog/u);
  });

  // Shapes of devset4 leads (a Dutch regional, a German broadcaster), in sentences written here.
  it("keeps a whole sentence's own last word, a pronoun or a separable particle", () => {
    expect(headline('Een buurvrouw nam de twee kinderen na de brand in huis en zorgt sindsdien voor hen.')).toBe(
      'Buurvrouw nam de twee kinderen na de brand in huis en zorgt sindsdien voor hen',
    );
    expect(headline('Die Stadtwerke in Zwickau stellen sich auf einen langen und teuren Winter ein.', 'de')).toBe(
      'Stadtwerke in Zwickau stellen sich auf einen langen und teuren Winter ein',
    );
  });

  // Shapes of devset leads (an English broadcaster, a German police office, a French broadcaster), written here.
  it('keeps a quotation whole in the style of its language, and never a mark without its partner', () => {
    expect(headline('Minister warns farmers about “severe penalties” during a visit to Leeds.', 'en')).toBe(
      'Minister warns farmers about “severe penalties” during a visit to Leeds',
    );
    expect(headline('Nach einem Unfall an der „Bergkreuzung“ sucht die Polizei in Neustadt Zeugen.', 'de')).toBe(
      'Nach einem Unfall an der „Bergkreuzung“ sucht die Polizei in Neustadt Zeugen',
    );
    expect(headline('Les habitants de Nîmes surnomment leur nouvelle place « la poêle ».', 'fr')).toBe(
      'Les habitants de Nîmes surnomment leur nouvelle place « la poêle »',
    );
    expect(headline('De wethouder noemt het plan voor de nieuwe wijk „een gemiste kans” voor Zwolle.')).toBe(
      'Wethouder noemt het plan voor de nieuwe wijk „een gemiste kans” voor Zwolle',
    );
  });

  // Shapes of devset leads (Dutch national and local pages), in sentences written here.
  it('leaves out an empty subject and its auxiliary where the real subject and a participle follow', () => {
    expect(headline('Er zijn twee fietsers zwaargewond geraakt bij een aanrijding in Assen.')).toBe(
      'Twee fietsers zwaargewond geraakt bij een aanrijding in Assen',
    );
    expect(headline('Er is een man aangehouden na een overval op een tankstation in Emmen.')).toBe(
      'Man aangehouden na een overval op een tankstation in Emmen',
    );
    expect(headline('Es wurden drei Personen bei einem Unfall auf der B96 verletzt.', 'de')).toBe(
      'Drei Personen bei einem Unfall auf der B96 verletzt',
    );
    // No subject after the auxiliary, or no participle: the clause stays as it is.
    expect(headline('Er is voor gekozen om de werkzaamheden in de weekenden uit te voeren.')).toMatch(/^Er is voor/u);
    expect(headline('Er zijn grote plannen voor een nieuw zwembad in het centrum van Assen.')).toMatch(/^Er zijn/u);
  });

  // Shapes of devset5 leads (a German broadcaster, a German local paper, a French radio), written here.
  it('keeps the finite verb second and each joined clause its own verb', () => {
    // The fronted phrase gives up its trailing phrase; the finite verb and subject stay.
    expect(
      headline(
        'Nach dem Brand in einer Lagerhalle in Zwickau mit zwei Toten und vier Verletzten hat die Feuerwehr Einzelheiten zur Ursache und zu den Schäden mitgeteilt.',
        'de',
      ),
    ).toBe('Nach dem Brand in einer Lagerhalle in Zwickau hat die Feuerwehr Einzelheiten mitgeteilt');
    // A cut inside the second clause goes before its conjunction.
    expect(
      headline(
        'In der Nacht zum Sonntag sind Einbrecher in eine Bäckerei in der Lindenstraße eingestiegen und haben die Kasse mitgenommen.',
        'de',
      ),
    ).toBe('In der Nacht sind Einbrecher in eine Bäckerei in der Lindenstraße eingestiegen');
    // The auxiliary stays where a second auxiliary after a conjunction shares its subject.
    expect(
      headline(
        'De brand is uitgebroken op de tweede verdieping van de flat en heeft zich snel naar het dak verspreid.',
      ),
    ).toMatch(/^Brand is uitgebroken/u);
    expect(headline('De brand is uitgebroken op de tweede verdieping van de flat.')).toMatch(/^Brand uitgebroken/u);
    // "mercredi après-midi": the day part goes with the day.
    expect(
      headline(
        'Trois jeunes hommes comparaissaient mercredi après-midi devant le tribunal correctionnel de Nîmes.',
        'fr',
      ),
    ).toBe('Trois jeunes hommes comparaissaient devant le tribunal correctionnel de Nîmes');
  });

  it('drops a time phrase inside a relative clause without the pronoun that opens the clause', () => {
    // devset-stories: "…, in der am Abend ein Feuer ausgebrochen ist" had lost "in der" with "am Abend".
    expect(
      headline(
        'Rund 300 Helfer sind bei der alten Mühle in Celle im Einsatz, in der am Abend ein Feuer ausgebrochen ist.',
        'de',
      ),
    ).not.toMatch(/Einsatz, ein Feuer/u);
  });

  // Shapes of English local and wire leads (devset3, devset4, devset5), in sentences written here.
  it('leaves out "to be" and the perfect before a participle in English, as headline style does', () => {
    expect(headline('A 47-year-old man has been charged with arson after a fire in a shop in Westbridge.', 'en')).toBe(
      '47-year-old man charged with arson after a fire in a shop in Westbridge',
    );
    expect(headline('Two cyclists were taken to hospital after a collision in Eastfield.', 'en')).toBe(
      'Two cyclists taken to hospital after a collision in Eastfield',
    );
    expect(headline('Plans for a new school in Westbridge have been approved by the council.', 'en')).toBe(
      'Plans for a new school in Westbridge approved by the council',
    );
    // No participle after it: "to be" is the verb.
    expect(headline('Firefighters were at the scene of a barn fire near Eastfield for six hours.', 'en')).toMatch(
      /^Firefighters were at/u,
    );
  });

  // Shapes of French regional leads (devset3, devset5), in sentences written here.
  it('leaves out the passive\'s "a été" before a participle in French', () => {
    expect(headline('Un cycliste a été grièvement blessé dans une collision à Villebrumier.', 'fr')).toBe(
      'Un cycliste grièvement blessé dans une collision à Villebrumier',
    );
    expect(headline('Trois hommes ont été interpellés après un cambriolage à Roanne.', 'fr')).toBe(
      'Trois hommes interpellés après un cambriolage à Roanne',
    );
    // "a" without "été" is the perfect of an active verb, and stays.
    expect(headline('Le maire de Roanne a présenté le nouveau budget de la commune.', 'fr')).toMatch(
      /^Le maire de Roanne a présenté/u,
    );
  });

  it('strips a wire dateline with a double hyphen or a bar', () => {
    expect(headline('WESTBRIDGE -- The council has approved the plans for a new bridge over the river.', 'en')).toMatch(
      /^Council /u,
    );
    expect(
      headline('ZWOLLE | De gemeenteraad heeft de plannen voor een nieuwe brug over de IJssel goedgekeurd.'),
    ).toMatch(/^Gemeenteraad /u);
  });

  it('cuts before a subordinate clause whose verb, last in Dutch, the cut would lose', () => {
    expect(
      headline(
        'Bij de waterschappen langs de IJssel leefde na de eerste metingen in het voorjaar lange tijd de verwachting dat de schade aan de dijken kleiner was dan gevreesd.',
      ),
    ).toBe('Bij waterschappen langs de IJssel leefde na eerste metingen in voorjaar lange tijd verwachting');
    // "vanwege" opens a phrase like "wegens": the cut takes the phrase whole, not "vanwege zeer".
    expect(
      headline(
        'Ruim zestig bewoners van de Noorderstraat in Amsterdam-Noord moesten de nacht elders doorbrengen vanwege een zeer grote brand in een bakkerij.',
      ),
    ).toBe('Ruim zestig bewoners van de Noorderstraat in Amsterdam-Noord moesten nacht elders doorbrengen');
    // A first clause that a subordinator opens is no headline alone (devset5: a Flemish broadcaster); a demonstrative
    // before its verb opens a main clause.
    expect(
      headline(
        'Voordat de nieuwe brug over de IJssel open kan, moet de gemeenteraad van Zwolle eerst nog instemmen met het extra krediet van vier miljoen euro.',
      ),
    ).toMatch(/moet gemeenteraad van Zwolle/u);
    expect(
      headline(
        'Dat is de voorzichtige conclusie van de verkiezingen in Woerden, met een voorlopige opkomst van 38,9 procent, zeker voor een kleine gemeente.',
      ),
    ).toBe('Dat is voorzichtige conclusie van verkiezingen in Woerden');
    // The cut kept the clause's verbs: the clause stays.
    expect(
      headline(
        'In de gemeenteraad van Kampen werd na een lang debat over de begroting al snel duidelijk dat er ruzie was ontstaan tussen de twee grootste fracties van de coalitie.',
      ),
    ).toMatch(/dat er ruzie was ontstaan$/u);
  });

  it('takes the statement after a colon rather than the clause that announces it', () => {
    expect(
      headline(
        'Het zat er al weken aan te komen, maar toch kwam het nog als een verrassing: Rotterdam sluit alle openbare zwembaden in de stad, twee maanden lang.',
      ),
    ).toMatch(/^Rotterdam sluit alle openbare zwembaden/u);
  });

  it('passes over a fronted adverbial to the main clause where the verb does not come second', () => {
    expect(
      headline(
        'With only two days left before the deadline, rescue teams in the north of the country have pulled forty people from the rubble of a collapsed school.',
        'en',
      ),
    ).toMatch(/^Rescue teams in (the )?north of (the )?country have pulled forty people/u);
    expect(
      headline(
        'Au terme de trois semaines de course et de 3.400 kilomètres sur les routes, le Danois Mads Jensen remporte le Tour de France pour la première fois.',
        'fr',
      ),
    ).toBe('Le Danois Mads Jensen remporte le Tour de France pour la première fois');
    // The comma after the adverbial opens the main clause, not an aside to leave out; a relative clause is one.
    expect(
      headline(
        'Depuis trois jours, des orages violents frappent le Gard, à Nîmes, Alès et depuis hier soir à Uzès.',
        'fr',
      ),
    ).toMatch(/[Dd]es orages violents frappent le Gard/u);
    expect(
      headline(
        'Sous les yeux des habitants du quartier, qui restent sans voix, la vieille église du village brûle depuis des heures.',
        'fr',
      ),
    ).not.toMatch(/^Qui /u);
    // Not when the rest is the attribution, and not in Dutch, where the first clause holds the verb.
    expect(
      headline(
        'At least twenty people were killed when a bus left the road near the coast of northern Portugal on Sunday morning, the regional police said in a statement.',
        'en',
      ),
      // (English headline style leaves "were" out before the participle.)
    ).toMatch(/^At least twenty people killed/u);
    expect(
      headline(
        'In de hele provincie Utrecht gaan vanaf maandag alle scholen dicht vanwege de storm, zo heeft de gemeente in een verklaring laten weten.',
      ),
    ).toMatch(/^In (de )?hele provincie Utrecht gaan/u);
    // But a first clause with a preposition first and no word of a verb's shape is the fronted phrase alone (devset4:
    // "In chique kamer op stadhuis" had been a regional paper's headline): the verb after it stays.
    expect(
      headline(
        'In een oude loods bij de sluis, naast het kantoor van de havenmeester, bouwen vrijwilligers al jaren aan een replica van een Hanzekogge.',
      ),
    ).toMatch(/bouwen vrijwilligers/u);
    // A capitalised name of a verb's shape ("Kampen") is no verb.
    expect(
      headline(
        'In een oude loods bij de sluis van Kampen, naast het kantoor van de havenmeester, bouwen vrijwilligers al jaren aan een replica van een Hanzekogge.',
      ),
    ).toMatch(/bouwen vrijwilligers/u);
  });

  it('keeps a noun phrase between commas that a relative clause goes on to describe: it is no aside', () => {
    // devset4 (a French regional page): ", une forte houle, qui impactera …," had gone as an aside, and the headline
    // ran on into the next piece ("… au Nord de la Réunion et comparable").
    expect(
      headline(
        "Le maire annonce que du fait des travaux sur le pont de la Marne, une longue coupure, qui touchera les quartiers du centre-ville et du port, et semblable à celle de l'été dernier, est prévue par la mairie.",
        'fr',
      ),
    ).toBe('Le maire annonce que du fait des travaux sur le pont de la Marne');
  });

  it('leaves out the role between commas after a person’s name, not an item of a list', () => {
    expect(
      headline(
        'Anne de Groot, woordvoerder van de veiligheidsregio Zeeland, blikt in een nieuwe podcast terug op de grote brand in de haven van Vlissingen.',
      ),
    ).toMatch(/^Anne de Groot blikt in (een )?nieuwe podcast terug/u);
    expect(
      headline(
        'Overstromingen in Gelderland, recordregen in Zeeland, twee weken regen op één dag in Limburg: het weer sloeg zaterdag overal om.',
      ),
    ).toMatch(/^Overstromingen in Gelderland, recordregen in Zeeland/u);
  });

  it('keeps a time phrase that opens the clause where the verb comes second', () => {
    expect(
      headline('Gestern Morgen kam es auf der A7 bei Kassel zu einem schweren Unfall mit drei Lastwagen.', 'de'),
    ).toMatch(/^Gestern Morgen kam es/u);
    expect(headline('Dinsdagavond braken twee mannen in bij een juwelier in de Steenstraat in Arnhem.')).toMatch(
      /^Dinsdagavond braken/u,
    );
    // Inside the clause it goes: "Het gesprek is dinsdag rond 18 uur afgelopen".
    expect(headline('De brug over de Maas in Venlo is dinsdagavond na twee jaar werk weer open gegaan.')).not.toMatch(
      /dinsdagavond/u,
    );
  });

  it('keeps the participle that closes a long German clause and drops a phrase before it', () => {
    const result = headline(
      'Zwei Mitarbeiter der Stadtwerke sind am Hauptbahnhof in Bielefeld auf dem Rückweg von einer Baustelle schwer verunglückt.',
      'de',
    );
    expect(result).toMatch(/ verunglückt$/u);
    expect(result).toMatch(/^Zwei Mitarbeiter der Stadtwerke sind am Hauptbahnhof/u);
    // A score's colon joins no clauses, and ent-, emp-, zer-, miss- make participles as be-, er- and ver- do.
    expect(
      headline(
        'Der SC Neustadt hat das Spitzenspiel der Bundesliga gegen RB Leipzig mit 3:1 für sich entschieden.',
        'de',
      ),
    ).toMatch(/ mit 3:1 für sich entschieden$/u);
    // An object with a place in it ("der Südost-Türkei") is no phrase to drop.
    const quake = headline(
      'Wenige Stunden zuvor hatte das schwerste Erdbeben im östlichen Mittelmeerraum seit hundert Jahren große Teile der Südost-Türkei zerstört.',
      'de',
    );
    expect(quake).not.toMatch(/Mittelmeerraum zerstört$/u);
  });

  it('passes over an item of a list for the lead', () => {
    expect(
      headline(
        '• Utrecht, Amersfoort, Zeist en Nieuwegein. In vier gemeenten gaan de parkeertarieven omhoog per 1 januari.',
      ),
    ).toMatch(/^In vier gemeenten gaan de parkeertarieven omhoog/u);
  });

  it('keeps a separable particle that closes the sentence', () => {
    expect(headline('Het weer sloeg zaterdag in het hele land plotseling om.')).toMatch(/ om$/u);
  });

  it('takes neither a clause that only frames the news nor a list item as the first clause', () => {
    // The reporting verb's complement is the news, never an aside.
    expect(
      headline(
        'Die Gewerkschaft Verdi hat angekündigt, die Warnstreiks im öffentlichen Dienst in Niedersachsen fortsetzen zu wollen.',
        'de',
      ),
    ).toMatch(/^Gewerkschaft Verdi hat angekündigt, die Warnstreiks/u);
    expect(
      headline(
        'Four fire engines from Westbridge, Eastfield and Northam were called to put out a blaze at an empty warehouse in Westbridge.',
        'en',
      ),
    ).toMatch(/^Four fire engines from Westbridge, Eastfield and Northam were called/u);
  });

  it('drops the word that modifies a title before a name along with the title', () => {
    expect(
      headline('Demissionair minister Anna Visser opent woensdag de nieuwe brug over de IJssel bij Zwolle.'),
    ).toMatch(/^(?:Anna )?Visser opent/u);
    expect(
      headline('Interior Minister Karl Bauer said two men and a woman were injured in the attack on Monday.', 'en'),
    ).toMatch(/^(?:Karl )?Bauer said/u);
    // A preposition before the title is the sentence's own.
    expect(headline('Bij burgemeester Jan Smit van Oosterhout stonden woensdag honderd boeren op de stoep.')).toMatch(
      /^Bij /u,
    );
  });

  it('drops a relative clause without commas inside the subject rather than the main verb after it', () => {
    const lead =
      'De man die dinsdagavond in de Dorpsstraat in Veenhuizen na een ruzie over een parkeerplaats een 34-jarige inwoner neerstak met een keukenmes is nog altijd spoorloos.';
    const result = headline(lead);
    expect(result).toBe('Man is nog altijd spoorloos');
    expectHeadlineRules(result, lead, 'nl');
    // The clause's own auxiliaries ("werd aangehouden", "moesten worden") are not the main verb.
    expect(
      headline(
        // Long enough to be cut once "vorige week" has gone.
        'De vrouw die vorige week in een woning aan de Kerkstraat in de oude binnenstad van Hoogeveen werd aangehouden is weer op vrije voeten gesteld.',
      ),
    ).toBe('Vrouw is weer op vrije voeten gesteld');
    expect(
      headline(
        'De zesduizend toeristen die geëvacueerd moesten worden van de campings langs de kust kregen onderdak in een sporthal.',
      ),
    ).not.toMatch(/^Zesduizend toeristen worden/u);
  });

  it('drops phrases inside an infinitival clause rather than its verbs, which come last after the marker', () => {
    // devset2 and devset4 (Flemish and Dutch regional papers): the cut left "om … uit Oekraïne" open.
    const lead =
      'De gemeente Zwolle zoekt sinds deze week vrijwilligers om de oudere bewoners van een verzorgingstehuis in de wijk Assendorp te helpen verhuizen.';
    const result = headline(lead);
    expect(result).toBe(
      'Gemeente Zwolle zoekt vrijwilligers om oudere bewoners van verzorgingstehuis te helpen verhuizen',
    );
    expectHeadlineRules(result, lead, 'nl');
    // "te hebben" closes the clause: the auxiliary after the marker is no dangling function word.
    expect(
      headline(
        'Het wordt een flinke opgave om voor het einde van deze zomer vijfhonderd extra plaatsen voor studenten uit het buitenland in de stad geregeld te hebben.',
      ),
    ).toMatch(/geregeld te hebben$/u);
  });

  it('cuts before a Frisian subordinate clause that "om\'t" (because) opens, as before any subordinate one', () => {
    // Frisian "om't" (because) opens a subordinate clause (devset: a Frisian broadcaster, a headline ending on it).
    expect(
      headline(
        "De gemeente Ljouwert hat de nije brêge oer de Harlingertrekfeart in wike letter iepene as earder pland om't de ljochten op de brêge net goed wurken.",
        'fy',
      ),
    ).toBe('Gemeente Ljouwert hat nije brêge oer de Harlingertrekfeart wike letter iepene as earder pland');
  });

  it('cuts before an infinitive whose object clause the cut takes, with that clause', () => {
    // devset (a regional paper): "Politie controleert zowel voertuigen als verdachten om te zorgen".
    const lead =
      'De politie van Enschede controleert vandaag zowel voertuigen als voetgangers rond het stadion om te zorgen dat de wedstrijd van vanavond veilig en ongestoord kan verlopen.';
    const result = headline(lead);
    expect(result).toBe('Politie van Enschede controleert zowel voertuigen als voetgangers rond stadion');
    expectHeadlineRules(result, lead, 'nl');
  });

  it('keeps the apostrophe of an elided article when it balances the quotation marks', () => {
    // devset3 (a regional paper): "Bart van ‘t Wout" lost its apostrophe with the quotes around a title.
    expect(
      headline(
        'In het gemeentehuis van Zwolle voert ‘informateur’ Anna van ‘t Hek deze week gesprekken met alle partijen over een nieuw college.',
      ),
    ).toMatch(/Anna van ‘t Hek/u);
    expect(
      headline(
        'Aan het eind van de middag werd in het dorp een ‘feestelijke’ opening van het nieuwe gebouw van de school aan ‘t Hoogeland gevierd door honderden ouders.',
      ),
    ).toMatch(/‘feestelijke’ opening .*aan ‘t Hoogeland/u);
  });
});

describe('generateHeadline', () => {
  it('drops the dateline and parentheticals of the lead', () => {
    expect(headline('AMSTERDAM (ANP) - De gemeente Amsterdam (GroenLinks) sluit de Coentunnel voor onderhoud.')).toBe(
      'Gemeente Amsterdam sluit de Coentunnel voor onderhoud',
    );
  });

  it('drops day names, clock times and durations inside the clause', () => {
    expect(
      headline(
        'Het kabinet heeft dinsdag rond 10.30 uur Nederlandse tijd zo’n twee uur lang overleg gevoerd met de bonden.',
      ),
    ).toBe('Kabinet heeft overleg gevoerd met de bonden');
    expect(headline('The minister on Tuesday announced new rules for landlords in London.', 'en')).toBe(
      'Minister announced new rules for landlords in London',
    );
  });

  it('reduces a name with its title and determiner to the surname the article uses', () => {
    expect(
      headline(
        'De Franse president Emmanuel Macron heeft de Duitse kanselier Olaf Scholz ontvangen. Macron en Scholz spraken over Oekraïne.',
      ),
    ).toBe('Macron heeft Scholz ontvangen');
  });

  it('leaves out an apposition and a trailing attribution', () => {
    expect(
      headline(
        'Moskou heeft de Krim, het Oekraïense schiereiland, in 2014 geannexeerd, meldt het persbureau Reuters. Moskou ontkent.',
      ),
    ).toBe('Moskou heeft de Krim in 2014 geannexeerd');
  });

  it('drops "to be" before a final participle, as headlines do', () => {
    expect(headline('De brug over de Leie is woensdag na twee jaar bouwen geopend.')).toBe(
      'Brug over de Leie na twee jaar bouwen geopend',
    );
  });

  it('passes over a scene-setting opener to the sentence with the news', () => {
    expect(
      headline(
        'If you had stood in the crater last week, you would have seen a robot. Nasa has found evidence of an ancient lake on Mars.',
        'en',
      ),
    ).toBe('Nasa has found evidence of an ancient lake on Mars');
  });

  it('fits a long lead into HEADLINE_MAX_CHARS at a word boundary, never ending on a function word', () => {
    const long =
      'De gemeenteraad van Amsterdam heeft na een lang en soms verhit debat met een grote meerderheid ingestemd met een plan voor meer sociale huurwoningen in alle stadsdelen en de omliggende dorpen.';
    const result = headline(long);
    expectHeadlineRules(result, long, 'nl');
    expect(result.length).toBeGreaterThan(40);
  });

  it('keeps the rules for any cut of the evaluation articles', () => {
    const cases = loadCases();
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(2), (item, skip) => {
        const sentences = splitSentences(item.seed.paragraphs.join(' ')).slice(skip);
        fc.pre(sentences.length > 0);
        const text = sentences.join(' ');
        expectHeadlineRules(headline(text, item.summary.language), text, item.summary.language);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every headline of the evaluation set within the rules and in its language', () => {
    for (const { seed, summary, reference } of loadCases()) {
      expectHeadlineRules(summary.headline, seed.paragraphs.join(' '), reference.language);
    }
  });

  it('uses a title line as it is, without a final full stop', () => {
    expect(titleHeadline('  Nieuwe brug over de Leie   open. ')).toBe('Nieuwe brug over de Leie open');
  });
});

describe('the evaluation', () => {
  it('tokenizes Unicode words for ROUGE without breaking them', () => {
    expect(rougeTokens('Eén brug in Oekraïne, Fryslân en Zürich.')).toEqual([
      'eén',
      'brug',
      'in',
      'oekraïne',
      'fryslân',
      'en',
      'zürich',
    ]);
    expect(rougeN('één oekraïne', 'Één Oekraïne', 1).f1).toBe(1);
  });

  it('computes ROUGE-1, ROUGE-2 and ROUGE-L', () => {
    expect(rougeN('the cat sat on the mat', 'the cat was on the mat', 1)).toMatchObject({
      precision: 5 / 6,
      recall: 5 / 6,
    });
    expect(rougeN('the cat sat on the mat', 'the cat was on the mat', 2).f1).toBeCloseTo(3 / 5);
    expect(rougeL('a b c d', 'a x c d').f1).toBeCloseTo(3 / 4);
  });

  it('computes pairwise precision and recall of a grouping', () => {
    const labels = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
    ]);
    expect(
      pairwise(
        new Map([
          ['a', '1'],
          ['b', '1'],
          ['c', '1'],
        ]),
        labels,
      ),
    ).toMatchObject({ precision: 1 / 3, recall: 1 });
    expect(
      pairwise(
        new Map([
          ['a', '1'],
          ['b', '2'],
          ['c', '3'],
        ]),
        labels,
      ),
    ).toMatchObject({ precision: 0, recall: 0 });
  });

  it('shows our headlines and summaries at least as good as the lead baselines', () => {
    const cases = loadCases();
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const headlines = mean(cases.map((item) => rougeL(item.summary.headline, item.reference.headline).f1));
    const leadHeadlines = mean(cases.map((item) => rougeL(leadSentences(item.seed, 1), item.reference.headline).f1));
    expect(headlines).toBeGreaterThanOrEqual(leadHeadlines);
    const summaries = mean(cases.map((item) => rougeN(item.summary.summary, item.reference.summary.join(' '), 1).f1));
    // A summary never repeats a headline that is its article's whole first sentence (summary.ts), as in French,
    // whose headlines keep their article: the baseline is held to the same rule, and reads on to the fourth.
    const leadSummaries = mean(
      cases.map((item) => {
        const repeated =
          fold(leadSentences(item.seed, 1))
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim() ===
          fold(item.summary.headline)
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim();
        const lead = item.seed.paragraphs.flatMap(splitSentences).slice(repeated ? 1 : 0, repeated ? 4 : 3);
        return rougeN(lead.join(' '), item.reference.summary.join(' '), 1).f1;
      }),
    );
    expect(summaries).toBeGreaterThanOrEqual(leadSummaries);
  });
});
