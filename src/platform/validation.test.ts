import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webAddress } from './validation.ts';

test('a web address typed without https:// is read as https, and nonsense is still refused', () => {
  const read = (typed: string) => webAddress.safeParse(typed);
  assert.equal(read('www.igf.uy').data, 'https://www.igf.uy');
  assert.equal(read('  igf.uy/foro-2026?lang=es ').data, 'https://igf.uy/foro-2026?lang=es');
  assert.equal(read('//igf.uy').data, 'https://igf.uy');
  assert.equal(read('http://igf.uy').data, 'http://igf.uy');
  assert.equal(read('https://gobernanzainternet.co').data, 'https://gobernanzainternet.co');
  for (const wrong of ['gobernanza', 'javascript:alert(1)', 'ftp://igf.uy', 'www igf uy', 'mailto:a@b.org']) {
    assert.equal(read(wrong).success, false, wrong);
  }
});
