/**
 * SARIF 2.1.0 (the format GitHub code scanning and other static-analysis views read): one
 * rule per catalog property, one result per property checked. A verdict that matches its
 * expectation is a `pass` result (level `none`), so a property failing as expected is not
 * reported as a problem; a mismatch is a `fail` at level `error`, located at its
 * counterexample file (or, with none, at summary.json), which is where a user acts; a pass
 * is located at summary.json.
 */
import { ciVerdicts, incompleteNote, type CiVerdict } from './ciVerdicts.ts';
import type { CampaignSummary } from './summary.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** The report folder as the user named it. */
  readonly outDir: string;
  readonly toolVersion: string;
}

function location(verdict: CiVerdict, outDir: string) {
  const uri = (!verdict.passed && verdict.counterexampleFile) || `${outDir.replace(/\/+$/, '')}/summary.json`;
  return { physicalLocation: { artifactLocation: { uri } } };
}

export function sarifLog(summary: CampaignSummary, options: SarifOptions): object {
  const verdicts = ciVerdicts(summary, options.outDir);
  const ruleIds = [...new Set(verdicts.map((v) => v.property.id))];
  const rules = ruleIds.map((id) => {
    const p = verdicts.find((v) => v.property.id === id)!.property;
    return { id, name: id, shortDescription: { text: p.statement }, fullDescription: { text: `${p.statement} Hypothesis: ${p.hypothesis}` }, defaultConfiguration: { level: 'error' } };
  });
  const incomplete = incompleteNote(summary);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fabric-verify', version: options.toolVersion, informationUri: 'https://www.npmjs.com/package/fabric-verify', rules } },
        automationDetails: { id: `fabric-verify/${summary.campaign.name}/` },
        invocations: [{ executionSuccessful: summary.complete, ...(incomplete ? { toolExecutionNotifications: [{ level: 'error', message: { text: incomplete } }] } : {}) }],
        results: verdicts.map((v) => ({
          ruleId: v.property.id,
          ruleIndex: ruleIds.indexOf(v.property.id),
          kind: v.passed ? 'pass' : 'fail',
          level: v.passed ? 'none' : 'error',
          message: { text: `${v.name}: ${v.message}` },
          // Every result located (code scanning drops one without a location): a pass at summary.json.
          locations: [location(v, options.outDir)],
          partialFingerprints: { 'fabricVerifyProperty/v1': v.name },
          properties: { variant: v.property.variant, expected: v.property.expected, verdict: v.property.verdict, runs: v.property.runs, seed: v.property.seed, path: v.property.path },
        })),
      },
    ],
  };
}
