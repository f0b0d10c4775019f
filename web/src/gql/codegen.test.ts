import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

describe('the generated operations', () => {
  it('are what graphql-codegen makes of schema.graphql and the .graphql documents now (run npm run codegen)', async () => {
    const outputs = await generate(config, false);
    for (const { filename, content } of outputs) {
      expect(readFileSync(filename, 'utf8'), filename).toBe(content);
    }
  }, 60_000);
});
