import { lazy, unicode } from '../lazy';
import { STOPWORDS_ISO } from '../stopword-data';
import { type LanguagePack, NO_WORDS, phrases, words } from './types';

/** English. */
export const en = /* @__PURE__ */ lazy(
  (): LanguagePack => ({
    code: 'en',
    stemmer: 'english',
    stopwords: new Set(STOPWORDS_ISO.en()),
    newsWords: words(`
    hour hours minute minutes day days week weeks month months year years percent euro euros million billion times
    today yesterday tomorrow earlier time way
  `),
    markers: NO_WORDS,
    functionWords: words(`
    the a an this that these those his her its their our my your who whom whose which what
    he she it they we you i me him them us
    about above across after against along among around at before behind below between by during for from in
    into near of off on onto over per since than through to toward towards under until up upon with within without
    and or but nor so yet if because while when although as whether
    is are was were be been being has have had will would shall should can could may might must do does did not
  `),
    leadingArticles: words('the a an'),
    spareArticles: words('the a an'),
    pronounArticles: NO_WORDS,
    finiteAuxiliaries: NO_WORDS,
    // No English auxiliary is dropped, but the empty word is: the former list, written words(''), held it by accident.
    // A chunk without letters (a lone dash) so counts as an auxiliary, and dropAuxiliary drops it before a word of
    // participle shape. Kept so that moving the list changed no headline; removing it changes some.
    droppableAuxiliaries: new Set(['', 'is', 'are', 'was', 'were', 'been']),
    perfectAuxiliaries: words('has have had'),
    finalVerb: undefined,
    capitalisesNouns: false,
    longOpenerIsNoun: false,
    demonyms: {
      suffix: /(?:ian|ean|ish|ese|can)$/u,
      minLength: 0,
      exceptions: words('brian ian dean sean ryan republic pacific atlantic arctic catholic mechanic clinic'),
    },
    // With the Arabic ones, as English news transliterates them: "Mohammed bin Salman".
    nameParticles: words('de la bin ibn al el'),
    nameParticleOpeners: NO_WORDS,
    inhabitantEndings: words('n ns an ans ian ians i is er ers'),
    adjectiveSuffix: undefined,
    organisationSuffixes: NO_WORDS,

    abbreviations: words(`
    ca. incl. excl. prof. dr. mr. st. jr. sr. p.m. vs. mrs. ms. messrs. gen. gov. sen. rep. sgt. capt. lt. col.
    inc. ltd. co. corp. approx. dept. e.g. i.e. cf.
    jan. feb. apr. aug. sep. sept. oct. nov. dec.
  `),
    numberAbbreviations: words('no. art. p. pp. vol.'),
    months: words('january february march april may june july august september october november december'),
    days: words('monday tuesday wednesday thursday friday saturday sunday'),
    dayPartSuffixes: NO_WORDS,
    determiners: words('the a an this that these those his her its their our'),
    titles: words(`
    mr mrs ms dr prof sir lady lord king queen prince princess chancellor secretary governor mayor senator
    spokesman spokeswoman spokesperson chairman chief counterpart leader candidate challenger rival
    president premier prime minister ceo coach trainer pm mp mps cm mla mlas
    journalist reporter striker goalkeeper midfielder defender captain manager lawmaker
  `),
    reportingVerbs: words('says said reports reported according told announced stated writes wrote'),
    neverEntities: words('the however meanwhile but also yet still after before now yes no ok'),
    places: words(`
    netherlands holland belgium flanders germany france england scotland ireland spain portugal italy greece poland
    russia ukraine belarus sweden norway denmark finland austria switzerland hungary romania turkey syria iraq iran
    israel lebanon egypt america canada mexico brazil australia africa europe asia china japan india
    amsterdam rotterdam utrecht groningen leeuwarden eindhoven maastricht arnhem nijmegen leuven limburg zeeland
    friesland moscow kiev kyiv washington london paris berlin madrid rome vienna warsaw beijing tokyo
    crimea donbas sochi strasbourg gaza jerusalem hamburg frankfurt stuttgart dresden leipzig bremen lyon marseille
    bundestag kremlin pentagon downing
  `),
    // Regular and strong participles by their ending, and the commonest irregular ones of news ("found", "shot").
    participle: unicode`^(?:\p{Ll}{2,}(?:ed|en|wn)|found|hit|shot|held|hurt|left|sent|caught|brought|told|sold|built|lost|made|paid|struck|won|led|fled|kept|spent|heard)$`,

    relativeDays: words('yesterday today tonight'),
    dayPrepositions: words('on last this next since early late earlier later'),
    dayParts: words('evening morning afternoon night'),
    dayFollowers: NO_WORDS,
    limitPrepositions: words('until till by'),
    periodUnits: words('week weekend month'),
    periodPositions: words('end start beginning middle'),
    periodLinks: words('of'),
    clockUnits: words(`o'clock pm am p.m a.m h`),
    clockPrepositions: words('around at shortly after before about ca circa'),
    clockZones: words('local time'),
    durationUnits: words('minutes minute hours hour seconds days weeks months'),
    durationPrepositions: words('about nearly almost more than for some during'),
    durationSuffixes: words('long'),
    spanOpeners: words('next past last coming'),
    spanUnits: words('years year'),
    numberWords: words('a an one two three four five six seven eight nine ten twenty thirty forty fifty hundred'),
    ordinals: words('first second third fourth fifth sixth seventh eighth ninth tenth'),
    ordinalSuffixes: words('st nd rd th'),
    repetitionNouns: words('time'),
    repetitionPrepositions: words('for'),
    repetitionSpanPrepositions: words('in within'),
    repetitionSpanUnits: words('year years'),
    attributionOpeners: words('according'),
    relativePronouns: words('which who whom whose where'),
    bareRelatives: words('who which'),
    sceneOpeners: words('if imagine picture'),
    negations: words("not no never n't"),
    prepositions: words(
      `about above across after against along amid amidst among around at before behind below beside besides between beyond by despite during except following for from in including inside into near of off on onto outside over per regarding since through throughout to toward towards under until up upon via with within without`,
    ),
    boilerplateLabels: words('video audio photo photos advertisement sponsored live update'),
    linkOpeners: phrases('read more, read also, see also, related, watch, share this, share'),
    skipLinks: phrases('skip to content, skip to main content, skip to navigation, skip navigation, jump to content'),
    bylineOpeners: words('by'),
    creditWords: words('photo picture image credit copyright source'),
    noticeWords: words('cookie cookies consent javascript browser newsletter subscribe click website'),
    addressPronouns: words('you your we our us'),
    coordinators: words('and or'),
    // The verb of a subordinate clause comes early: a cut after it keeps it.
    subordinators: NO_WORDS,
    infinitiveOpeners: NO_WORDS,
    infinitiveMarkers: NO_WORDS,
    // "There were three people hurt" is rare in news leads; "there" is more often a place.
    expletives: NO_WORDS,
  }),
);
