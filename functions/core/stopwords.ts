import { DAYS, FRISIAN_STOPWORDS, MONTHS, REPORTING_VERBS } from './lexicon';
import { STOPWORDS_ISO } from './stopword-data';

/**
 * Words that are never keywords in a language: the stopwords-iso list, month and day names, reporting verbs,
 * and a few words every news article uses. Frisian, which stopwords-iso lacks, has its own list.
 */
const NEWS_WORDS: Readonly<Record<string, string>> = {
  nl: 'uur minuten dag dagen week weken maand maanden jaar jaren procent euro miljoen miljard keer ongeveer momenteel vandaag gisteren morgen eerder later tijd kwestie manier gevolg',
  en: 'hour hours minute minutes day days week weeks month months year years percent euro euros million billion times today yesterday tomorrow earlier time way',
  de: 'stunde stunden minute minuten tag tage woche wochen monat monaten jahr jahre prozent euro millionen milliarden mal heute gestern morgen',
  fr: 'heure heures minute minutes jour jours semaine semaines mois an ans année années pour cent euros million millions milliard fois hier demain',
  fy: 'oere oeren minuten dei dagen wike wiken moanne jier jierren persint euro miljoen kear hjoed juster moarn',
  es: 'hora horas día días semana mes año años por ciento euros millones hoy ayer',
  it: 'ora ore giorno giorni settimana mese anno anni per cento euro milioni oggi ieri',
};

const cache = new Map<string, ReadonlySet<string>>();

export function stopwordsFor(language: string): ReadonlySet<string> {
  const cached = cache.get(language);
  if (cached) return cached;
  const languages = language in NEWS_WORDS ? [language] : ['nl', 'en', 'de', 'fr'];
  const set = new Set<string>([...DAYS, ...MONTHS, ...REPORTING_VERBS]);
  for (const code of languages) {
    for (const word of STOPWORDS_ISO[code] ?? []) set.add(word);
    for (const word of (NEWS_WORDS[code] ?? '').split(' ')) set.add(word);
    if (code === 'fy') for (const word of FRISIAN_STOPWORDS) set.add(word);
  }
  cache.set(language, set);
  return set;
}
