import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The service this console talks to in development (`npm run dev`): ./run.sh's default address.
const service = process.env.COMPLAINTCLOUD_URL ?? 'http://127.0.0.1:5080';
const initialBudgetBytes = 300 * 1024;

/**
 * Prints the gzip size of the JavaScript a browser loads before the first screen (the entry chunk and the chunks it
 * imports statically) and fails the build above the budget; routes and their pages load lazily and are not counted.
 */
function initialScriptBudget(): Plugin {
  let outDir = 'dist';
  return {
    name: 'initial-script-budget',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'index');
      if (entry?.type !== 'chunk') return;
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (initial.has(fileName) || chunk?.type !== 'chunk') return;
        initial.add(fileName);
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const gzipBytes = [...initial].reduce((sum, fileName) => sum + gzipSync(readFileSync(join(outDir, fileName))).length, 0);
      const kilobytes = (gzipBytes / 1024).toFixed(1);
      console.log(`initial JavaScript: ${kilobytes} KB gzip in ${initial.size} files (budget ${initialBudgetBytes / 1024} KB)`);
      if (gzipBytes > initialBudgetBytes) {
        throw new Error(`Initial JavaScript is ${kilobytes} KB gzip, over the ${initialBudgetBytes / 1024} KB budget.`);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), initialScriptBudget()],
  // initialScriptBudget judges what matters, the gzip size of the first load; a lazily loaded chunk may be larger.
  build: {
    chunkSizeWarningLimit: 1024,
    // The console, and GraphiQL for GET /graphql (the service serves both from dist/).
    rolldownOptions: { input: { index: 'index.html', graphiql: 'graphiql.html' } },
  },
  server: {
    proxy: {
      '/graphql': { target: service, ws: true },
      // The exports only: /reports itself is the console's screen.
      '^/reports/': service,
    },
  },
  test: {
    environment: 'jsdom',
  },
});
