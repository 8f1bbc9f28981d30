import { Alert, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AuditFilters, AuditRow } from '#contract/operations.ts';
import { messageOf } from '../../../api/errors.ts';
import { useDeskFormat } from '../../../lib/use-desk-format.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFiltersBar } from './AuditFiltersBar.tsx';
import { actionWords, entityWords } from './audit-words.ts';
import { auditStrings as strings } from './strings.ts';
import { useAuditPages } from './use-audit.ts';

/** Whom or what the row is about: "Patient: Maria Perera", or the record's number when it has no person. */
function subjectOf(row: AuditRow): string {
  const entity = entityWords(row.entity);
  if (row.subjectName) return strings.subject(entity, row.subjectName);
  return row.entityId ? strings.subjectNumber(entity, row.entityId) : entity;
}

function AuditEntry({ row }: { row: AuditRow }) {
  const format = useDeskFormat();
  const who = row.userName ?? strings.system;
  const at = format.instant(row.at);
  const action = actionWords(row.action);
  return (
    <Paper withBorder p="sm" radius="sm" aria-label={strings.entry(action, who, at)}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Badge variant="light" tt="none">
          {action}
        </Badge>
        <Text size="sm" fw={600}>
          {who}
        </Text>
        <Text size="sm" c="dimmed">
          {at} · {subjectOf(row)}
        </Text>
      </Group>
      <AuditDiff before={row.before} after={row.after} />
    </Paper>
  );
}

/** The audit trail for admins: filters, and a virtualized list that loads older pages on scroll. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const pages = useAuditPages(filters);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself on scroll; nothing here relies on memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 8,
    gap: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;

  useEffect(() => {
    if (lastIndex >= rows.length - 10 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Stack gap="md">
      <Text c="dimmed">{strings.intro}</Text>
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      {pages.isError ? <Alert color="red">{messageOf(pages.error)}</Alert> : null}
      {pages.isPending ? <Loader aria-label={strings.loading} /> : null}
      {!pages.isPending && rows.length === 0 ? <Text>{strings.empty}</Text> : null}
      {rows.length > 0 ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {strings.count(rows.length, Boolean(hasNextPage))}
        </Text>
      ) : null}
      <div
        ref={scrollRef}
        role="list"
        aria-label={strings.list}
        tabIndex={0}
        style={{ height: 'calc(100vh - 330px)', minHeight: 320, overflowY: 'auto', contain: 'strict' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.auditId}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <AuditEntry row={row} />
              </div>
            );
          })}
        </div>
      </div>
      {isFetchingNextPage ? <Loader size="sm" aria-label={strings.loadingMore} /> : null}
    </Stack>
  );
}
