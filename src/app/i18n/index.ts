// The UI catalogue. Every string the user sees comes from here; one folder per language,
// one file per area. A second language is a second folder with the same shape (type-checked).
import { ru } from './ru';

export type Catalogue = typeof ru;

export const t: Catalogue = ru;
