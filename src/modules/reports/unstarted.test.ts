import { test } from 'node:test';
import assert from 'node:assert/strict';
import { momentOf } from './unstarted.ts';

test('the daily job at 07:00 UTC calls a deadline later that day "due", three days ahead "before", and a past one nothing', () => {
  const morning = new Date('2026-12-15T07:00:00Z');
  assert.equal(momentOf('2026-12-15T15:30:00.000Z', morning), 'due', 'due this afternoon: said today, not tomorrow');
  assert.equal(momentOf('2026-12-15T03:00:00.000Z', morning), 'due', 'due at dawn: still today’s');
  assert.equal(momentOf('2026-12-18T06:00:00.000Z', morning), 'before');
  assert.equal(momentOf('2026-12-18T08:00:00.000Z', morning), null, 'more than three days ahead');
  assert.equal(momentOf('2026-12-14T15:30:00.000Z', morning), null, 'yesterday’s deadline: the overdue list says it');
});
