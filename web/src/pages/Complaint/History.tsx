import { Timeline, Typography } from 'antd';
import type { ComplaintPageFragment } from '../../gql/graphql';
import type { PeopleById } from './ComplaintPage';

type Event = ComplaintPageFragment['history'][number];

// What an entry says beside its type: the reason, summary or message it was recorded with, when it has one.
function said(event: Event): string | undefined {
  const after = (event.data as { after?: Record<string, unknown> } | null)?.after;
  const details = after?.details as Record<string, unknown> | undefined;
  const text = [after?.reason, after?.summary, details?.reason, details?.summary, details?.message, after?.text].find((v) => typeof v === 'string');
  return text as string | undefined;
}

/** The append-only audit trail, oldest first. */
export function History({ events, people }: { events: Event[]; people: PeopleById }) {
  return (
    <Timeline
      data-testid="complaint-history"
      items={events.map((event) => ({
        key: event.id,
        children: (
          <div data-testid="history-entry" data-type={event.type}>
            <Typography.Text strong>{event.type}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {new Date(event.at).toLocaleString()}{event.actorId ? ` · ${people.get(event.actorId) ?? event.actorId}` : ''}
            </Typography.Text>
            {said(event) && <div>{said(event)}</div>}
          </div>
        ),
      }))}
    />
  );
}
