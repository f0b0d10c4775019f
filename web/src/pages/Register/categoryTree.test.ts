import { describe, expect, it } from 'vitest';
import { categoryTree } from './categoryTree';

describe('the category picker', () => {
  it('nests each category under its parent, named in the user language', () => {
    const tree = categoryTree([
      { code: 'product', parentCode: null, nameZh: '产品', nameEn: 'Product' },
      { code: 'product/malfunction', parentCode: 'product', nameZh: '故障', nameEn: 'Malfunction' },
      { code: 'logistics', parentCode: null, nameZh: '物流', nameEn: 'Logistics' },
    ], true);

    expect(tree.map((node) => node.value)).toEqual(['product', 'logistics']);
    expect(tree[0]!.children).toEqual([{ value: 'product/malfunction', title: '故障 (product/malfunction)', children: [] }]);
  });
});
