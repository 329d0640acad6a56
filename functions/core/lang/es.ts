import { lazy } from '../lazy';
import { STOPWORDS_ISO } from '../stopword-data';
import { partialPack, phrases, words } from './types';

/** Spanish: detected and given keywords; few word classes of its own yet. */
export const es = /* @__PURE__ */ lazy(() =>
  partialPack({
    code: 'es',
    stemmer: 'spanish',
    stopwords: new Set(STOPWORDS_ISO.es()),
    newsWords: words('hora horas día días semana mes año años por ciento euros millones hoy ayer'),
    functionWords: words(`
    el la los las un una unos unas de del al y e o u en que por con para sin sobre entre se no es son fue su sus
    lo como más pero muy ya también este esta estos estas ha han
  `),
    // With the Portuguese ones, which have no pack of their own: "Lula da Silva", "dos Santos".
    nameParticles: words('de del la da dos das'),
    neverEntities: words('no'),
    negations: words('no nunca'),
    prepositions: words(`a ante bajo con contra de desde durante en entre hacia hasta para por según sin sobre tras`),
    boilerplateLabels: words('vídeo foto fotos publicidad'),
    linkOpeners: phrases('leer más, lea también, compartir'),
    skipLinks: phrases('saltar al contenido, ir al contenido, saltar al contenido principal'),
    bylineOpeners: words('por'),
    creditWords: words('foto fuente'),
    noticeWords: words('cookie cookies consentimiento javascript navegador boletín suscríbete clic'),
    addressPronouns: words('usted tu tus su sus nosotros nuestro nuestra'),
    coordinators: words('y e o'),
  }),
);
