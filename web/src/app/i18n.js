// Vietnamese is the operators' working language and the default; English is one click away. Each module registers
// its own strings (register({vi: {...}, en: {...}})) so that no two modules edit one dictionary.

const dictionaries = { vi: {}, en: {} };
const listeners = new Set();
const storageKey = 'twin.language';

let language = localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';

/** Adds a module's strings: `{vi: {key: text}, en: {key: text}}`. A key missing in English falls back to Vietnamese. */
export function register(strings) {
  for (const lang of Object.keys(dictionaries)) Object.assign(dictionaries[lang], strings[lang] ?? {});
}

/** The text of `key` in the current language, with `{name}` placeholders filled from `values`. */
export function t(key, values) {
  const text = dictionaries[language][key] ?? dictionaries.vi[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`)) : text;
}

export function currentLanguage() {
  return language;
}

/** Switches language, updates `<html lang>` and every `[data-i18n]` element, and tells listeners to re-render. */
export function setLanguage(next) {
  if (next !== 'vi' && next !== 'en') throw new Error(`unknown language ${next}`);
  language = next;
  localStorage.setItem(storageKey, next);
  applyToDocument();
  for (const listener of listeners) listener(next);
}

/** Calls `listener(language)` after every switch; returns a function that stops it. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills every element with `data-i18n="key"` (text) or `data-i18n-title` / `data-i18n-placeholder` (attributes). */
export function applyToDocument(root = document) {
  document.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.title = t(element.dataset.i18nTitle);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = t(element.dataset.i18nPlaceholder);
}
