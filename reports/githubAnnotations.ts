/**
 * GitHub Actions workflow commands (`::error file=…,title=…::message`): each verdict that
 * differs from its expectation becomes an annotation on the run's summary page, and each
 * property failing as expected a `::notice`. Escaped as the runner's own toolkit escapes
 * (percent-encoding of %, CR, LF, and in properties also `:` and `,`).
 */
import { ciVerdicts, incompleteNote } from './ciVerdicts.ts';
import type { CampaignSummary } from './summary.ts';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(kind: 'error' | 'notice', properties: Readonly<Record<string, string>>, message: string): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${kind}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function githubAnnotations(summary: CampaignSummary, outDir: string): string[] {
  const lines = ciVerdicts(summary, outDir).flatMap((v) => {
    if (!v.passed) return [command('error', { title: `fabric-verify: ${v.name}`, ...(v.counterexampleFile ? { file: v.counterexampleFile } : {}) }, `${v.message}\n${v.details}`)];
    return v.property.expected === 'fails' ? [command('notice', { title: `fabric-verify: ${v.name}` }, v.message)] : [];
  });
  const incomplete = incompleteNote(summary);
  return incomplete ? [...lines, command('error', { title: 'fabric-verify: interrupted' }, incomplete)] : lines;
}
