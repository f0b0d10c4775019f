import type { Channel, ComplaintFilter, ComplaintStatus, FeedbackKind, OwnerFilter } from '../../gql/graphql';

/** Every status but CLOSED: the board shows open complaints, withdrawn ones included until they are closed. */
export const openStatuses: ComplaintStatus[] = [
  'RECEIVED', 'ACKNOWLEDGED', 'ASSIGNED', 'INVESTIGATING', 'RESPONSIBILITY_DECIDED', 'PLAN_PROPOSED', 'PLAN_APPROVED',
  'CUSTOMER_NOTIFIED', 'CUSTOMER_CONFIRMED', 'EXECUTING', 'RESOLVED', 'CALLBACK_DONE', 'REOPENED', 'WITHDRAWN',
];
export const channels: Channel[] = ['PHONE', 'ONLINE_CHAT', 'APP', 'EMAIL', 'SOCIAL_MEDIA', 'IN_STORE', 'SURVEY', 'API'];
export const kinds: FeedbackKind[] = ['COMPLAINT', 'INQUIRY', 'SUGGESTION', 'HELP_REQUEST'];
export const owners: OwnerFilter[] = ['MINE', 'UNASSIGNED'];

/** The board's filters as they stand in the page's address (?status=RECEIVED&status=ASSIGNED&owner=MINE&q=kettle). */
export interface BoardFilters {
  status: ComplaintStatus[];
  grade: string[];
  owner: OwnerFilter | null;
  channel: Channel[];
  kind: FeedbackKind[];
  q: string;
}

const known = <T extends string>(values: readonly T[], given: string[]) => given.filter((value): value is T => values.includes(value as T));

export function readFilters(params: URLSearchParams): BoardFilters {
  const owner = params.get('owner');
  return {
    status: known(openStatuses, params.getAll('status')),
    grade: params.getAll('grade'),
    owner: owners.includes(owner as OwnerFilter) ? (owner as OwnerFilter) : null,
    channel: known(channels, params.getAll('channel')),
    kind: known(kinds, params.getAll('kind')),
    q: params.get('q') ?? '',
  };
}

export function writeFilters(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  filters.status.forEach((value) => params.append('status', value));
  filters.grade.forEach((value) => params.append('grade', value));
  if (filters.owner) params.set('owner', filters.owner);
  filters.channel.forEach((value) => params.append('channel', value));
  filters.kind.forEach((value) => params.append('kind', value));
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params;
}

/** What the API is asked: every open status unless some are chosen; an empty choice is no restriction. */
export function toComplaintFilter(filters: BoardFilters): ComplaintFilter {
  return {
    status: filters.status.length > 0 ? filters.status : openStatuses,
    grade: filters.grade.length > 0 ? filters.grade : null,
    owner: filters.owner,
    channel: filters.channel.length > 0 ? filters.channel : null,
    kind: filters.kind.length > 0 ? filters.kind : null,
    search: filters.q.trim() || null,
  };
}

/** One page of the board: the variables of its query, which the log-in page also sends ahead of the page (app/desk.ts). */
export const pageSize = 20;

export function boardVariables(filters: BoardFilters, after: string | null) {
  return { filter: toComplaintFilter(filters), orderBy: 'NEAREST_DEADLINE' as const, first: pageSize, after };
}
