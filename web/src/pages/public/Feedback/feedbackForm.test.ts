import { describe, expect, it } from 'vitest';
import { categoryOptions, formFieldOf } from './feedbackForm';

const categories = [
  { code: 'logistics', parentCode: null, nameZh: '物流', nameEn: 'Logistics' },
  { code: 'logistics/delay', parentCode: 'logistics', nameZh: '延误', nameEn: 'Delay' },
  { code: 'product', parentCode: null, nameZh: '产品', nameEn: 'Product' },
  { code: 'product/quality', parentCode: 'product', nameZh: '质量', nameEn: 'Quality' },
  { code: 'product/quality/taste', parentCode: 'product/quality', nameZh: '口感', nameEn: 'Taste' },
  { code: 'service', parentCode: null, nameZh: '服务', nameEn: 'Service' },
];

describe('the feedback form', () => {
  it('offers the leaves of the tree, each named with its path in the language', () => {
    expect(categoryOptions(categories, true)).toEqual([
      { value: 'logistics/delay', label: '物流 / 延误' },
      { value: 'product/quality/taste', label: '产品 / 质量 / 口感' },
      { value: 'service', label: '服务' },
    ]);
  });

  it('shows an API error under the field the customer filled in', () => {
    expect(['customer.contact', 'customer.name', 'attachments[0].base64', 'category'].map(formFieldOf))
      .toEqual(['contact', 'customerName', 'attachment', 'category']);
  });
});
