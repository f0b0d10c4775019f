import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'complaintcloud.language';

// Every src/locales/<language>/<namespace>.json is a namespace: a page adds its own file and nothing here changes.
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { eager: true, import: 'default' });

export function localeResources(): Resource {
  const resources: Resource = {};
  for (const [path, labels] of Object.entries(files)) {
    const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (language && namespace) {
      resources[language] = { ...resources[language], [namespace]: labels };
    }
  }
  return resources;
}

/** The user's earlier choice, else Chinese when the browser prefers it over English, else English. */
export function preferredLanguage(browserLanguages: readonly string[], stored: string | null): Language {
  if (stored === 'zh-CN' || stored === 'en-US') return stored;
  const first = browserLanguages.find((tag) => /^(zh|en)\b/i.test(tag));
  return first?.toLowerCase().startsWith('en') ? 'en-US' : first ? 'zh-CN' : 'en-US';
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

const initial = preferredLanguage(navigator.languages, localStorage.getItem(storageKey));
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: localeResources(),
  lng: initial,
  fallbackLng: 'en-US',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

export default i18n;
