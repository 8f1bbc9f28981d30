import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNEL_NAMES, contract, type ChannelName } from '#contract/index.ts';
import { roleMayUse } from '#contract/channel.ts';
import { STATUS_MOVE_ROLES } from '#contract/front-desk.ts';
import { REFUND_ABOVE_LIMIT_ROLES } from '#contract/payments.ts';
import { STAFF_ROLES } from '#contract/fields.ts';

// The committed role matrix (docs/role-matrix.md): who may call each channel, written out from
// the contract. A test compares the file with the contract, and the dispatcher with the file, so
// a policy change is a visible diff in review and the gate is checked against the policy.

export const ROLE_MATRIX_FILE = join(import.meta.dirname, '..', 'docs', 'role-matrix.md');
export const CALLERS = ['nobody', ...STAFF_ROLES] as const;
export type Caller = (typeof CALLERS)[number];

export function allowedByContract(channel: ChannelName, caller: Caller): boolean {
  const { access } = contract[channel];
  return caller === 'nobody' ? access === 'public' : roleMayUse(access, caller);
}

const HEADER = [
  '# Role matrix',
  '',
  'Who may call each channel: generated from `preload/contract/` by `npm run role-matrix`; a test',
  'fails when this file and the contract disagree, and the dispatcher is tested against this file.',
  'Finer rules inside a channel are stated in the contract too (see "Rules inside channels").',
  '',
];

/** The finer role rules the contract states inside channels, one row each. */
function innerRules(): string[] {
  const who = (roles: readonly string[]) => roles.join(', ');
  const moves = Object.entries(STATUS_MOVE_ROLES).map(([to, roles]) => {
    const scope = (roles as readonly string[]).includes('doctor') ? ' (a doctor only for their own appointments)' : '';
    return `| appointment status → \`${to}\` | ${who(roles)}${scope} |`;
  });
  return [
    '',
    '## Rules inside channels',
    '',
    '| rule | who |',
    '| --- | --- |',
    ...moves,
    `| refunds past the refund limit (total refunded on one visit) | ${who(REFUND_ABOVE_LIMIT_ROLES)} |`,
  ];
}

export function renderRoleMatrix(): string {
  const rows = CHANNEL_NAMES.map(
    (channel) =>
      `| \`${channel}\` | ${CALLERS.map((caller) => (allowedByContract(channel, caller) ? 'yes' : '—')).join(' | ')} |`,
  );
  return [
    ...HEADER,
    `| channel | ${CALLERS.join(' | ')} |`,
    `| --- | ${CALLERS.map(() => ':-:').join(' | ')} |`,
    ...rows,
    ...innerRules(),
    '',
  ].join('\n');
}

/** The committed file, read back as channel → caller → allowed. */
export function readRoleMatrix(): Map<string, Record<Caller, boolean>> {
  const matrix = new Map<string, Record<Caller, boolean>>();
  for (const line of readFileSync(ROLE_MATRIX_FILE, 'utf8').split('\n')) {
    const match = /^\| `([^`]+)` \| (.+) \|$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const cells = match[2].split(' | ');
    if (cells.length !== CALLERS.length) continue;
    matrix.set(
      match[1],
      Object.fromEntries(CALLERS.map((caller, index) => [caller, cells[index] === 'yes'])) as Record<Caller, boolean>,
    );
  }
  return matrix;
}
