import type { IntakeCategoriesQuery } from '../../gql/graphql';

export interface CategoryNode {
  value: string;
  title: string;
  children: CategoryNode[];
}

/** The tenant's categories as a tree (by parentCode), each titled in the user's language with its code. */
export function categoryTree(categories: IntakeCategoriesQuery['categories'], chinese: boolean): CategoryNode[] {
  const nodes = new Map(categories.map((c) => [c.code, { value: c.code, title: `${chinese ? c.nameZh : c.nameEn} (${c.code})`, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const category of categories) {
    const node = nodes.get(category.code)!;
    const parent = category.parentCode ? nodes.get(category.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
