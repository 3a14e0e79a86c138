/**
 * Chart.js, the page's charting library, inlined from its UMD build so the report draws
 * offline. Read once from node_modules and kept; the same install always gives the same page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let source: string | null = null;

/** The library's script text, ready to sit inside a `<script>` element. */
export function chartLibrarySource(): string {
  if (source !== null) return source;
  // The package exports only its entry points; the UMD build sits beside the CommonJS one.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  const text = readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
  // The source map is not shipped with the page; a dangling reference only makes devtools ask for it.
  const stripped = text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  if (/<\/script|<!--/i.test(stripped)) throw new Error('chart.js: the bundled library contains </script or <!--, which cannot be inlined as is');
  source = stripped;
  return source;
}
