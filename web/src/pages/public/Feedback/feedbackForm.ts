import type { FeedbackFormQuery } from '../../../gql/graphql';

/**
 * The largest attachment the form sends: the request must stay within the API's 1 MiB (GraphQL:MaxRequestBytes), and
 * base64 makes a file a third larger.
 */
export const maxAttachmentBytes = 700 * 1024;

interface CategoryGroup {
  label: string;
  title: string;
  options: { value: string; label: string }[];
}

/**
 * The tenant's categories as a customer picks one: the leaves, grouped under their top-level category, in the
 * customer's language. A top-level category without children is an option of its own group.
 */
export function categoryOptions(categories: FeedbackFormQuery['categories'], chinese: boolean): CategoryGroup[] {
  const name = (c: FeedbackFormQuery['categories'][number]) => (chinese ? c.nameZh : c.nameEn);
  const parents = new Set(categories.map((c) => c.parentCode).filter(Boolean));
  const groups = new Map<string, CategoryGroup>();
  for (const top of categories.filter((c) => !c.parentCode)) {
    groups.set(top.code, { label: name(top), title: name(top), options: [] });
  }
  for (const category of categories.filter((c) => !parents.has(c.code))) {
    const top = category.code.split('/')[0] ?? category.code;
    const group = groups.get(top);
    if (!group) continue;
    const path = categories.filter((c) => category.code.startsWith(`${c.code}/`) && c.code !== top).map(name);
    group.options.push({ value: category.code, label: [...path, name(category)].join(' / ') });
  }
  return [...groups.values()].filter((group) => group.options.length > 0);
}

/**
 * The form field an API error names (extensions.field without "input."): intake names the customer as
 * customer.name and customer.contact, and the one attachment the form sends is attachments[0].
 */
export function formFieldOf(apiField: string): string {
  if (apiField.startsWith('attachments')) return 'attachment';
  return { 'customer.name': 'customerName', 'customer.contact': 'contact' }[apiField] ?? apiField;
}
