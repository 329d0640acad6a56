import { lazy } from '../lazy';
import { STOPWORDS_ISO } from '../stopword-data';
import { partialPack, phrases, words } from './types';

/** Italian: detected and given keywords; few word classes of its own yet. */
export const it = /* @__PURE__ */ lazy(() =>
  partialPack({
    code: 'it',
    stemmer: 'italian',
    stopwords: new Set(STOPWORDS_ISO.it()),
    newsWords: words('ora ore giorno giorni settimana mese anno anni per cento euro milioni oggi ieri'),
    functionWords: words(`
    il lo la i gli le un uno una di del dello della dei degli delle e ed o in nel nella che per con su non si è
    sono al alla come più ma anche questo questa ha hanno
  `),
    nameParticles: words('di da del'),
    neverEntities: words('no'),
    negations: words('non mai'),
    prepositions: words(`a da di in con su per tra fra dopo prima durante senza verso`),
    boilerplateLabels: words('video foto pubblicità'),
    linkOpeners: phrases('leggi anche, condividi'),
    skipLinks: phrases('vai al contenuto, salta al contenuto, vai al contenuto principale'),
    bylineOpeners: words('di'),
    creditWords: words('foto fonte'),
    noticeWords: words('cookie cookies consenso javascript browser newsletter iscriviti clicca'),
    addressPronouns: words('tu tuo tua voi vostro vostra noi nostro nostra'),
    coordinators: words('e o'),
  }),
);
