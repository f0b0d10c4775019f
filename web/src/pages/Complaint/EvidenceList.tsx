import { useApolloClient } from '@apollo/client';
import { Button, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EvidenceFileDocument, type ComplaintPageFragment } from '../../gql/graphql';
import type { PeopleById } from './ComplaintPage';

/** Saves an evidence file the API gives as base64 under its own name. */
async function download(client: ReturnType<typeof useApolloClient>, evidenceId: string) {
  const { data } = await client.query({ query: EvidenceFileDocument, variables: { evidenceId }, fetchPolicy: 'network-only' });
  const bytes = Uint8Array.from(atob(data.evidenceFile.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: data.evidenceFile.contentType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: data.evidenceFile.fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export function EvidenceList({ evidence, people }: { evidence: ComplaintPageFragment['evidence']; people: PeopleById }) {
  const { t } = useTranslation('complaint');
  const client = useApolloClient();
  if (evidence.length === 0) return <Empty description={t('noEvidence')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      size="small"
      dataSource={evidence}
      renderItem={(item) => (
        <List.Item
          data-testid="evidence-item"
          actions={item.fileName ? [<Button key="download" size="small" onClick={() => void download(client, item.id)}>{t('download')} {item.fileName}</Button>] : []}
        >
          <List.Item.Meta
            title={<><Tag>{t(`evidenceKindName.${item.kind}`)}</Tag>{item.customerConsent && <Tag color="green">{t('consent')}</Tag>}</>}
            description={<>
              <Typography.Text>{item.text}</Typography.Text>
              <Typography.Text type="secondary"> — {item.addedBy === null ? t('customer') : people.get(item.addedBy) ?? item.addedBy}, {new Date(item.addedAt).toLocaleString()}</Typography.Text>
            </>}
          />
        </List.Item>
      )}
    />
  );
}
