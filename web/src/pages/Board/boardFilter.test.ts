import { describe, expect, it } from 'vitest';
import { openStatuses, readFilters, toComplaintFilter, writeFilters } from './boardFilter';

describe('the board filter', () => {
  it('asks for every open status when none is chosen, never a closed complaint', () => {
    const filter = toComplaintFilter(readFilters(new URLSearchParams()));
    expect(filter.status).toEqual(openStatuses);
    expect(filter.status).not.toContain('CLOSED');
  });

  it('keeps its choices in the address, so a reload or a log-in keeps them', () => {
    const params = writeFilters({ status: ['RECEIVED'], grade: ['URGENT'], owner: 'MINE', channel: ['PHONE'], kind: ['COMPLAINT'], q: ' kettle ' });
    expect(params.toString()).toBe('status=RECEIVED&grade=URGENT&owner=MINE&channel=PHONE&kind=COMPLAINT&q=kettle');
    expect(toComplaintFilter(readFilters(params))).toEqual({
      status: ['RECEIVED'], grade: ['URGENT'], owner: 'MINE', channel: ['PHONE'], kind: ['COMPLAINT'], search: 'kettle',
    });
  });

  it('ignores values in the address the API does not know', () => {
    expect(readFilters(new URLSearchParams('status=CLOSED&owner=EVERYBODY&channel=FAX'))).toMatchObject({ status: [], owner: null, channel: [] });
  });
});
