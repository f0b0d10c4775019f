import { describe, expect, it } from 'vitest';
import { refreshDelayMs, tokenExpiry } from './session';

const tokenWith = (claims: object) => `header.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.signature`;

describe('the session', () => {
  it('reads when the token expires from its exp claim', () => {
    expect(tokenExpiry(tokenWith({ exp: 1_800_000_000 }))).toEqual(new Date(1_800_000_000_000));
  });

  it('cannot tell the expiry of a token that is not a JWT', () => {
    expect(tokenExpiry('not-a-token')).toBeNull();
  });

  it('refreshes an 8-hour token after 80 % of its life', () => {
    const now = new Date('2026-12-06T08:00:00Z');
    expect(refreshDelayMs(new Date('2026-12-06T16:00:00Z'), now)).toBe(0.8 * 8 * 3600_000);
  });

  it('refreshes a token a minute before it expires at the latest', () => {
    const now = new Date('2026-12-06T08:00:00Z');
    expect(refreshDelayMs(new Date('2026-12-06T08:03:00Z'), now)).toBe(2 * 60_000);
  });

  it('refreshes a token about to expire at once', () => {
    const now = new Date('2026-12-06T08:00:00Z');
    expect(refreshDelayMs(new Date('2026-12-06T08:00:30Z'), now)).toBe(0);
  });
});
