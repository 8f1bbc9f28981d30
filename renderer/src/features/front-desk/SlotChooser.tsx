import {
  Alert,
  Group,
  Radio,
  Select,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useId, useRef, type Ref } from 'react';
import type { ChannelOutput } from '#contract/index.ts';
import { messageOf } from '../../api/errors.ts';
import { formatDateShort } from '../../lib/date-format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useDoctorList, useSpecializations } from '../../api/schedule.ts';
import { useNextFree, type NextFreeFilter } from './desk-api.ts';
import { deskStrings } from './strings.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';

const strings = deskStrings.slots;

export type FreeSlot = ChannelOutput<'schedule.nextFree'>[number];
export type SlotSource = { doctorId: number } | { specialization: string };

export const sourceKey = (source: SlotSource | null): string | null =>
  source === null ? null : 'doctorId' in source ? `d:${source.doctorId}` : `s:${source.specialization}`;

function sourceOf(key: string | null): SlotSource | null {
  if (!key) return null;
  return key.startsWith('d:') ? { doctorId: Number(key.slice(2)) } : { specialization: key.slice(2) };
}

interface WhoProps {
  value: SlotSource | null;
  onChange: (source: SlotSource | null) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A doctor (who takes bookings) or a specialization, in one searchable list. */
export function SlotChooserWho({ value, onChange, error, inputRef }: WhoProps) {
  const doctors = useDoctorList({ availableOnly: true });
  const specializations = useSpecializations();
  const data = [
    {
      group: strings.doctorsGroup,
      items: (doctors.data ?? []).map((d) => ({ value: `d:${d.doctorId}`, label: `${d.name} (${d.specialization})` })),
    },
    {
      group: strings.specializationsGroup,
      items: (specializations.data ?? []).map((s) => ({ value: `s:${s}`, label: strings.anyDoctorOf(s) })),
    },
  ];
  return (
    <Select
      ref={inputRef}
      label={strings.who}
      placeholder={strings.whoPlaceholder}
      data={data}
      searchable
      data-autofocus
      error={error}
      value={sourceKey(value)}
      onChange={(key) => onChange(sourceOf(key))}
    />
  );
}

interface SlotChooserProps {
  source: SlotSource | null;
  onSourceChange: (source: SlotSource | null) => void;
  /** Instead of the doctor/specialization picker: a fixed set of choices (reschedule). */
  choices?: { source: SlotSource; label: string }[];
  fromDate: string | null;
  onFromDateChange: (date: string | null) => void;
  value: number | null;
  onChange: (slot: FreeSlot | null) => void;
  /** A slot that cannot be chosen (the appointment's current one). */
  excludeId?: number;
  error?: string | null;
  limit?: number;
  /** Only starts with this many free minutes after them (the chosen appointment type's length). */
  minutes?: number | null;
  /** Moves focus once to the chosen slot (when it shows) or to the doctor picker, then calls onFocused. */
  focus?: 'slot' | 'who' | null;
  onFocused?: () => void;
  /** A line under the picker saying why this doctor and slot are chosen. */
  hint?: string | null;
}

/** Pick a doctor or a specialization and one of their next free slots. */
export function SlotChooser(props: SlotChooserProps) {
  const { source, choices, fromDate, value, error, limit = 8, minutes = null } = props;
  const format = useDeskFormat();
  const errorId = useId();
  const filter: NextFreeFilter | null = source
    ? { ...source, limit, ...(fromDate ? { fromDate } : {}), ...(minutes === null ? {} : { minutes }) }
    : null;
  const slots = useNextFree(filter);
  const list = (slots.data ?? []).filter((slot) => slot.availabilityId !== props.excludeId);
  const whoRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { focus, onFocused } = props;
  const listShown = slots.isSuccess;

  useEffect(() => {
    if (focus === 'who') whoRef.current?.focus();
    else if (focus === 'slot' && listShown) listRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    else return;
    onFocused?.();
  }, [focus, listShown, value, onFocused]);

  const body = () => {
    if (!source) return <Text size="sm">{strings.pickWho}</Text>;
    if (slots.isPending) {
      return (
        <SimpleGrid cols={2} aria-busy="true">
          <VisuallyHidden>{strings.loading}</VisuallyHidden>
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} height={22} />
          ))}
        </SimpleGrid>
      );
    }
    if (slots.isError) return <Alert color="red">{`${strings.loadFailed} ${messageOf(slots.error)}`}</Alert>;
    if (list.length === 0) return <Text size="sm">{strings.none}</Text>;
    return (
      <Radio.Group
        label={strings.listLabel}
        value={value === null ? null : String(value)}
        onChange={(id) => props.onChange(list.find((slot) => String(slot.availabilityId) === id) ?? null)}
        error={error ?? undefined}
        errorProps={{ id: errorId }}
      >
        <SimpleGrid
          ref={listRef}
          cols={{ base: 1, xs: 2, sm: 'doctorId' in source ? 3 : 2 }}
          spacing="xs"
          verticalSpacing={8}
          mt={6}
        >
          {list.map((slot) => (
            <Radio
              key={slot.availabilityId}
              value={String(slot.availabilityId)}
              // Tab lands on a slot and chooses it, so Enter books it (no Space needed).
              onFocus={() => {
                if (value !== slot.availabilityId) props.onChange(slot);
              }}
              label={
                'doctorId' in source
                  ? strings.optionTime(formatDateShort(slot.date), format.time(slot.startTime))
                  : strings.option(formatDateShort(slot.date), format.time(slot.startTime), slot.doctorName)
              }
            />
          ))}
        </SimpleGrid>
      </Radio.Group>
    );
  };

  return (
    <Stack gap="sm">
      <Group grow align="flex-start" wrap="wrap">
        {choices ? (
          <SegmentedControl
            aria-label={strings.who}
            data={choices.map((choice) => ({ value: sourceKey(choice.source) ?? '', label: choice.label }))}
            value={sourceKey(source) ?? ''}
            onChange={(key) => props.onSourceChange(sourceOf(key))}
          />
        ) : (
          <SlotChooserWho value={source} onChange={props.onSourceChange} inputRef={whoRef} />
        )}
        <DateField
          label={strings.from}
          description={strings.fromHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          clearable
          value={fromDate}
          onChange={props.onFromDateChange}
        />
      </Group>
      {props.hint ? (
        <Text size="sm" c="dimmed">
          {props.hint}
        </Text>
      ) : null}
      {body()}
      {error && (!source || list.length === 0) ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
