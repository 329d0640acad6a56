import type { SnowballAlgorithm } from '../snowball';

/**
 * Everything the text analysis knows about one language, in the manner of spaCy's `spacy/lang/<code>/`: the
 * algorithms in functions/core hold no word of any language and read them from here. Small closed word classes
 * were written for this service; open vocabularies (stopwords) come from stopwords-iso, see stopword-data.ts.
 *
 * Some fields are read for the article's own language; the others only as a union over every pack (lang/index.ts),
 * because an article's datelines, quotations and names may be in any language. Every word is lower case.
 */
export interface LanguagePack {
  /** ISO 639-1 code, as detectLanguage returns it. */
  readonly code: string;

  // Read for the article's language.

  /** The Snowball stemmer keywords are grouped by; undefined where there is none (a word is its own stem). */
  readonly stemmer: SnowballAlgorithm | undefined;
  /** Never keywords: the stopwords-iso list of the language, or the service's own where stopwords-iso has none. */
  readonly stopwords: ReadonlySet<string>;
  /** Never keywords either: words every news article uses (units of time, percent, million). */
  readonly newsWords: ReadonlySet<string>;
  /**
   * Words of this language that the other supported languages lack, for a language tinyld has no model for: their
   * share of a text decides it (Frisian). Empty for a language tinyld detects.
   */
  readonly markers: ReadonlySet<string>;
  /**
   * Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries): a headline never ends on one,
   * and their share helps language detection. Deliberately narrower than stopwords-iso, whose Dutch list holds
   * content words such as "afgelopen".
   */
  readonly functionWords: ReadonlySet<string>;
  /** Articles that headline style drops at the start: "Het gesprek …" → "Gesprek …". None where titles keep them (fr). */
  readonly leadingArticles: ReadonlySet<string>;
  /** Articles a headline leaves out inside when space is short: "de aangekondigde staking" → "aangekondigde staking". */
  readonly spareArticles: ReadonlySet<string>;
  /**
   * Articles that are also a subject or object pronoun ("Het blijft onduidelijk", "kwam het als een schok"): one
   * goes only where the text shows that a noun follows it.
   */
  readonly pronounArticles: ReadonlySet<string>;
  /**
   * Finite auxiliaries and modals: one right after an article and a word shows that word to be the subject noun
   * ("Het kabinet heeft …"). Needed where pronounArticles is not empty.
   */
  readonly finiteAuxiliaries: ReadonlySet<string>;
  /** Forms of "to be" and the passive auxiliary that a headline leaves out before a final participle. */
  readonly droppableAuxiliaries: ReadonlySet<string>;
  /** Auxiliaries of the perfect that go with a droppable "been" before a participle: "has been charged" → "charged". */
  readonly perfectAuxiliaries: ReadonlySet<string>;
  /**
   * The shape of a clause-final verb, in a language that puts the participle or infinitive last (Dutch, German,
   * Frisian): there an auxiliary may close a headline ("… verurteilt worden"). Undefined where the verb does not
   * go last.
   */
  readonly finalVerb: RegExp | undefined;
  /** Capitalises every noun (German): a capitalised word alone is a name only when something else says so. */
  readonly capitalisesNouns: boolean;
  /**
   * Takes a long capitalised word (ten letters or more) at a sentence start for a common noun, such as the compound
   * "Luchtvaartmaatschappij", rather than the start of a name. Every language but English, whose long words at a
   * sentence start are as often names.
   */
  readonly longOpenerIsNoun: boolean;
  /** Adjectives of nationality where the language capitalises them ("de Amerikaanse president"); else undefined. */
  readonly demonyms: Demonyms | undefined;
  /**
   * Lower-case particles inside names: "Van der Laan", "Ursula von der Leyen", "Charles de Gaulle". Read as a
   * union, and for a language that capitalises nouns also on its own: there a particle joins two capitalised
   * words only when it is one of the language's ("von der Leyen", never "Prozent der Kosten").
   */
  readonly nameParticles: ReadonlySet<string>;
  /**
   * Where the language capitalises nouns, the particles that may open a surname's particles: "von", "zu" ("Ursula
   * von der Leyen", "Karl-Theodor zu Guttenberg"). An article or a contraction ("der", "zur") never does, so
   * "Prozent der Kosten" and "Arm zum Hitlergruß" are no names.
   */
  readonly nameParticleOpeners: ReadonlySet<string>;
  /**
   * Endings that make a place's name into its people or its adjective: "Amsterdam" → "Amsterdammer", "Kenya" →
   * "Kenyan", "Erfurt" → "Erfurter". A word that is a name of the article with one is no name itself.
   */
  readonly inhabitantEndings: ReadonlySet<string>;
  /**
   * Where the language capitalises nouns, the ending of an inflected adjective, tested on the lower-cased word: "-ische"
   * of "Europäische", "-igen" of "Auswärtigen". Capitalised inside a sentence before a noun, it is part of a name
   * ("die Deutsche Bahn"), since such a language writes adjectives in lower case. Undefined elsewhere.
   */
  readonly adjectiveSuffix: RegExp | undefined;
  /**
   * Where the language capitalises nouns, endings of the head noun of an organisation's name: "amt" of "Auswärtiges
   * Amt", "gericht" of "Landgericht Kaiserslautern". A run of capitalised words with one is a name.
   */
  readonly organisationSuffixes: ReadonlySet<string>;

