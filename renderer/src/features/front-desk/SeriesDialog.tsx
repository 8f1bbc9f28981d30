import { Button, Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { SeriesBooked, SeriesMode, SeriesPlan, SeriesUnit } from '#contract/series.ts';
import { call } from '../../api/client.ts';
import { isClinicCallError, messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useRefreshDesk } from './desk-api.ts';
import { SeriesPlanList, SeriesResult, type SeriesChoices } from './SeriesPlanList.tsx';
import { seriesStrings as strings } from './strings.ts';

export interface SeriesStepProps {
  patient: { patientId: number; name: string };
  /** The slot chosen in the booking dialog: the series' first visit. */
  firstSlotId: number;
  /** That slot in words: doctor, date and time. */
  firstSlotText: string;
  /** The type and room chosen in the booking dialog, for every visit. */
  appointmentTypeId?: number | null;
  resourceId?: number | null;
  onBack: () => void;
  onDone: () => void;
}

interface RuleForm {
  every: number | string;
  unit: SeriesUnit;
  ends: 'count' | 'until';
  count: number | string;
  until: string;
}

type Stage = { kind: 'rule' } | { kind: 'plan'; plan: SeriesPlan } | { kind: 'done'; result: SeriesBooked };
type FieldErrors = Partial<Record<'every' | 'unit' | 'count' | 'until' | 'form', string>>;

const numberOrNaN = (value: number | string): number => (typeof value === 'number' ? value : Number(value || NaN));

/** A refusal's field sentences beside the fields; anything else above the form. */
function errorsOf(error: unknown): FieldErrors {
  if (!isClinicCallError(error)) return { form: messageOf(error) };
  const { every, unit, count, until } = error.fields;
  const known = { every, unit, count, until };
  const any = Object.values(known).some(Boolean);
  return any ? known : { form: messageOf(error) };
}

/**
 * The "Repeat…" step of booking: the repeat rule, then every date of the series with its
 * conflicts and the nearest free alternatives, then the two ways to book it, then the result.
 * Nothing is written until one of the two book buttons is pressed.
 */
export function SeriesStep({
  patient,
  firstSlotId,
  firstSlotText,
  appointmentTypeId,
  resourceId,
  onBack,
  onDone,
}: SeriesStepProps) {
  const refresh = useRefreshDesk();
  const [form, setForm] = useState<RuleForm>({ every: 1, unit: 'weeks', ends: 'count', count: 6, until: '' });
  const [stage, setStage] = useState<Stage>({ kind: 'rule' });
  const [choices, setChoices] = useState<SeriesChoices>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const firstAction = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (stage.kind === 'done') done.current?.focus();
    if (stage.kind === 'plan') firstAction.current?.focus();
  }, [stage.kind]);

  const rule = () => ({
    patientId: patient.patientId,
    firstSlotId,
    every: numberOrNaN(form.every),
    unit: form.unit,
    ...(form.ends === 'count' ? { count: numberOrNaN(form.count) } : { until: form.until }),
    ...(appointmentTypeId ? { appointmentTypeId } : {}),
    ...(resourceId ? { resourceId } : {}),
  });

  const showDates = async () => {
    setBusy(true);
    setErrors({});
    try {
      setChoices({});
      setStage({ kind: 'plan', plan: await call('appointments.planSeries', rule()) });
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  };

  const book = async (mode: SeriesMode) => {
    setBusy(true);
    setErrors({});
    try {
      const chosen = Object.entries(choices)
        .filter(([, value]) => value !== '')
        .map(([index, value]) => ({ index: Number(index), availabilityId: Number(value) }));
      const result = await call('appointments.bookSeries', { ...rule(), mode, choices: chosen });
      notifications.show({ color: 'green', message: strings.resultTitle(result.booked.length) });
      refresh();
      setStage({ kind: 'done', result });
    } catch (error) {
      setErrors({ form: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  if (stage.kind === 'done')
    return (
      <Stack>
        <SeriesResult result={stage.result} />
        <Group justify="flex-end">
          <Button ref={done} onClick={onDone}>
            {strings.done}
          </Button>
        </Group>
      </Stack>
    );

  if (stage.kind === 'plan')
    return (
      <Stack>
        <Text size="sm">{strings.first(patient.name, firstSlotText)}</Text>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <SeriesPlanList
          plan={stage.plan}
          choices={choices}
          onChoose={(index, value) => setChoices((old) => ({ ...old, [index]: value }))}
        />
        <Text size="sm" c="dimmed">
          {strings.modeHint}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setStage({ kind: 'rule' })}>
            {strings.change}
          </Button>
          <Button variant="default" loading={busy} onClick={() => void book('all_or_none')}>
            {strings.bookAll}
          </Button>
          <Button ref={firstAction} loading={busy} onClick={() => void book('skip_conflicts')}>
            {strings.bookSkipping}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void showDates();
      }}
    >
      <Stack>
        <Text size="sm">{strings.first(patient.name, firstSlotText)}</Text>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <Group grow align="flex-start">
          <NumberInput
            label={strings.every}
            autoFocus
            min={1}
            allowDecimal={false}
            value={form.every}
            onChange={(every) => setForm((old) => ({ ...old, every }))}
            error={errors.every}
          />
          <NativeSelect
            label={strings.unit}
            value={form.unit}
            onChange={(event) => setForm((old) => ({ ...old, unit: event.currentTarget.value as SeriesUnit }))}
            data={[
              { value: 'weeks', label: strings.weeks },
              { value: 'days', label: strings.days },
            ]}
            error={errors.unit}
          />
        </Group>
        <Radio.Group
          label={strings.ends}
          value={form.ends}
          onChange={(ends) => setForm((old) => ({ ...old, ends: ends === 'until' ? 'until' : 'count' }))}
        >
          <Group mt={4}>
            <Radio value="count" label={strings.endsAfter} />
            <Radio value="until" label={strings.endsOn} />
          </Group>
        </Radio.Group>
        {form.ends === 'count' ? (
          <NumberInput
            label={strings.count}
            min={2}
            allowDecimal={false}
            value={form.count}
            onChange={(count) => setForm((old) => ({ ...old, count }))}
            error={errors.count}
          />
        ) : (
          <TextInput
            label={strings.until}
            type="date"
            value={form.until}
            onChange={(event) => setForm((old) => ({ ...old, until: event.currentTarget.value }))}
            error={errors.until}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            {strings.back}
          </Button>
          <Button type="submit" loading={busy}>
            {strings.showDates}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
