import { ApolloProvider } from '@apollo/client';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { apolloClient } from './apollo';
import { router } from './router';

export function App() {
  const { i18n } = useTranslation();
  return (
    // No space forced between two Chinese characters of a button (登 录): labels read as written.
    <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS} button={{ autoInsertSpace: false }}>
      <ApolloProvider client={apolloClient}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </ConfigProvider>
  );
}