  // Read as a union over all packs.

  /** Abbreviations after which a full stop never ends a sentence. */
  readonly abbreviations: ReadonlySet<string>;
  /** Abbreviations that precede a number (nr. 5, art. 12): no sentence end only when a number follows. */
  readonly numberAbbreviations: ReadonlySet<string>;
  /** Month names: never names or keywords, and a German ordinal before one ("am 3. Dezember") is no sentence end. */
  readonly months: ReadonlySet<string>;
  /** Day names: never names or keywords, and a time phrase a headline drops ("dinsdag"). */
  readonly days: ReadonlySet<string>;
  /** Parts of a day that form one word with a day name: "donderdagavond", "Dienstagabend". */
  readonly dayPartSuffixes: ReadonlySet<string>;
  /** Articles, demonstratives and possessives: the start of a noun phrase. */
  readonly determiners: ReadonlySet<string>;
  /** Titles and roles that precede a name: the appositive "de Amerikaanse president Joe Biden" is "Biden". */
  readonly titles: ReadonlySet<string>;
  /** Words of an attribution: "…, berichten de persagentschappen", "…, said the ministry". Never keywords. */
  readonly reportingVerbs: ReadonlySet<string>;
  /** Capitalised words that start a sentence but are no names, the lower-case form being common. */
  readonly neverEntities: ReadonlySet<string>;
  /**
   * Countries, regions, large cities and a few institutions known by their seat (Kremlin, Bundestag), in this
   * language's form. Only consulted where capitals say little: a single word at the start of a sentence, and German,
   * which capitalises every noun. Compared without accents, so an entry with one ("belgië") only counts where its
   * unaccented form is listed too.
   */
  readonly places: ReadonlySet<string>;
  /**
   * The shape of a past participle: "afgelopen", "gearresteerd", "festgenommen"; "arrested", "taken". Where the verb
   * comes last (finalVerb) it closes the clause, and a lead in another language is read with it too.
   */
  readonly participle: RegExp | undefined;

  // Headline compression: time phrases, asides and attributions that a headline drops (headline.ts).

