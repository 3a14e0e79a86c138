import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseCampaignConfig } from '../properties/campaignConfig.ts';
import { fieldsAt, withFieldHints } from './unknownFieldHint.ts';

const schema = v.strictObject({
  name: v.string(),
  campaign: v.optional(v.strictObject({ runs: v.optional(v.number()), seed: v.optional(v.number()) })),
  servers: v.array(v.strictObject({ capacity: v.number() })),
});

describe('unknown field hints', () => {
  it('finds the fields the schema knows at a place, through optional wrappers and lists', () => {
    expect(fieldsAt(schema, [])).toEqual(['name', 'campaign', 'servers']);
    expect(fieldsAt(schema, ['campaign'])).toEqual(['runs', 'seed']);
    expect(fieldsAt(schema, ['servers', '3'])).toEqual(['capacity']);
    expect(fieldsAt(schema, ['nowhere'])).toBeNull();
  });

  it('adds a did-you-mean to an unknown field only, when one is close', () => {
    const issues = withFieldHints(schema, [
      { path: 'campaign.rnus', expected: 'no such field', received: '"rnus"' },
      { path: 'servers.0.capacty', expected: 'no such field', received: '"capacty"' },
      { path: 'meteor', expected: 'no such field', received: '"meteor"' },
      { path: 'campaign.runs', expected: 'a number', received: '"x"' },
    ]);
    expect(issues.map((i) => i.expected)).toEqual(['no such field (did you mean runs?)', 'no such field (did you mean capacity?)', 'no such field', 'a number']);
  });

  it('in a campaign config', () => {
    expect(() => parseCampaignConfig({ name: 'x', sweep: { properties: ['storage-unaffected'], grid: { healing: ['serial'], concurency: [2] } } }, 'c.json')).toThrow(
      'c.json: sweep.grid.concurency: expected no such field (did you mean concurrency?), found "concurency"',
    );
  });
});
