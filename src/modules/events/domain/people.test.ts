import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForSearch } from '../../../platform/text.ts';
import { nameKey, normaliseText, PeopleIndex } from './people.ts';

test('names compare without case, accents, punctuation or extra spaces, in any script', () => {
  assert.equal(normaliseText('  María-José   PÉREZ '), 'maria jose perez');
  assert.equal(normaliseText('NIC.br'), 'nic br');
  assert.equal(normaliseText('Nguyễn Thị Ánh'), 'nguyen thi anh');
  assert.equal(normaliseText('Йосиф Ёлкин'), 'иосиф елкин');
  assert.equal(normaliseText('Ωμέγα'), 'ωμεγα');
  assert.equal(normaliseText('İstanbul Üniversitesi'), 'istanbul universitesi');
  assert.equal(normaliseText(null), '');
  // The fast paths agree with the platform's fold on every kind of text.
  for (const text of ['Fundación Karisma', 'São Paulo', 'Ñandú', 'Ærø', 'Łódź', 'François', 'Zürich', '北京 大学', 'e\u0301tude']) {
    assert.equal(normaliseText(text), foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim(), text);
  }
  for (let code = 0; code < 0x2000; code++) {
    const text = `Ab${String.fromCharCode(code)}cd ${String.fromCharCode(code)}`;
    if (!/\p{Cs}/u.test(text)) assert.equal(normaliseText(text), foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim(), `U+${code.toString(16)}`);
  }
  assert.equal(nameKey({ name: 'Ana Pérez', organisation: 'Colnodo' }), nameKey({ name: 'ANA perez', organisation: ' colnodo ' }));
});

test('a record without an id is the person with an id of the same name and organisation, unless two such people exist', () => {
  const index = new PeopleIndex([
    { id: 'a', name: 'Ana Pérez', organisation: 'Colnodo' },
    { id: 'b', name: 'Luis Díaz', organisation: 'ONG' },
    { id: 'c', name: 'Luis Diaz', organisation: 'ong' },
  ]);
  assert.equal(index.keyOf({ name: 'ana perez', organisation: 'COLNODO' }), 'id:a');
  assert.equal(index.keyOf({ name: 'Ana Pérez' }), 'name:ana perez|');
  assert.equal(index.keyOf({ name: 'luis díaz', organisation: 'ONG' }), 'name:luis diaz|ong');
  assert.equal(index.keyOf({ id: 'b', name: 'Someone else' }), 'id:b');
  // A person the index did not know is also the name-only records of their name.
  assert.deepEqual(index.aliasesOf({ id: 'z', name: 'Zoe', organisation: 'X' }), ['id:z', 'name:zoe|x']);
  assert.deepEqual(index.aliasesOf({ id: 'a', name: 'Ana Pérez', organisation: 'Colnodo' }), ['id:a']);
});
