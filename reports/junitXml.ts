/**
 * JUnit XML for CI test views (GitHub, GitLab, Jenkins, Buildkite): one testcase per property
 * (and variant). A property that fails as expected is a pass, with a note in system-out.
 * Built with fast-xml-parser's XMLBuilder, which escapes text and attributes; characters that
 * XML 1.0 cannot carry at all (most control characters) are dropped first. The library is
 * loaded only when JUnit XML is asked for: every command would otherwise pay its ~60 ms.
 */
import { createRequire } from 'node:module';
import type { XMLBuilder as XMLBuilderClass } from 'fast-xml-parser';
import { ciVerdicts, incompleteNote } from './ciVerdicts.ts';
import type { CampaignSummary } from './summary.ts';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const text = (s: string) => s.replace(NOT_XML, '');
const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitXml(summary: CampaignSummary, outDir: string): string {
  const verdicts = ciVerdicts(summary, outDir);
  const incomplete = incompleteNote(summary);
  const testcases: object[] = verdicts.map((v) => ({
    '@_name': text(v.name),
    '@_classname': `fabric-verify.${text(summary.campaign.name)}`,
    '@_time': seconds(v.property.durationMs),
    ...(v.passed ? { 'system-out': text(`${v.message}\n${v.details}`) } : { failure: { '@_message': text(v.message), '@_type': 'verdict-mismatch', '#text': text(v.details) } }),
  }));
  // An interrupted campaign is an error of its own, so a CI view does not show it green.
  if (incomplete) testcases.push({ '@_name': 'campaign complete', '@_classname': `fabric-verify.${text(summary.campaign.name)}`, '@_time': '0.000', error: { '@_message': incomplete, '@_type': 'interrupted' } });
  const failures = verdicts.filter((v) => !v.passed).length;
  const errors = incomplete ? 1 : 0;
  const counts = { '@_tests': String(testcases.length), '@_failures': String(failures), '@_errors': String(errors), '@_skipped': '0', '@_time': seconds(summary.durationMs) };
  const properties = [
    ['seed', String(summary.campaign.seed)],
    ['runs', summary.campaign.runs === null ? 'each property its own' : String(summary.campaign.runs)],
    ['shard', summary.campaign.shard ? `${summary.campaign.shard.index}/${summary.campaign.shard.count}` : 'none'],
    ['complete', String(summary.complete)],
  ];
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': `fabric-verify: ${text(summary.campaign.name)}`,
      ...counts,
      testsuite: {
        '@_name': text(summary.campaign.name),
        ...counts,
        properties: { property: properties.map(([name, value]) => ({ '@_name': name, '@_value': value })) },
        testcase: testcases,
      },
    },
  };
  const { XMLBuilder } = createRequire(import.meta.url)('fast-xml-parser') as { XMLBuilder: typeof XMLBuilderClass };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false }).build(document);
}
