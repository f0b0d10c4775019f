import { describe, expect, it } from 'vitest';
import { localeResources, preferredLanguage } from './i18n';

describe('the language', () => {
  it('is Chinese when the browser prefers Chinese', () => {
    expect(preferredLanguage(['zh-TW', 'en-US'], null)).toBe('zh-CN');
  });

  it('is English when the browser prefers English', () => {
    expect(preferredLanguage(['en-GB', 'zh-CN'], null)).toBe('en-US');
  });

  it('is English when the browser prefers neither', () => {
    expect(preferredLanguage(['fr-FR'], null)).toBe('en-US');
  });

  it('is the one the user chose, whatever the browser prefers', () => {
    expect(preferredLanguage(['zh-CN'], 'en-US')).toBe('en-US');
  });
});

describe('the labels', () => {
  it('exist in both languages for every key', () => {
    const keys = (labels: object, prefix = ''): string[] =>
      Object.entries(labels).flatMap(([key, value]) =>
        typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]);
    const resources = localeResources();
    const namespaces = new Set([...Object.keys(resources['zh-CN']!), ...Object.keys(resources['en-US']!)]);
    for (const namespace of namespaces) {
      const labels = (language: string) => (resources[language]?.[namespace] ?? {}) as object;
      expect(keys(labels('zh-CN')).sort(), namespace).toEqual(keys(labels('en-US')).sort());
    }
  });
});
