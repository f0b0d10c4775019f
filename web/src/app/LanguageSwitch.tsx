import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language')}
      value={i18n.language as Language}
      onChange={chooseLanguage}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
