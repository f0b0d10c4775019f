import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../app/i18n';
import type { ComplaintPageFragment } from '../../gql/graphql';
import { ActionBar } from './ActionBar';

function renderBar(allowedActions: ComplaintPageFragment['allowedActions'], refusedActions: ComplaintPageFragment['refusedActions']) {
  const complaint = { id: 'c1', allowedActions, refusedActions } as ComplaintPageFragment;
  render(<ActionBar context={{ complaint, grades: [], roles: [] }} />);
}

describe('the action bar', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en-US');
  });

  afterEach(cleanup);

  it('shows a button for each action the API allows and none for the others', () => {
    renderBar(['ACKNOWLEDGE', 'ADD_NOTE'], [{ action: 'RESOLVE', code: 'INVALID_TRANSITION', message: 'Cannot resolve a complaint that is RECEIVED.' }]);

    expect(screen.getByTestId('action-ACKNOWLEDGE').textContent).toBe('Acknowledge');
    expect(screen.getByTestId('action-ADD_NOTE').textContent).toBe('Add note');
    expect(screen.queryByTestId('action-RESOLVE')).toBeNull();
    expect(screen.queryByText(/Cannot resolve/)).toBeNull();
  });

  it('says once, in the API’s words, why the user may not do what the state allows', () => {
    const message = 'Viewers can read complaints but not change them.';
    renderBar([], [
      { action: 'ACKNOWLEDGE', code: 'FORBIDDEN', message },
      { action: 'ADD_NOTE', code: 'FORBIDDEN', message },
    ]);

    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(screen.getByTestId('refused-ACKNOWLEDGE').hasAttribute('disabled')).toBe(true);
  });
});
