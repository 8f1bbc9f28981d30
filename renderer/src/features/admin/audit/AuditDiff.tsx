import { Text } from '@mantine/core';
import { auditSentences } from './audit-diff.ts';

/** An audit row's details as sentences; nothing at all when the row recorded none. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const sentences = auditSentences(before, after);
  if (sentences.length === 0) return null;
  return (
    <ul className="audit-diff" style={{ margin: 0, paddingLeft: '1.2em' }}>
      {sentences.map((sentence, index) => (
        <li key={index}>
          <Text size="sm" component="span">
            {sentence}
          </Text>
        </li>
      ))}
    </ul>
  );
}
