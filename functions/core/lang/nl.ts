import { lazy, unicode } from '../lazy';
import { STOPWORDS_ISO } from '../stopword-data';
import { type LanguagePack, NO_WORDS, phrases, words } from './types';

/** Dutch. */
export const nl = /* @__PURE__ */ lazy(
  (): LanguagePack => ({
    code: 'nl',
    stemmer: 'dutch',
    stopwords: new Set(STOPWORDS_ISO.nl()),
    newsWords: words(`
    uur minuten dag dagen week weken maand maanden jaar jaren procent euro miljoen miljard keer ongeveer momenteel
    vandaag gisteren morgen eerder later tijd kwestie manier gevolg
  `),
    markers: NO_WORDS,
    functionWords: words(`
    de het een 't der den des dit dat deze die wie wat welke welk wiens zijn haar hun mijn jouw uw ons onze
    hij zij ze wij we jij je ik u men zich hem hen er
    aan achter bij binnen boven buiten door in langs met na naar naast om onder op over per rond sinds te tegen
    tijdens tot tussen uit van vanaf vanuit via voor zonder volgens wegens ondanks vanwege dankzij namens tegenover rondom nabij gedurende
    en of maar want dus noch dan als omdat terwijl toen nadat voordat zodat hoewel indien
    is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen kon konden
    moet moeten mag mogen wil willen niet geen ook nog al wel zo
  `),
    leadingArticles: words('de het een'),
    spareArticles: words('de het een'),
    pronounArticles: words("het 't"),
    finiteAuxiliaries: words(
      'is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen kon konden moet moeten moest moesten mag mogen mocht mochten wil willen wilde wilden',
    ),
    droppableAuxiliaries: words('is zijn was waren wordt worden werd werden'),
    perfectAuxiliaries: NO_WORDS,
    // Patterns with property escapes by the unicode tag, made when the pack is: core/lazy.ts says why.
    finalVerb: unicode`^\p{Ll}+(?:en|d|t)$`,
    capitalisesNouns: false,
    longOpenerIsNoun: true,
    // Russische, Amerikaanse, Franse, Duitse, Oekraïense, Belgisch, Europees.
    demonyms: {
      suffix: /(?:ische?|sche|aanse?|iaanse?|ense?|[^aeiou]se|ees|ese)$/u,
      minLength: 5,
      exceptions: NO_WORDS,
    },
    nameParticles: words(`van der den de te ter ten 't`),
    nameParticleOpeners: NO_WORDS,
    inhabitantEndings: words('er ers aar aren an anen se'),
    adjectiveSuffix: undefined,
    organisationSuffixes: NO_WORDS,

    abbreviations: words(`
    o.a. d.d. m.b.t. mln. mld. mrd. dhr. mevr. mw. bijv. bv. ca. t.o.v. i.p.v. zgn. z.g. n.a.v. m.u.v. i.v.m. resp.
    incl. excl. ong. vnl. evt. ev. ir. ing. drs. prof. dr. mr. st. jr. sr. gem. e.a. o.m.
    a.s. j.l. jl. t.a.v. v.w.b. p.m. n.v.t. b.v. n.v. vs. vgl. z.t.
    jan. feb. febr. mrt. apr. aug. sep. sept. okt. nov. dec.
  `),
    numberAbbreviations: words('nr. art. blz. tel.'),
    months: words('januari februari maart april mei juni juli augustus september oktober november december'),
    days: words('maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'),
    dayPartSuffixes: words('ochtend morgen middag avond nacht'),
    determiners: words(`de het een 't dit dat deze die zijn haar hun mijn uw onze ons diens`),
    titles: words(`
    president premier minister kanselier koning koningin prins prinses burgemeester wethouder gouverneur senator
    staatssecretaris woordvoerder voorzitter ceo topman directeur trainer coach bondscoach kapitein paus
    evenknie ambtgenoot collega leider oppositieleider partijleider adviseur generaal generaal-majoor
    kandidaat lijsttrekker bestuurder voorman gedeputeerde
    dhr mevr mevrouw meneer heer mr dr prof ir ing drs
    formateur informateur kamerlid journalist advocaat verdachte politicus doelman keeper aanvoerder verdediger
    middenvelder aanvaller zanger zangeres schrijver
  `),
    reportingVerbs: words(`
    zegt zei zeggen zeiden meldt meldde melden meldden bericht berichtte berichten berichtten schrijft schreef
    verklaarde verklaart laat liet aldus stelt stelde benadrukte benadrukt maakte bekend gezegd
    aangekondigd kondigde
  `),
    neverEntities: words(`
    volgens ook maar toch toen daarna nadien intussen inmiddels bovendien daarom zo nu ondertussen ja nee oké ok
  `),
    places: words(`
    nederland holland belgië vlaanderen wallonië brussel amsterdam rotterdam utrecht antwerpen gent brugge leuven
    luik groningen leeuwarden eindhoven maastricht arnhem nijmegen zwolle friesland fryslân limburg zeeland
    sneek drachten harlingen franeker dokkum heerenveen
    duitsland frankrijk engeland schotland ierland spanje portugal italië griekenland polen rusland oekraïne
    wit-rusland zweden noorwegen denemarken finland oostenrijk zwitserland hongarije roemenië turkije china japan
    india iran irak syrië israël libanon egypte amerika canada mexico brazilië argentinië australië afrika europa
    azië moskou kiev kyiv kiëv washington londen parijs berlijn madrid rome wenen warschau peking tokio
    krim donbas sotsji straatsburg luxemburg gaza jeruzalem
    hamburg münchen frankfurt stuttgart dresden leipzig bremen hannover lyon marseille
    bundestag kremlin pentagon europarlement elysée downing
  `),
    participle: unicode`^(?:\p{Ll}{0,6}ge\p{Ll}{2,}|(?:be|ver|ont|her)\p{Ll}{3,})(?:d|t|en)$`,

    relativeDays: words(`
    gisteren vandaag vanochtend vanmorgen vanmiddag vanavond vannacht gisteravond gistermiddag gisterochtend
    eergisteren
  `),
    dayPrepositions: words('op vorige afgelopen deze dit sinds vroeg laat'),
    dayParts: words('avond ochtend middag nacht'),
    dayFollowers: words('jongstleden'),
    limitPrepositions: words('tot met uiterlijk'),
    periodUnits: words('week weekend maand'),
    periodPositions: words('begin eind einde midden'),
    periodLinks: words('van'),
    clockUnits: words('uur u h'),
    clockPrepositions: words('rond omstreeks om iets na voor tegen kort even ongeveer ca circa'),
    clockZones: words('belgische nederlandse lokale plaatselijke tijd'),
    durationUnits: words('minuten minuut uur uren seconden dagen weken maanden'),
    durationPrepositions: words(`zo'n ongeveer circa ca bijna ruim meer dan gedurende lang`),
    durationSuffixes: words('lang lange'),
    spanOpeners: words('komende afgelopen voorbije'),
    spanUnits: words('jaar jaren'),
    numberWords: words(`
    een één twee drie vier vijf zes zeven acht negen tien twintig dertig veertig vijftig honderd half anderhalf
  `),
    ordinals: words('eerste tweede derde vierde vijfde zesde zevende achtste negende tiende'),
    ordinalSuffixes: words('e ste'),
    repetitionNouns: words('keer'),
    repetitionPrepositions: words('voor'),
    repetitionSpanPrepositions: words('in binnen'),
    repetitionSpanUnits: words('jaar jaren'),
    attributionOpeners: words('volgens'),
    relativePronouns: words('die dat wie waar waarin'),
    bareRelatives: words('die'),
    sceneOpeners: words('als stel'),
    negations: words('niet geen nooit'),
    prepositions: words(
      `aan achter bij binnen boven buiten door in langs met na naar naast om onder op over per rond sinds te tegen tijdens tot tussen uit van vanaf vanuit via voor zonder volgens wegens ondanks vanwege dankzij namens tegenover rondom nabij gedurende`,
    ),
    boilerplateLabels: words(
      "video audio foto foto's fotoserie advertentie reclame gesponsord liveblog live update premium column opinie nieuwsbericht",
    ),
    linkOpeners: phrases('lees ook, lees meer, lees verder, meer lezen, bekijk ook, bekijk de, deel dit, delen, deel'),
    skipLinks: phrases(
      'naar de inhoud, direct naar de inhoud, ga naar de inhoud, ga direct naar de inhoud, naar hoofdinhoud, ga naar hoofdinhoud, direct naar hoofdinhoud, spring naar de inhoud',
    ),
    bylineOpeners: words('door'),
    creditWords: words('foto beeld fotografie bron copyright credit'),
    noticeWords: words(
      'cookie cookies cookie-instellingen toestemming javascript browser nieuwsbrief abonneer herlaad klik klikken site aanvaard accepteer',
    ),
    addressPronouns: words('je jij jou jouw u uw wij we ons onze'),
    coordinators: words('en of'),
    expletives: words('er'),
    infinitiveOpeners: words('om'),
    infinitiveMarkers: words('te'),
    subordinators: words(
      'dat omdat doordat terwijl toen nadat voordat alvorens zodat hoewel indien zodra totdat wanneer zoals',
    ),
  }),
);
