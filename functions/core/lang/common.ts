import { words } from './types';

/**
 * Lexical data of no one language: the names of sharing services, whose runs under an article are its share
 * buttons ("Facebook Twitter WhatsApp E-mail").
 */
export const SHARE_TARGETS = words(
  'facebook twitter x whatsapp linkedin e-mail email mail pinterest reddit telegram messenger',
);
