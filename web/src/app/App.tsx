import { ApolloProvider } from '@apollo/client';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { apolloClient } from './apollo';
import { router } from './router';

/**
 * antd's colours, darkened where its defaults read below WCAG's 4.5:1 contrast on white (axe-core's color-contrast
 * rule): the primary blue and links (hovered too: the pointer often rests on what was just clicked), the error red,
 * and secondary, description and placeholder text.
 */
const readableColours = {
  colorPrimary: '#0958d9',
  colorPrimaryHover: '#003eb3',
  colorLink: '#0958d9',
  colorLinkHover: '#003eb3',
  colorError: '#cf1322',
  colorErrorHover: '#a8071a',
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
};

export function App() {
  const { i18n } = useTranslation();
  return (
    // No space forced between two Chinese characters of a button (登 录): labels read as written.
    <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: readableColours }}>
      <ApolloProvider client={apolloClient}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </ConfigProvider>
  );
}
