import { Badge, Button, Group, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Template } from '#contract/schedule.ts';
import { call } from '../../api/client.ts';
import { useSettings } from '../../api/settings.ts';
import type { TimeFormat } from '../../lib/clinic-time.ts';
import { formatDateMedium, formatTime, weekdayName, WEEKDAYS_MONDAY_FIRST } from '../../lib/date-format.ts';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ScheduleSection, ScheduleTable } from './ScheduleSection.tsx';
import { doctorsStrings } from './strings.ts';
import { TemplateDialog } from './TemplateDialog.tsx';
import { notifyGeneration, useTemplates } from './use-doctor.ts';

const strings = doctorsStrings.templates;

/** Mon..Sun as chips, the chosen days filled; read out as the list of day names. */
function WeekdayChips({ days }: { days: number[] }) {
  const chosen = WEEKDAYS_MONDAY_FIRST.filter((day) => days.includes(day));
  return (
    <>
      <VisuallyHidden>{chosen.map((day) => weekdayName(day, 'long')).join(', ')}</VisuallyHidden>
      <Group gap={4} wrap="nowrap" aria-hidden>
        {WEEKDAYS_MONDAY_FIRST.map((day) => {
          const on = days.includes(day);
          return (
            <Badge
              key={day}
              size="sm"
              radius="sm"
              tt="none"
              variant={on ? 'filled' : 'outline'}
              color={on ? 'blue' : 'gray'}
              styles={on ? undefined : { label: { color: 'var(--mantine-color-dimmed)' } }}
            >
              {weekdayName(day, 'short')}
            </Badge>
          );
        })}
      </Group>
    </>
  );
}

const describeDays = (template: Template) =>
  WEEKDAYS_MONDAY_FIRST.filter((day) => template.weekdays.includes(day))
    .map((day) => weekdayName(day, 'short'))
    .join(', ');

const describeTimes = (template: Template, timeFormat: TimeFormat) =>
  strings.range(formatTime(template.startTime, timeFormat), formatTime(template.endTime, timeFormat));

interface TemplatesSectionProps {
  doctorId: number;
  canManage: boolean;
  today: string;
}

export function TemplatesSection({ doctorId, canManage, today }: TemplatesSectionProps) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const templates = useTemplates(doctorId);
  const refresh = useRefreshSchedules();
  const [adding, setAdding] = useState(false);
  const editing = useTargetDialog<Template>();
  const deleting = useTargetDialog<Template>();

  const table = (rows: Template[]) => (
    <ScheduleTable
      caption={strings.caption}
      minWidth={720}
      columns={[strings.weekdays, strings.times, strings.slotLength, strings.valid]}
      actions={canManage ? strings.actions : null}
    >
      {rows.map((template) => {
        const days = describeDays(template);
        const times = describeTimes(template, timeFormat);
        return (
          <Table.Tr key={template.templateId}>
            <Table.Td>
              <WeekdayChips days={template.weekdays} />
            </Table.Td>
            <Table.Td>{times}</Table.Td>
            <Table.Td>{strings.minutes(template.slotMinutes)}</Table.Td>
            <Table.Td>
              {template.validTo
                ? strings.validBetween(formatDateMedium(template.validFrom), formatDateMedium(template.validTo))
                : strings.validFromOnly(formatDateMedium(template.validFrom))}
            </Table.Td>
            {canManage ? (
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap" role="group" aria-label={strings.actions}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={strings.editLabel(days, times)}
                    onClick={() => editing.open(template)}
                  >
                    {strings.edit}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={strings.deleteLabel(days, times)}
                    onClick={() => deleting.open(template)}
                  >
                    {strings.delete}
                  </Button>
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        );
      })}
    </ScheduleTable>
  );

  return (
    <ScheduleSection
      titleId="doctor-templates-title"
      title={strings.title}
      intro={strings.intro}
      actions={
        canManage ? (
          <Button size="compact-md" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {strings.add}
          </Button>
        ) : null
      }
      list={templates}
      loadFailed={strings.loadFailed}
      empty={canManage ? strings.empty : strings.emptyReadOnly}
      table={table}
    >
      {canManage ? (
        <>
          <TemplateDialog
            opened={adding}
            onClose={() => setAdding(false)}
            doctorId={doctorId}
            template={null}
            today={today}
          />
          <TemplateDialog
            opened={editing.opened}
            onClose={editing.close}
            doctorId={doctorId}
            template={editing.target}
            today={today}
          />
          <ConfirmDialog
            opened={deleting.opened}
            title={strings.deleteTitle}
            body={strings.deleteBody}
            confirmLabel={strings.deleteConfirm}
            onClose={deleting.close}
            onConfirm={async () => {
              if (!deleting.target) return;
              const result = await call('templates.delete', { templateId: deleting.target.templateId });
              notifyGeneration(result.generation, doctorsStrings.deleted);
              refresh();
            }}
          />
        </>
      ) : null}
    </ScheduleSection>
  );
}
