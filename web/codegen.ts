import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the checked-in schema; src/gql is generated, never edited (codegen.test.ts checks it is current).
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'number', JSON: 'unknown', ID: 'string' },
      },
    },
  },
};

export default config;
