import type { FeedbackFormQuery } from '../../../gql/graphql';

/**
 * The largest attachment the form sends: the request must stay within the API's 1 MiB (GraphQL:MaxRequestBytes), and
 * base64 makes a file a third larger.
 */
export const maxAttachmentBytes = 700 * 1024;

/**
 * The tenant's categories as a customer picks one: the leaves of the tree, each named with its path in the customer's
 * language ("Product / Malfunction"). A flat list rather than antd's option groups, whose group rows carry
 * aria-selected on a presentation role (axe-core's aria-allowed-attr).
 */
export function categoryOptions(categories: FeedbackFormQuery['categories'], chinese: boolean): { value: string; label: string }[] {
  const names = new Map(categories.map((c) => [c.code, chinese ? c.nameZh : c.nameEn]));
  const parents = new Set(categories.map((c) => c.parentCode).filter(Boolean));
  return categories
    .filter((c) => !parents.has(c.code))
    .map((c) => ({
      value: c.code,
      label: c.code.split('/').map((_, i, segments) => names.get(segments.slice(0, i + 1).join('/')) ?? segments[i]).join(' / '),
    }));
}

/**
 * The form field an API error names (extensions.field without "input."): intake names the customer as
 * customer.name and customer.contact, and the one attachment the form sends is attachments[0].
 */
export function formFieldOf(apiField: string): string {
  if (apiField.startsWith('attachments')) return 'attachment';
  return { 'customer.name': 'customerName', 'customer.contact': 'contact' }[apiField] ?? apiField;
}
