import { writeFileSync } from 'node:fs';
import { renderRoleMatrix, ROLE_MATRIX_FILE } from './role-matrix-lib.ts';

// `npm run role-matrix`: rewrites docs/role-matrix.md from the contract after a deliberate
// policy change (review the diff).
writeFileSync(ROLE_MATRIX_FILE, renderRoleMatrix());
console.log(`Wrote ${ROLE_MATRIX_FILE}`);
