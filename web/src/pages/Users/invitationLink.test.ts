import { describe, expect, it } from 'vitest';
import { invitationLink } from './invitationLink';

describe('the invitation link', () => {
  it('names the tenant and carries the token, escaped, to the accept-invitation page', () => {
    expect(invitationLink('https://cc.example', 'acme', 'a+b/c=')).toBe('https://cc.example/accept-invitation?tenant=acme&token=a%2Bb%2Fc%3D');
  });
});
