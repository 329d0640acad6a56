import { lazy } from '../lazy';
import { nl } from './nl';
import { type LanguagePack, NO_WORDS, phrases, words } from './types';

/** West Frisian. tinyld has no model for it, and stopwords-iso no list: both are the service's own. */
export const fy = /* @__PURE__ */ lazy(
  (): LanguagePack => ({
    code: 'fy',
    // Close enough to Dutch for its suffixes.
    stemmer: 'dutch',
    // The function words plus frequent verbs and adverbs.
    stopwords: words(`
    de it in 'e 't dit dat dizze dy wa wat hokker syn har harren myn dyn jo ús hy sy se wy jim ik men him der
    oan achter by binnen boppe bûten troch yn lâns mei nei neist om ûnder op oer per sûnt te tsjin wylst oant
    tusken út fan fia foar sûnder neffens en of mar want dus as omdat doe neidat foardat sadat hoewol
    is binne wie wiene wurdt wurde waard waarden hat hawwe hie hiene sil sille soe soene kin kinne koe koene
    moat moatte meie wol wolle net gjin ek noch al hjir dêr no dan sa ek sei seit wêze west krije krige
    hiel folle mear min oare oar alle allegearre ien twa trije fjouwer fiif jier dei wike moanne tiid
  `),
    newsWords: words(
      'oere oeren minuten dei dagen wike wiken moanne jier jierren persint euro miljoen kear hjoed juster moarn',
    ),
    markers: words(`
    fan yn foar hawwe wurdt wurde binne troch nei sil hie waard dizze hjir gjin mear ûnder dêr hjoed jier
    jild sei kinne moatte wêze bleau skoalle it ús oan tsjin sûnt út neffens wiene soe soene
    boargemaster provinsje fryslân frysk friezen tusken jûn moarn wurk ferline nije
    hûs tiid minsken bern dei wiken lêste earste twadde sjoen fierder ek mar
  `),
    functionWords: words(`
    de it in 'e 't dit dat dizze dy wa wat hokker syn har harren myn dyn jo ús
    hy sy se wy jim ik men him harren der
    oan achter by binnen boppe bûten troch yn lâns mei nei neist om ûnder op oer per om sûnt te tsjin
    wylst oant tusken út fan fia foar sûnder neffens
    en of mar want dus as omdat wylst doe neidat foardat sadat hoewol
    is binne wie wiene wurdt wurde waard waarden hat hawwe hie hiene sil sille soe soene kin kinne koe koene
    moat moatte mei meie wol wolle net gjin ek noch al
  `),
    leadingArticles: words('de it in'),
    spareArticles: words('de it in'),
    pronounArticles: words('it'),
    finiteAuxiliaries: words(
      'is binne wie wiene wurdt wurde waard waarden hat hawwe hie hiene sil sille soe soene kin kinne koe koene moat moatte meie wol wolle',
    ),
    droppableAuxiliaries: words('is binne wie wiene wurdt wurde waard waarden'),
    perfectAuxiliaries: NO_WORDS,
    // The Dutch shapes of a final verb and of an adjective of nationality (below) serve Frisian too.
    finalVerb: nl().finalVerb,
    capitalisesNouns: false,
    longOpenerIsNoun: true,
    demonyms: nl().demonyms,
    nameParticles: words(`van de der`),
    nameParticleOpeners: NO_WORDS,
    inhabitantEndings: NO_WORDS,
    adjectiveSuffix: undefined,
    organisationSuffixes: NO_WORDS,

    abbreviations: NO_WORDS,
    numberAbbreviations: NO_WORDS,
    months: words('jannewaris febrewaris maart april maaie juny july augustus septimber oktober novimber desimber'),
    days: words('moandei tiisdei woansdei tongersdei freed sneon snein'),
    dayPartSuffixes: words('jûn'),
    determiners: words(`de it in 'e 't dit dat dizze syn har harren`),
    titles: words('presidint boargemaster deputearre minister premier'),
    reportingVerbs: words('seit sei meldt melde skriuwt skreau neffens'),
    neverEntities: words('ja nee ok'),
    places: words(`
    fryslân ljouwert snits drachten harns frjentsjer dokkum hearrenfean brussel amsterdam rotterdam
  `),
    participle: undefined,

    relativeDays: words('juster hjoed fannacht'),
    dayPrepositions: words('op dit'),
    dayParts: NO_WORDS,
    dayFollowers: NO_WORDS,
    limitPrepositions: words('oant'),
    periodUnits: words('wike wykein moanne'),
    periodPositions: words('begjin ein midden'),
    periodLinks: words('fan'),
    clockUnits: words('oere'),
    clockPrepositions: words('om sawat'),
    clockZones: NO_WORDS,
    durationUnits: words('oeren dagen wiken minuten'),
    durationPrepositions: words('sawat'),
    durationSuffixes: words('lang'),
    spanOpeners: words('kommende ôfrûne'),
    spanUnits: words('jier jierren'),
    numberWords: words('ien twa trije fjouwer fiif'),
    ordinals: NO_WORDS,
    ordinalSuffixes: words('e ste'),
    repetitionNouns: words('kear'),
    repetitionPrepositions: words('foar'),
    repetitionSpanPrepositions: words('yn'),
    repetitionSpanUnits: words('jier'),
    attributionOpeners: words('neffens'),
    relativePronouns: words('dy dat wêr'),
    bareRelatives: words('dy'),
    sceneOpeners: NO_WORDS,
    negations: words('net gjin nea'),
    prepositions: words(
      `oan achter by binnen boppe bûten troch yn lâns mei nei neist om ûnder op oer per sûnt te tsjin oant tusken út fan fia foar sûnder neffens`,
    ),
    boilerplateLabels: words("fideo audio foto foto's advertinsje"),
    linkOpeners: phrases('lês ek, lês mear, diel'),
    // Frisian sites' interface is Dutch (omropfryslan.nl): skip links are read in every language.
    skipLinks: NO_WORDS,
    bylineOpeners: words('troch'),
    creditWords: words('foto byld boarne'),
    noticeWords: words('cookie cookies javascript browser nijsbrief klik'),
    addressPronouns: words('do dy dyn jo jins wy ús'),
    coordinators: words('en of'),
    expletives: words('der'),
    infinitiveOpeners: words('om'),
    infinitiveMarkers: words('te'),
    subordinators: words("dat omdat om't om’t trochdat wylst doe neidat foardat sadat hoewol as"),
  }),
);
