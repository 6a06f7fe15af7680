// The UI catalogue. Every string the user sees comes from here; one folder per language,
// one file per area. A second language is a second folder with the same shape.
// `t` is a namespace re-export, never a plain object, so each lazy chunk carries only the areas it reads.
export * as t from './ru';
