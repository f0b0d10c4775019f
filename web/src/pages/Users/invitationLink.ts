/** The page an invitee opens: the tenant and the one-time token in the address, nothing else. */
export function invitationLink(origin: string, tenantSlug: string, token: string): string {
  const params = new URLSearchParams({ tenant: tenantSlug, token });
  return `${origin}/accept-invitation?${params.toString()}`;
}

/** Platform roles every tenant has; the policy's own roles come from the API. */
export const platformRoles = ['TENANT_ADMIN', 'AGENT', 'VIEWER', 'REPORT_READER'] as const;

export const apiKeyScopes = ['complaints:submit', 'complaints:read'] as const;
