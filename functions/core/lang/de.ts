import { lazy, unicode } from '../lazy';
import { STOPWORDS_ISO } from '../stopword-data';
import { type LanguagePack, NO_WORDS, phrases, words } from './types';

/** German. */
export const de = /* @__PURE__ */ lazy(
  (): LanguagePack => ({
    code: 'de',
    stemmer: 'german',
    stopwords: new Set(STOPWORDS_ISO.de()),
    newsWords: words(`
    stunde stunden minute minuten tag tage woche wochen monat monaten jahr jahre prozent euro millionen milliarden mal
    heute gestern morgen
  `),
    markers: NO_WORDS,
    functionWords: words(`
    der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen diesem sein seine seinen
    seinem seiner ihr ihre ihren ihrem ihrer unser unsere er sie es wir ihr ich man sich ihn ihm
    an auf aus bei bis durch für gegen hinter in mit nach neben ohne seit über um unter von vor während wegen zu
    zum zur zwischen im am ins beim vom trotz dank laut gegenüber außer innerhalb außerhalb entlang seitens mittels
    und oder aber denn sondern als wenn weil dass ob während nachdem bevor damit obwohl
    ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte konnten muss müssen
    soll sollen will wollen darf dürfen nicht kein keine auch noch schon
  `),
    leadingArticles: words('der die das ein eine'),
    spareArticles: NO_WORDS,
    pronounArticles: NO_WORDS,
    finiteAuxiliaries: words(
      'ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte konnten muss müssen musste mussten soll sollen sollte sollten will wollen wollte wollten darf dürfen durfte durften',
    ),
    droppableAuxiliaries: words('ist sind war waren wird werden wurde wurden'),
    perfectAuxiliaries: NO_WORDS,
    // Patterns with property escapes by the unicode tag, made when the pack is: core/lazy.ts says why.
    finalVerb: unicode`^\p{Ll}+(?:en|d|t)$`,
    capitalisesNouns: true,
    longOpenerIsNoun: true,
    // German adjectives of nationality are lower case ("russische"); a capitalised one starts a name.
    demonyms: undefined,
    nameParticles: words('von zu vom zum zur van de der'),
    nameParticleOpeners: words('von zu van de'),
    inhabitantEndings: words('er erin erinnen'),
    adjectiveSuffix: unicode`\p{L}(?:isch|lich|ig|sch|bar|sam|haft)(?:e|en|er|es|em)$`,
    organisationSuffixes: words(`
    amt amtes amts gericht gerichts gerichtshof ministerium ministeriums partei verband verbands verein vereins
    stiftung institut instituts agentur kommission börse bank gewerkschaft liga league
  `),

    abbreviations: words(`
    ca. prof. dr. st. ing. resp. z.b. u.a. d.h. bzw. hr. fr. str. vgl. evtl. ggf. inkl. sog. z.t. u.u. mio. jh. bspw.
    jan. feb. apr. aug. sep. sept. okt. nov. dez.
  `),
    numberAbbreviations: words('nr. art. abs. tel.'),
    months: words('januar februar märz april mai juni juli august september oktober november dezember jänner'),
    days: words('montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag'),
    dayPartSuffixes: words('morgen mittag nachmittag abend nacht früh'),
    determiners: words(`
    der die das den dem des ein eine einen einem einer eines dieser diese dieses sein seine seinen seinem seiner
    ihr ihre ihren ihrem ihrer
  `),
    titles: words(`
    präsident präsidentin kanzler kanzlerin minister ministerin bürgermeister bürgermeisterin sprecher sprecherin
    chef chefin herr frau könig königin amtskollege amtskollegin kandidat kandidatin
    premier gouverneur senator trainer coach ceo dr prof ing
    torwart spieler spielerin politiker politikerin journalist journalistin stürmer abgeordnete abgeordneter
    vorsitzende vorsitzender anwalt anwältin richter richterin experte expertin reporter reporterin autor autorin
  `),
    reportingVerbs: words(`
    sagt sagte sagten gesagt berichtet berichtete berichten meldet meldete teilte mitgeteilt erklärte erklärt schreibt schrieb laut
    angekündigt kündigte bekanntgegeben
  `),
    neverEntities: words('aber auch doch dann danach inzwischen deshalb zudem jetzt nun laut ja ok'),
    places: words(`
    niederlande holland belgien deutschland frankreich england spanien portugal italien griechenland polen russland
    ukraine weißrussland belarus schweden norwegen dänemark österreich schweiz ungarn rumänien türkei syrien irak
    iran israel libanon ägypten amerika kanada brasilien australien afrika europa asien china japan
    amsterdam rotterdam utrecht groningen leeuwarden eindhoven maastricht arnhem nijmegen antwerpen gent limburg
    friesland moskau kiew washington london paris berlin madrid rom wien warschau peking tokio krim donbas sotschi
    straßburg luxemburg gaza jerusalem brüssel lyon marseille
    hamburg münchen köln frankfurt stuttgart düsseldorf dresden leipzig bremen hannover bayern sachsen hessen
    bundestag bundesrat bundesregierung bundeswehr pentagon
  `),
    participle: unicode`^(?:\p{Ll}{0,6}ge\p{Ll}{2,}|(?:be|emp|ent|er|miss|ver|zer)\p{Ll}{3,})(?:d|t|en)$`,

    relativeDays: words('gestern heute vorgestern'),
    dayPrepositions: words('am kommenden letzten letzte nächste diese dieses seit früh spät frühen späten'),
    dayParts: words('abend morgen nachmittag nacht'),
    dayFollowers: NO_WORDS,
    limitPrepositions: words('bis'),
    periodUnits: words('woche wochenende monat'),
    periodPositions: words('anfang ende mitte'),
    // "am Ende des Tages", "Anfang der Woche": German links a position to its period by the genitive, without a word.
    periodLinks: NO_WORDS,
    clockUnits: words('uhr h'),
    clockPrepositions: words('um gegen kurz nach ca circa'),
    clockZones: words('ortszeit'),
    durationUnits: words('minuten stunden stunde tage wochen monate'),
    durationPrepositions: words('etwa rund knapp fast über mehr als lang'),
    durationSuffixes: words('lang lange'),
    spanOpeners: words('kommenden nächsten vergangenen letzten kommende'),
    spanUnits: words('jahre jahren'),
    numberWords: words(`
    ein eine einer zwei drei vier fünf sechs sieben acht neun zehn zwanzig dreißig halbe anderthalb
  `),
    ordinals: words('ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten'),
    ordinalSuffixes: words('.'),
    repetitionNouns: words('mal'),
    repetitionPrepositions: words('zum zur'),
    repetitionSpanPrepositions: words('in binnen seit'),
    repetitionSpanUnits: words('jahre jahren'),
    attributionOpeners: words('laut'),
    relativePronouns: words('der die das den dem deren dessen welche welcher welches'),
    bareRelatives: words('die'),
    sceneOpeners: words('wenn stellen'),
    negations: words('nicht kein keine keinen keinem keiner nie'),
    prepositions: words(
      `an auf aus bei bis durch für gegen hinter in mit nach neben ohne seit über um unter von vor während wegen zu zum zur zwischen im am ins beim vom trotz dank laut gegenüber außer innerhalb außerhalb entlang seitens mittels`,
    ),
    boilerplateLabels: words('video audio foto fotos bild bilder anzeige werbung liveblog'),
    linkOpeners: phrases('lesen sie auch, lesen sie mehr, mehr zum thema, weiterlesen, teilen'),
    skipLinks: phrases(
      'zum inhalt, direkt zum inhalt, zum hauptinhalt, zum inhalt springen, springe zum inhalt, zur navigation',
    ),
    bylineOpeners: words('von'),
    creditWords: words('foto bild quelle copyright'),
    noticeWords: words(
      'cookie cookies einwilligung javascript browser newsletter abonnieren klicken drittanbieter eingebettete eingebetteten datenschutzerklärung',
    ),
    addressPronouns: words('du dich dir dein deine deinen deiner wir uns unser unsere ihre ihrer'),
    coordinators: words('und oder'),
    expletives: words('es'),
    infinitiveOpeners: words('um ohne statt anstatt'),
    infinitiveMarkers: words('zu'),
    subordinators: words('dass daß weil obwohl nachdem bevor damit sodass während wenn falls sobald'),
  }),
);
