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
  it('offers the leaves of the tree grouped under their top-level category, named in the language', () => {
    expect(categoryOptions(categories, true)).toEqual([
      { label: '物流', title: '物流', options: [{ value: 'logistics/delay', label: '延误' }] },
      { label: '产品', title: '产品', options: [{ value: 'product/quality/taste', label: '质量 / 口感' }] },
      { label: '服务', title: '服务', options: [{ value: 'service', label: '服务' }] },
    ]);
  });

  it('shows an API error under the field the customer filled in', () => {
    expect(['customer.contact', 'customer.name', 'attachments[0].base64', 'category'].map(formFieldOf))
      .toEqual(['contact', 'customerName', 'attachment', 'category']);
  });
});
