import { Alert, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useSettings } from '../../api/settings.ts';
import { appointmentStatusLabel } from '../../lib/appointment-status.ts';
import { formatDateMedium, formatTime } from '../../lib/date-format.ts';
import type { AffectedAppointment, LeaveFormValues } from './leave-form.ts';
import { doctorsStrings } from './strings.ts';

const strings = doctorsStrings.leave;

/** The booked appointments a leave covers, and the required choice of what happens to them. */
export function AffectedAppointments({ affected }: { affected: AffectedAppointment[] }) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const { control, register, formState } = useFormContext<LeaveFormValues>();
  const onBooked = useWatch({ control, name: 'onBooked' });
  return (
    <Alert
      color="yellow"
      variant="light"
      title={strings.affectedTitle(affected.length)}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap="sm">
        <Text size="sm">{strings.affectedIntro}</Text>
        <Table aria-label={strings.affectedCaption} verticalSpacing={4} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{strings.patient}</Table.Th>
              <Table.Th scope="col">{strings.when}</Table.Th>
              <Table.Th scope="col">{strings.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {affected.map((item) => (
              <Table.Tr key={item.appointmentId}>
                <Table.Td>{item.patientName}</Table.Td>
                <Table.Td>{strings.whenValue(formatDateMedium(item.date), formatTime(item.time, timeFormat))}</Table.Td>
                <Table.Td>{appointmentStatusLabel(item.status)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Controller
          control={control}
          name="onBooked"
          render={({ field, fieldState }) => (
            <Radio.Group
              label={strings.choice}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={fieldState.error?.message}
              withAsterisk
            >
              <Stack gap={6} mt={6}>
                <Radio value="keep" label={strings.keep} ref={field.ref} data-autofocus />
                <Radio value="cancel" label={strings.cancel} />
                <Radio value="reschedule" label={strings.reschedule} />
              </Stack>
            </Radio.Group>
          )}
        />
        {onBooked === 'cancel' ? (
          <Textarea
            label={strings.cancelReason}
            autosize
            minRows={2}
            error={formState.errors.cancelReason?.message}
            {...register('cancelReason')}
          />
        ) : null}
      </Stack>
    </Alert>
  );
}
