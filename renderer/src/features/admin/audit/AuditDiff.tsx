import { Text } from '@mantine/core';
import { auditChanges } from './audit-diff.ts';
import { auditStrings as strings } from './strings.ts';

/** An audit row's before/after as readable lines: `field: before → after`. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {strings.noChanges}
      </Text>
    );
  }
  return (
    <ul className="audit-diff" style={{ margin: 0, paddingLeft: '1.2em' }}>
      {changes.map((change) => (
        <li key={change.field}>
          <Text size="sm" component="span" fw={600}>
            {change.field || '(value)'}:
          </Text>{' '}
          <Text size="sm" component="span">
            {change.before === null ? (
              <ins style={{ textDecoration: 'none' }}>{change.after}</ins>
            ) : (
              <>
                <del style={{ textDecorationColor: 'var(--mantine-color-red-6)' }}>{change.before}</del>
                {' → '}
                {change.after === null ? (
                  <em>{strings.removed}</em>
                ) : (
                  <ins style={{ textDecoration: 'none' }}>{change.after}</ins>
                )}
              </>
            )}
          </Text>
        </li>
      ))}
    </ul>
  );
}
