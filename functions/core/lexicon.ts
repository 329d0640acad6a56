/**
 * Small closed word classes per language, written for this service: the words a headline may not end on,
 * determiners, titles, month and day names, time words, reporting verbs. Open vocabularies (stopwords for
 * keywords) come from stopwords-iso instead; see stopwords.ts.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Abbreviations after which a full stop never ends a sentence, lower-cased, for every supported language. */
export const ABBREVIATIONS = words(`
  o.a. d.d. m.b.t. mln. mld. mrd. dhr. mevr. mw. bijv. bv. ca. t.o.v. i.p.v. zgn. z.g. n.a.v. m.u.v. i.v.m. resp.
  incl. excl. ong. vnl. evt. ev. ir. ing. drs. prof. dr. mr. st. jr. sr. gem. e.a. o.m.
  a.s. j.l. jl. t.a.v. v.w.b. p.m. n.v.t. b.v. n.v. vs. mrs. ms. messrs. gen. gov. sen. rep. sgt. capt. lt. col.
  inc. ltd. co. corp. approx. dept. e.g. i.e. cf. z.b. u.a. d.h. bzw. hr. fr. str. vgl. evtl. ggf. inkl. sog.
  z.t. u.u. mio. jh. bspw. m. mme. mlle. mm. p.ex. env. av. cie.
  jan. feb. febr. mrt. apr. aug. sep. sept. okt. oct. nov. dec. dez.
`);

/** Abbreviations that precede a number (nr. 5, art. 12, blz. 3): no sentence end only when a number follows. */
export const NUMBER_ABBREVIATIONS = words('nr. no. art. blz. abs. tel. p. pp. vol.');

/** Month and day names: never entities, never keywords, and a German ordinal before a month is no sentence end. */
export const MONTHS = words(`
  januari februari maart april mei juni juli augustus september oktober november december
  january february march may june july august october
  januar februar märz juni juli oktober dezember jänner
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre
  jannewaris febrewaris maart april maaie juny july augustus septimber oktober novimber desimber
`);

export const DAYS = words(`
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
  monday tuesday wednesday thursday friday saturday sunday
  montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
  lundi mardi mercredi jeudi vendredi samedi dimanche
  moandei tiisdei woansdei tongersdei freed sneon snein
`);

/** Parts of a day that form compounds with a day name: donderdagavond, Dienstagabend. */
const DAY_PARTS = ['ochtend', 'morgen', 'middag', 'avond', 'nacht', 'abend', 'nachmittag', 'mittag', 'früh', 'jûn'];

/** True for dinsdag, donderdagavond, Dienstagabend, mardi; case-insensitive. */
export function isDayWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (DAYS.has(lower)) return true;
  for (const day of DAYS) {
    if (lower.startsWith(day) && DAY_PARTS.includes(lower.slice(day.length))) return true;
  }
  return false;
}

export function isCalendarWord(word: string): boolean {
  const lower = word.toLowerCase();
  return MONTHS.has(lower) || isDayWord(lower);
}

/**
 * Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries): a headline never ends on one.
 * Deliberately narrower than stopwords-iso, whose Dutch list holds content words such as "afgelopen".
 */