  /** Days named relative to today: "gisteren", "yesterday". */
  readonly relativeDays: ReadonlySet<string>;
  /** Words before a day name that go with it: "op dinsdag", "last Tuesday". */
  readonly dayPrepositions: ReadonlySet<string>;
  /** Parts of a day after a day name, as a word of their own: "dinsdag avond", "Tuesday evening". */
  readonly dayParts: ReadonlySet<string>;
  /** Words after a day name, or a day's part, that go with it: "vendredi dernier", "dinsdag jongstleden". */
  readonly dayFollowers: ReadonlySet<string>;
  /** A week or a month, which a day's determiner makes a time phrase: "afgelopen week", "last month". */
  readonly periodUnits: ReadonlySet<string>;
  /** Words of a position in a period, read only in the article's own language: "begin deze week", "Ende dieser Woche". */
  readonly periodPositions: ReadonlySet<string>;
  /**
   * Words that link a position to the part of a day or the period it is in: "aan het eind van de middag", "en fin de
   * matinée", "by the end of this month". Without them the position rule would drop only "this month".
   */
  readonly periodLinks: ReadonlySet<string>;
  /** Prepositions of a limit in time: a day they govern is news and stays ("bis Samstag", "tot en met zondag"). */
  readonly limitPrepositions: ReadonlySet<string>;
  /** Units after a number that make a clock time: "18 uur", "6 p.m". */
  readonly clockUnits: ReadonlySet<string>;
  /** Words before a clock time that go with it: "rond iets na 18 uur". */
  readonly clockPrepositions: ReadonlySet<string>;
  /** Words after a clock time that go with it: "18 uur Belgische tijd". */
  readonly clockZones: ReadonlySet<string>;
  /** Units after a number that make a duration: "twee uur", "three weeks". */
  readonly durationUnits: ReadonlySet<string>;
  /** Words before a duration that go with it, and that make "twee uur" a duration rather than a clock time. */
  readonly durationPrepositions: ReadonlySet<string>;
  /** Words after a duration that go with it: "vier uur lang", "two hours long". */
  readonly durationSuffixes: ReadonlySet<string>;
  /** Words that open a span of years: "de komende vier jaar", "the next two years". */
  readonly spanOpeners: ReadonlySet<string>;
  /** Units of such a span: "jaar", "years". */
  readonly spanUnits: ReadonlySet<string>;
  /** Numbers written as words: "twee", "two". */
  readonly numberWords: ReadonlySet<string>;
  /** Ordinals written as words: "tweede", "second". */
  readonly ordinals: ReadonlySet<string>;
  /** Endings of an ordinal written in digits: "2e", "2nd". */
  readonly ordinalSuffixes: ReadonlySet<string>;
  /** The noun of a repetition: "voor de tweede keer", "for the second time". */
  readonly repetitionNouns: ReadonlySet<string>;
  /** Prepositions that open a repetition: "voor de tweede keer". */
  readonly repetitionPrepositions: ReadonlySet<string>;
  /** Prepositions of the period after a repetition: "… keer in drie jaar". */
  readonly repetitionSpanPrepositions: ReadonlySet<string>;
  /** Units of that period: "… keer in drie jaar". */
  readonly repetitionSpanUnits: ReadonlySet<string>;
  /** Words that open an attribution at the start of a sentence: "Volgens het ministerie, …". */
  readonly attributionOpeners: ReadonlySet<string>;
  /** Relative pronouns that open an aside after a comma: ", die …,". */
  readonly relativePronouns: ReadonlySet<string>;
  /** Relative pronouns that open a clause without a comma before it, and never a complement clause ("dat"). */
  readonly bareRelatives: ReadonlySet<string>;
  /** Openers of a scene or a hypothesis rather than the news: "If you had stood …", "Stel je voor …". */
  readonly sceneOpeners: ReadonlySet<string>;
  /** Negations: a headline never cuts one away ("heeft het niet gered"). */
  readonly negations: ReadonlySet<string>;
  /** Prepositions: one left before a time phrase the headline drops goes with it ("vanaf maandag", "für 24 Stunden"). */
  readonly prepositions: ReadonlySet<string>;

  // Boilerplate blocks (content.ts): only what is lexical by nature; shapes and densities do the rest.

  /** Words that fill a block on their own as a label: "video", "advertentie", "anzeige". */
  readonly boilerplateLabels: ReadonlySet<string>;
  /** Lower-case phrases that open a link to something else: "lees ook", "read more", "deel dit". */
  readonly linkOpeners: ReadonlySet<string>;
  /**
   * A page's skip link, a whole line, lower case: "skip to main content", "naar de inhoud" (WCAG 2.4.1 Bypass Blocks,
   * technique G1: a link at the top of each page to its main content). Read in every language, as a site's interface
   * is often in another than its articles.
   */
  readonly skipLinks: ReadonlySet<string>;
  /** Words that open a byline: "door", "by", "von". */
  readonly bylineOpeners: ReadonlySet<string>;
  /** Words that open a photo credit: "foto", "beeld", "photo", "bild". */
  readonly creditWords: ReadonlySet<string>;
  /**
   * Words of a site's notice about the page itself rather than the news: cookies, consent, embedded content, the
   * browser, a newsletter ("Aanvaard de social media-cookies om deze inhoud te tonen"). Lexical by nature.
   */
  readonly noticeWords: ReadonlySet<string>;
  /** The pronouns by which a site speaks to its reader or of itself: "je", "u", "wij"; "you", "our". */
  readonly addressPronouns: ReadonlySet<string>;
  /** Coordinating conjunctions that close a list: "en", "and", "und"; a comma before a short item is the list's. */
  readonly coordinators: ReadonlySet<string>;
  /**
   * Subordinating conjunctions, where a subordinate clause puts its verb last (finalVerb): "dat", "omdat", "dass",
   * "weil". A cut inside such a clause always loses its verb ("… de indruk dat de impact"), so a cut goes before it.
   */
  readonly subordinators: ReadonlySet<string>;
  /**
   * Words that open an infinitival clause whose verb comes last after its marker (infinitiveMarkers): "om … te
   * regelen", "um … zu helfen". A cut inside one leaves it open ("een klus om tweeduizend plekken voor vluchtelingen"),
   * so a headline too long drops the clause's phrases instead. Only before a marker is the word such an opener: "om"
   * is a preposition too ("om tien uur").
   */
  readonly infinitiveOpeners: ReadonlySet<string>;
  /** The particle before a clause-final infinitive: "te", "zu". */
  readonly infinitiveMarkers: ReadonlySet<string>;
  /**
   * The empty subject that opens a clause whose real subject follows the verb ("Er zijn twee mensen gewond geraakt",
   * "Es wurden drei Personen verletzt"): headline style leaves it out with the auxiliary.
   */
  readonly expletives: ReadonlySet<string>;
}

