import { calendarNames } from './calendar';
import type { BoilerplateLexicon } from './content';
import { stopwordsFor } from './stopwords';

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/u));

const LABELS: Record<string, string> = {
  nl: "video audio foto foto's fotoserie advertentie reclame gesponsord liveblog update",
  en: 'video audio photo photos advertisement sponsored live update',
  de: 'video audio foto fotos bild bilder anzeige werbung liveblog',
  fr: 'vidéo audio photo photos publicité sponsorisé direct',
  fy: "fideo audio foto foto's advertinsje",
  es: 'vídeo foto fotos publicidad',
  it: 'video foto pubblicità',
};
const LINK_OPENERS: Record<string, string[]> = {
  nl: ['lees ook', 'lees meer', 'lees verder', 'meer lezen', 'bekijk ook', 'bekijk de', 'deel dit', 'delen', 'deel'],
  en: ['read more', 'read also', 'see also', 'related', 'watch', 'share this', 'share'],
  de: ['lesen sie auch', 'lesen sie mehr', 'mehr zum thema', 'weiterlesen', 'teilen'],
  fr: ['lire aussi', 'à lire aussi', 'voir aussi', 'lire la suite', 'partager'],
  fy: ['lês ek', 'lês mear', 'diel'],
  es: ['leer más', 'lea también', 'compartir'],
  it: ['leggi anche', 'condividi'],
};
const BYLINE_OPENERS: Record<string, string> = {
  nl: 'door',
  en: 'by',
  de: 'von',
  fr: 'par',
  fy: 'troch',
  es: 'por',
  it: 'di',
};
const CREDIT_WORDS: Record<string, string> = {
  nl: 'foto beeld fotografie bron copyright credit',
  en: 'photo picture image credit copyright source',
  de: 'foto bild quelle copyright',
  fr: 'photo crédit source copyright',
  fy: 'foto byld boarne',
  es: 'foto fuente',
  it: 'foto fonte',
};
const SHARE_TARGETS = words(
  'facebook twitter x whatsapp linkedin e-mail email mail pinterest reddit telegram messenger',
);
const LANGUAGES = Object.keys(LABELS);

const cache = new Map<string, BoilerplateLexicon>();

/** The classifier's words for a language; for an undetermined one, those of every language. */
export function boilerplateLexicon(language: string): BoilerplateLexicon {
  const cached = cache.get(language);
  if (cached) return cached;
  const codes = language in LABELS ? [language] : LANGUAGES;
  const union = (table: Record<string, string>) => words(codes.map((code) => table[code] ?? '').join(' '));
  const lexicon: BoilerplateLexicon = {
    stopwords: stopwordsFor(language),
    calendar: calendarNames(LANGUAGES),
    labels: union(LABELS),
    linkOpeners: codes.flatMap((code) => LINK_OPENERS[code] ?? []),
    bylineOpeners: union(BYLINE_OPENERS),
    creditWords: union(CREDIT_WORDS),
    shareTargets: SHARE_TARGETS,
  };
  cache.set(language, lexicon);
  return lexicon;
}