export const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  nl: words(`
    de het een 't der den des dit dat deze die wie wat welke welk wiens zijn haar hun mijn jouw uw ons onze
    hij zij ze wij we jij je ik u men zich hem hen er
    aan achter bij binnen boven buiten door in langs met na naar naast om onder op over per rond sinds te tegen
    tijdens tot tussen uit van vanaf vanuit via voor zonder volgens wegens ondanks
    en of maar want dus noch dan als omdat terwijl toen nadat voordat zodat hoewel indien
    is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen kon konden
    moet moeten mag mogen wil willen niet geen ook nog al wel zo
  `),
  en: words(`
    the a an this that these those his her its their our my your who whom whose which what
    he she it they we you i me him them us
    about above across after against along among around at before behind below between by during for from in
    into near of off on onto over per since than through to toward towards under until up upon with within without
    and or but nor so yet if because while when although as whether
    is are was were be been being has have had will would shall should can could may might must do does did not
  `),
  de: words(`
    der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen diesem sein seine seinen
    seinem seiner ihr ihre ihren ihrem ihrer unser unsere er sie es wir ihr ich man sich ihn ihm
    an auf aus bei bis durch für gegen hinter in mit nach neben ohne seit über um unter von vor während wegen zu
    zum zur zwischen im am ins beim vom
    und oder aber denn sondern als wenn weil dass ob während nachdem bevor damit obwohl
    ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte konnten muss müssen
    soll sollen will wollen darf dürfen nicht kein keine auch noch schon
  `),
  fr: words(`
    le la les l' un une des du de d' au aux ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos
    il elle ils elles on nous vous je se lui eux qui que quoi dont où
    à après avant avec chez contre dans depuis derrière devant entre envers par parmi pendant pour sans sous sur
    vers selon malgré
    et ou mais donc or ni car si quand comme lorsque puisque
    est sont était étaient sera seront a ont avait avaient été ne pas plus en y
  `),
  es: words(`
    el la los las un una unos unas de del al y e o u en que por con para sin sobre entre se no es son fue su sus
    lo como más pero muy ya también este esta estos estas ha han
  `),
  it: words(`
    il lo la i gli le un uno una di del dello della dei degli delle e ed o in nel nella che per con su non si è
    sono al alla come più ma anche questo questa ha hanno
  `),
  fy: words(`
    de it in 'e 't dit dat dizze dy wa wat hokker syn har harren myn dyn jo ús
    hy sy se wy jim ik men him harren der
    oan achter by binnen boppe bûten troch yn lâns mei nei neist om ûnder op oer per om sûnt te tsjin
    wylst oant tusken út fan fia foar sûnder neffens
    en of mar want dus as omdat wylst doe neidat foardat sadat hoewol
    is binne wie wiene wurdt wurde waard waarden hat hawwe hie hiene sil sille soe soene kin kinne koe koene
    moat moatte mei meie wol wolle net gjin ek noch al
  `),
};

/** Articles, demonstratives and possessives: the start of a noun phrase. */
export const DETERMINERS = words(`
  de het een 't dit dat deze die zijn haar hun mijn uw onze ons diens
  the a an this that these those his her its their our
  der die das den dem des ein eine einen einem einer eines dieser diese dieses sein seine seinen seinem seiner
  ihr ihre ihren ihrem ihrer
  le la les l' un une ce cet cette ces son sa ses leur leurs
  it in 'e dizze syn har harren
`);

/** Forms of "to be" and the passive auxiliary that a headline leaves out before a final participle. */
export const DROPPABLE_AUXILIARIES: Readonly<Record<string, ReadonlySet<string>>> = {
  nl: words('is zijn was waren wordt worden werd werden'),
  de: words('ist sind war waren wird werden wurde wurden'),
  fy: words('is binne wie wiene wurdt wurde waard waarden'),
  en: words(''),
  fr: words(''),
};

/** Titles and roles that precede a name: the appositive "de Amerikaanse president Joe Biden" is "Biden". */
export const TITLES = words(`
  president premier minister kanselier koning koningin prins prinses burgemeester wethouder gouverneur senator
  staatssecretaris woordvoerder voorzitter ceo topman directeur trainer coach bondscoach kapitein paus
  evenknie ambtgenoot collega leider oppositieleider partijleider adviseur generaal generaal-majoor
  kandidaat lijsttrekker bestuurder voorman gedeputeerde
  dhr mevr mevrouw meneer heer mr dr prof ir ing drs
  mr mrs ms dr prof sir lady lord king queen prince princess chancellor secretary governor mayor senator
  spokesman spokeswoman spokesperson chairman chief counterpart leader candidate challenger rival
  präsident präsidentin kanzler kanzlerin ministerin bürgermeister bürgermeisterin sprecher sprecherin chef chefin
  herr frau könig königin amtskollege amtskollegin kandidat kandidatin
  président présidente ministre chancelier chancelière roi reine maire porte-parole homologue monsieur madame
  candidat candidate
  m mme mlle
  presidint boargemaster deputearre
`);

