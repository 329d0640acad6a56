/**
 * Countries, regions and large cities in the supported languages. Only consulted where capitals say little:
 * a single word at the start of a sentence, and German, which capitalises every noun.
 */
export const PLACES: ReadonlySet<string> = new Set(
  `
  nederland holland belgië vlaanderen wallonië brussel amsterdam rotterdam utrecht antwerpen gent brugge leuven
  luik groningen leeuwarden eindhoven maastricht arnhem nijmegen zwolle friesland fryslân limburg zeeland
  duitsland frankrijk engeland schotland ierland spanje portugal italië griekenland polen rusland oekraïne
  wit-rusland zweden noorwegen denemarken finland oostenrijk zwitserland hongarije roemenië turkije china japan
  india iran irak syrië israël libanon egypte amerika canada mexico brazilië argentinië australië afrika europa
  azië moskou kiev kyiv kiëv washington londen parijs berlijn madrid rome wenen warschau peking tokio
  krim donbas sotsji straatsburg luxemburg gaza jeruzalem
  netherlands belgium flanders germany france england scotland ireland spain italy greece poland russia ukraine
  belarus sweden norway denmark austria switzerland hungary romania turkey syria iraq israel lebanon egypt
  america brazil australia africa europe asia moscow london paris berlin rome vienna warsaw beijing tokyo
  crimea sochi strasbourg jerusalem
  niederlande belgien deutschland frankreich england spanien italien griechenland polen russland ukraine
  weißrussland belarus schweden norwegen dänemark österreich schweiz ungarn rumänien türkei syrien irak israel
  ägypten amerika kanada brasilien australien afrika europa asien moskau kiew london paris berlin rom wien
  warschau peking tokio krim sotschi straßburg hamburg münchen köln frankfurt stuttgart düsseldorf dresden
  leipzig bremen hannover bayern sachsen hessen brüssel
  pays-bas belgique allemagne angleterre espagne italie grèce pologne russie biélorussie suède norvège
  danemark autriche suisse hongrie roumanie turquie syrie irak israël liban égypte amérique brésil australie
  afrique europe asie moscou londres berlin rome vienne varsovie pékin tokyo crimée sotchi bruxelles lyon
  marseille genève
  bundestag bundesrat bundesregierung bundeswehr kremlin pentagon europarlement elysée downing
  leeuwarden ljouwert snits sneek drachten harns harlingen frjentsjer franeker dokkum heerenveen hearrenfean
`
    .trim()
    .split(/\s+/),
);