/** Adjectives of nationality in a language that capitalises them. */
export interface Demonyms {
  /** The ending of one, tested on the lower-cased word: "-aanse" of "Amerikaanse". */
  readonly suffix: RegExp;
  /** Words shorter than this (in UTF-16 code units) are never one. */
  readonly minLength: number;
  /** Lower-case words with such an ending that are none: "brian", "republic". */
  readonly exceptions: ReadonlySet<string>;
}

/** The names of a pack's fields that hold words. */
export type WordClass = {
  [Field in keyof LanguagePack]: LanguagePack[Field] extends ReadonlySet<string> ? Field : never;
}[keyof LanguagePack];

/** A word class written as text: words separated by white space. */
export const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((word) => word !== ''));

/** Phrases written as text: separated by commas or line breaks, each of one or more words. */
export const phrases = (text: string): ReadonlySet<string> =>
  new Set(
    text
      .split(/[,\n]/u)
      .map((phrase) => phrase.trim().replace(/\s+/gu, ' '))
      .filter((phrase) => phrase !== ''),
  );

export const NO_WORDS: ReadonlySet<string> = new Set();

/** A language the service knows nothing of: no words, no stemmer, no grammar of its own. */
export const NO_LANGUAGE: LanguagePack = {
  code: 'und',
  stemmer: undefined,
  stopwords: NO_WORDS,
  newsWords: NO_WORDS,
  markers: NO_WORDS,
  functionWords: NO_WORDS,
  leadingArticles: NO_WORDS,
  spareArticles: NO_WORDS,
  pronounArticles: NO_WORDS,
  finiteAuxiliaries: NO_WORDS,
  droppableAuxiliaries: NO_WORDS,
  perfectAuxiliaries: NO_WORDS,
  finalVerb: undefined,
  capitalisesNouns: false,
  longOpenerIsNoun: true,
  demonyms: undefined,
  nameParticles: NO_WORDS,
  nameParticleOpeners: NO_WORDS,
  inhabitantEndings: NO_WORDS,
  adjectiveSuffix: undefined,
  organisationSuffixes: NO_WORDS,
  abbreviations: NO_WORDS,
  numberAbbreviations: NO_WORDS,
  months: NO_WORDS,
  days: NO_WORDS,
  dayPartSuffixes: NO_WORDS,
  determiners: NO_WORDS,
  titles: NO_WORDS,
  reportingVerbs: NO_WORDS,
  neverEntities: NO_WORDS,
  places: NO_WORDS,
  participle: undefined,
  relativeDays: NO_WORDS,
  dayPrepositions: NO_WORDS,
  dayParts: NO_WORDS,
  dayFollowers: NO_WORDS,
  limitPrepositions: NO_WORDS,
  periodUnits: NO_WORDS,
  periodPositions: NO_WORDS,
  periodLinks: NO_WORDS,
  clockUnits: NO_WORDS,
  clockPrepositions: NO_WORDS,
  clockZones: NO_WORDS,
  durationUnits: NO_WORDS,
  durationPrepositions: NO_WORDS,
  durationSuffixes: NO_WORDS,
  spanOpeners: NO_WORDS,
  spanUnits: NO_WORDS,
  numberWords: NO_WORDS,
  ordinals: NO_WORDS,
  ordinalSuffixes: NO_WORDS,
  repetitionNouns: NO_WORDS,
  repetitionPrepositions: NO_WORDS,
  repetitionSpanPrepositions: NO_WORDS,
  repetitionSpanUnits: NO_WORDS,
  attributionOpeners: NO_WORDS,
  relativePronouns: NO_WORDS,
  bareRelatives: NO_WORDS,
  sceneOpeners: NO_WORDS,
  negations: NO_WORDS,
  prepositions: NO_WORDS,
  boilerplateLabels: NO_WORDS,
  linkOpeners: NO_WORDS,
  skipLinks: NO_WORDS,
  bylineOpeners: NO_WORDS,
  creditWords: NO_WORDS,
  noticeWords: NO_WORDS,
  addressPronouns: NO_WORDS,
  coordinators: NO_WORDS,
  subordinators: NO_WORDS,
  infinitiveOpeners: NO_WORDS,
  infinitiveMarkers: NO_WORDS,
  expletives: NO_WORDS,
};

/** A pack with only some fields filled, for a language the service has few words of yet: the rest as NO_LANGUAGE. */
export const partialPack = (fields: Pick<LanguagePack, 'code'> & Partial<LanguagePack>): LanguagePack => ({
  ...NO_LANGUAGE,
  ...fields,
});
