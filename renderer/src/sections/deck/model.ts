import type { MethodOutput } from '../../api';
import type { Key } from '../../i18n';

export type DeckSlide = MethodOutput<'deck.get'>['slides'][number];
export type DeckOutline = MethodOutput<'deck.get'>;

export const kindKey = (kind: DeckSlide['kind']) => `deck.kind.${kind}` as Key;
