import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction } from '../../gql/graphql';
import { ActionDialog } from './ActionDialog';
import type { FormContext } from './actionForms';

/**
 * The lifecycle buttons the API allows this user now (allowedActions), and, in the API's words, the actions the
 * complaint's state allows but this user may not do (FORBIDDEN refusals). No rule of the lifecycle is repeated here.
 */
export function ActionBar({ context }: { context: FormContext }) {
  const { t } = useTranslation('complaint');
  const [open, setOpen] = useState<ComplaintAction>();
  const { allowedActions, refusedActions } = context.complaint;
  // The same refusal (a viewer's, say) for several actions is said once.
  const notForYou = new Map<string, typeof refusedActions>();
  for (const refusal of refusedActions.filter(({ code }) => code === 'FORBIDDEN')) {
    notForYou.set(refusal.message, [...(notForYou.get(refusal.message) ?? []), refusal]);
  }

  return (
    <Card title={t('actions')} size="small">
      <Space wrap>
        {allowedActions.map((action) => (
          <Button key={action} type={action === 'ADD_NOTE' ? 'default' : 'primary'} onClick={() => setOpen(action)} data-testid={`action-${action}`}>
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      {notForYou.size > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('notForYou')}</Typography.Text>
          {[...notForYou].map(([message, refusals]) => (
            <div key={message} data-testid="refusal">
              <Space wrap size="small">
                {refusals.map(({ action }) => (
                  <Button key={action} size="small" disabled data-testid={`refused-${action}`}>{t(`action.${action}`)}</Button>
                ))}
                <Typography.Text type="secondary"><strong>FORBIDDEN</strong> {message}</Typography.Text>
              </Space>
            </div>
          ))}
        </div>
      )}
      {open && <ActionDialog key={open} action={open} context={context} onClose={() => setOpen(undefined)} />}
    </Card>
  );
}
