import { useQuery } from '@apollo/client';
import { Button, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PolicyChoiceDocument } from '../../gql/graphql';
import { PolicyCards } from './PolicyCards';
import { PolicyTuning } from './PolicyTuning';

/**
 * Choose a policy from the cards, then tune and save it beside its preview. The chosen policy is in the address
 * (?policy=winery), so a reload or the back button keeps the step.
 */
export function PolicySetUp({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('policy');
  const [search, setSearch] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(PolicyChoiceDocument, { fetchPolicy: 'network-only' });
  if (loading && !data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!data) return <ErrorNotice error={error} />;
  const choices = data.policies.filter((policy) => policy.status === 'LOADED');
  // The custom policy's newest kept version is the one selectPolicy takes.
  const chosen = choices.filter((policy) => policy.id === search.get('policy')).at(-1);
  if (!chosen) {
    return (
      <>
        <Typography.Title level={2}>{t('chooseTitle')}</Typography.Title>
        <PolicyCards policies={choices} current={data.tenant?.policyChosenAt ? data.tenant.policy?.policyId : undefined}
          onChoose={(policy) => setSearch({ policy: policy.id })}
        />
      </>
    );
  }
  return (
    <>
      <Typography.Title level={2}>{t('tuneTitle')}</Typography.Title>
      <Button type="link" onClick={() => setSearch({})} style={{ paddingInline: 0, marginBottom: 8 }}>{t('back')}</Button>
      <PolicyTuning key={`${chosen.id}@${chosen.version}`} policy={chosen} data={data}
        onSaved={() => void refetch().then(onSaved)}
      />
    </>
  );
}
