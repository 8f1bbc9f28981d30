import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '#contract/index.ts';
import { readRoleMatrix, renderRoleMatrix, ROLE_MATRIX_FILE } from '../../scripts/role-matrix-lib.ts';

describe('the committed role matrix', () => {
  it('is exactly what the contract says (run `npm run role-matrix` after a deliberate change)', () => {
    expect(readFileSync(ROLE_MATRIX_FILE, 'utf8')).toBe(renderRoleMatrix());
  });

  it('lists every channel once', () => {
    expect([...readRoleMatrix().keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
