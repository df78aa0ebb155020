import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betaCdf, betaQuantile, jeffreysLowerBound, logGamma } from './beta.ts';

const close = (a: number, b: number, tolerance = 1e-10): void => assert.ok(Math.abs(a - b) <= tolerance, `${a} ≉ ${b}`);

test('logGamma matches factorials and Γ(½) = √π', () => {
  close(logGamma(1), 0, 1e-13);
  close(logGamma(6), Math.log(120), 1e-12);
  close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-12);
});

test('Beta quantiles match closed forms', () => {
  for (const p of [0.001, 0.05, 0.3, 0.5, 0.9, 0.999]) {
    close(betaQuantile(p, 1, 1), p); // uniform
    close(betaQuantile(p, 3, 1), Math.pow(p, 1 / 3)); // Beta(a, 1)
    close(betaQuantile(p, 1, 4), 1 - Math.pow(1 - p, 1 / 4)); // Beta(1, b)
    close(betaQuantile(p, 0.5, 0.5), Math.sin((Math.PI * p) / 2) ** 2); // arcsine: the Jeffreys prior itself
    close(betaCdf(betaQuantile(p, 12.5, 3.5), 12.5, 3.5), p, 1e-12);
  }
  close(betaQuantile(0.5, 7, 7), 0.5);
});

test('the Jeffreys lower bound rises with evidence and falls with confidence', () => {
  assert.equal(jeffreysLowerBound(0, 10, 0.9), 0);
  assert.equal(jeffreysLowerBound(3, 0, 0.9), 0);
  const small = jeffreysLowerBound(8, 10, 0.9);
  const large = jeffreysLowerBound(80, 100, 0.9);
  assert.ok(small < large && large < 0.8, `${small} ${large}`);
  assert.ok(jeffreysLowerBound(80, 100, 0.99) < large);
  // Known value: the Jeffreys 90% interval for 8/10 starts at the 5% quantile of Beta(8.5, 2.5).
  close(betaCdf(small, 8.5, 2.5), 0.05, 1e-12);
});
