/**
 * No secrets or default passwords in production: the dev conveniences
 * (fixed keys, local editor, demo seed) switch off when NODE_ENV=production.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Core } from '@strapi/strapi';
import { secret } from '../../cms/config/secrets.ts';
import { publicUrl } from '../../cms/config/server.ts';
import { seedEnabled } from '../../cms/src/seed/index.ts';
import { ensureLocalEditor } from '../../cms/src/seed/local-editor.ts';

function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    return fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

test('in production a missing secret stops the server and names the variable', () => {
  withEnv({ NODE_ENV: 'production', ADMIN_JWT_SECRET: undefined }, () => {
    assert.throws(() => secret('ADMIN_JWT_SECRET'), /ADMIN_JWT_SECRET is not set/);
  });
  withEnv({ NODE_ENV: 'production', ADMIN_JWT_SECRET: 'from-the-environment' }, () => {
    assert.equal(secret('ADMIN_JWT_SECRET'), 'from-the-environment');
  });
});

test('the admin build needs no secrets or PUBLIC_URL, and only `strapi build` is taken for it', () => {
  const argv = process.argv;
  try {
    withEnv({ NODE_ENV: 'production', ADMIN_JWT_SECRET: undefined }, () => {
      process.argv = [process.execPath, '/app/node_modules/@strapi/strapi/bin/strapi.js', 'build'];
      assert.match(secret('ADMIN_JWT_SECRET'), /unused-by-the-admin-build/);
      assert.match(publicUrl({}), /^http:\/\/localhost:/);
      for (const other of [
        [process.execPath, '/app/node_modules/@strapi/strapi/bin/strapi.js', 'start'],
        [process.execPath, '/app/server.js', 'build'],
        [process.execPath, '/app/node_modules/.bin/strapi', 'develop'],
      ]) {
        process.argv = other;
        assert.throws(() => secret('ADMIN_JWT_SECRET'), /ADMIN_JWT_SECRET is not set/, other.join(' '));
        assert.throws(() => publicUrl({}), /PUBLIC_URL is not set/, other.join(' '));
      }
    });
  } finally {
    process.argv = argv;
  }
});

test('outside production a fixed development secret stands in, marked as such', () => {
  withEnv({ NODE_ENV: 'development', APP_KEYS: undefined }, () => {
    assert.match(secret('APP_KEYS'), /not-for-production/);
  });
});

test('production gets no demo seed unless asked, and no local editor account', async () => {
  assert.equal(seedEnabled({ NODE_ENV: 'production' }), false);
  assert.equal(seedEnabled({ NODE_ENV: 'production', SEED_CONTENT: 'true' }), true);
  assert.equal(seedEnabled({ NODE_ENV: 'development' }), true);
  assert.equal(seedEnabled({ NODE_ENV: 'development', SEED_CONTENT: 'false' }), false);

  let asked = false;
  // Only the one service the local editor uses, to show it is never even asked for.
  const strapi = {
    service: () => ((asked = true), { exists: () => Promise.resolve(false), createFirstAdmin: () => assert.fail('created an account') }),
  } as unknown as Core.Strapi;
  await withEnv({ NODE_ENV: 'production' }, () => ensureLocalEditor(strapi));
  assert.equal(asked, false, 'production must not even look for admin users');
});
