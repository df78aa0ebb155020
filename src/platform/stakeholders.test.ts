import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByGroup, stakeholderLabel, taxonomies } from './stakeholders.ts';
import { loadConfig } from './config.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const t = (key: string) => key;

test("the default taxonomy keeps academia apart; the IGF's five fold it into the technical community", () => {
  assert.deepEqual(taxonomies.six.groups, ['government', 'intergovernmental', 'civil_society', 'private_sector', 'technical_community', 'academia']);
  assert.deepEqual(taxonomies.igf.groups, ['government', 'intergovernmental', 'civil_society', 'private_sector', 'technical_community']);
  const stored = ['academia', 'technical_community', 'civil_society', 'academia'];
  assert.deepEqual(Object.fromEntries(countByGroup(taxonomies.six, stored)), {
    government: 0, intergovernmental: 0, civil_society: 1, private_sector: 0, technical_community: 1, academia: 2,
  });
  assert.deepEqual(Object.fromEntries(countByGroup(taxonomies.igf, stored)), {
    government: 0, intergovernmental: 0, civil_society: 1, private_sector: 0, technical_community: 3,
  });
  // Stored values keep their meaning: academia is named as what it counts as.
  assert.equal(stakeholderLabel(taxonomies.six, t, 'academia'), 'common.stakeholder.academia');
  assert.equal(stakeholderLabel(taxonomies.igf, t, 'academia'), 'common.stakeholder.technical_and_academic');
  assert.equal(stakeholderLabel(taxonomies.igf, t, 'technical_community'), 'common.stakeholder.technical_and_academic');
  assert.equal(stakeholderLabel(taxonomies.igf, t, 'government'), 'common.stakeholder.government');
});

test('the taxonomy is one setting away: STAKEHOLDER_GROUPS=igf', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-taxonomy-'));
  assert.equal(loadConfig({ CABILDO_DATA_DIR: dataDir }).stakeholders.name, 'six');
  assert.equal(loadConfig({ CABILDO_DATA_DIR: dataDir, STAKEHOLDER_GROUPS: 'igf' }).stakeholders.name, 'igf');
  assert.throws(() => loadConfig({ CABILDO_DATA_DIR: dataDir, STAKEHOLDER_GROUPS: 'seven' }), /STAKEHOLDER_GROUPS/);
});