/** Words that open an attribution: "…, berichten de persagentschappen", "…, said the ministry". */
export const REPORTING_VERBS = words(`
  zegt zei zeggen zeiden meldt meldde melden meldden bericht berichtte berichten berichtten schrijft schreef
  verklaarde verklaart laat liet aldus stelt stelde benadrukte benadrukt maakte bekend
  says said reports reported according told announced stated writes wrote
  sagt sagte sagten berichtet berichtete berichten meldet meldete teilte erklärte erklärt schreibt schrieb laut
  dit a déclaré selon annonce annoncé rapporte indiqué affirme affirmé
  seit sei meldt melde skriuwt skreau neffens
`);

/** Capitalised words that start a sentence but are no names: the lower-case form is common in every language. */
export const NEVER_ENTITIES = words(`
  volgens ook maar toch toen daarna nadien intussen inmiddels bovendien daarom zo nu ondertussen
  the however meanwhile but also yet still after before now
  aber auch doch dann danach inzwischen deshalb zudem jetzt nun laut
  mais aussi puis ensuite alors selon
  ja nee yes no oui non
  oké ok
`);

/** Lower-case particles inside names: Van der Laan, Ursula von der Leyen, Charles de Gaulle, Den Haag. */
export const NAME_PARTICLES = words(`
  van der den de te ter ten 't von zu vom zum zur du des la le d' di da dos das del bin ibn al el
`);

/** Adjectives of nationality: capitalised in Dutch and English but no names ("de Amerikaanse president"). */
export function isDemonym(word: string, language: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const lower = word.toLowerCase();
  switch (language) {
    case 'nl':
    case 'fy':
      // Russische, Amerikaanse, Franse, Duitse, Oekraïense, Belgisch, Europees.
      return /(?:ische?|sche|aanse?|iaanse?|ense?|[^aeiou]se|ees|ese)$/u.test(lower) && lower.length > 4;
    case 'en':
      return /(?:ian|ean|ish|ese|ic|can)$/u.test(lower) && !NOT_DEMONYMS_EN.has(lower);
    case 'de':
      // German adjectives are lower-case; only the capitalised forms at the start of a name ("Russische Föderation").
      return false;
    case 'fr':
      return false;
    default:
      return false;
  }
}

const NOT_DEMONYMS_EN = words('brian ian dean sean ryan republic pacific atlantic arctic catholic mechanic clinic');

/** German particles inside names: "Ursula von der Leyen", never "Prozent der Kosten". */
export const GERMAN_NAME_PARTICLES = words('von zu vom zum zur van de der');

/** Frisian words that Dutch does not have; tinyld has no Frisian model, so their share decides. */
export const FRISIAN_MARKERS = words(`
  fan yn foar hawwe wurdt wurde binne troch nei sil hie waard dizze hjir gjin mear ûnder dêr hjoed jier
  jild sei kinne moatte wêze bleau skoalle it ús oan tsjin sûnt út neffens wiene soe soene
  boargemaster provinsje fryslân frysk friezen tusken jûn moarn wurk ferline nije
  hûs tiid minsken bern dei wiken lêste earste twadde sjoen fierder ek mar
`);

/**
 * Frisian stopwords. stopwords-iso has no Frisian list; this one holds the function words above plus
 * frequent verbs and adverbs.
 */
export const FRISIAN_STOPWORDS = words(`
  de it in 'e 't dit dat dizze dy wa wat hokker syn har harren myn dyn jo ús hy sy se wy jim ik men him der
  oan achter by binnen boppe bûten troch yn lâns mei nei neist om ûnder op oer per sûnt te tsjin wylst oant
  tusken út fan fia foar sûnder neffens en of mar want dus as omdat doe neidat foardat sadat hoewol
  is binne wie wiene wurdt wurde waard waarden hat hawwe hie hiene sil sille soe soene kin kinne koe koene
  moat moatte meie wol wolle net gjin ek noch al hjir dêr no dan sa ek sei seit wêze west krije krige
  hiel folle mear min oare oar alle allegearre ien twa trije fjouwer fiif jier dei wike moanne tiid
`);
