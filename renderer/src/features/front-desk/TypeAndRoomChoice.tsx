import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { typeChoiceStrings as strings } from './strings.ts';

export interface TypeAndRoomChoiceProps {
  /** The chosen slot, and its doctor (the types offered are theirs); null: none chosen yet. */
  slotId: number | null;
  doctorId: number | null;
  typeId: number | null;
  /** The chosen type and its length (the free slots shown are those where it fits). */
  onTypeChange: (typeId: number | null, minutes: number | null) => void;
  /** null: none, or the first free one when the type needs one. */
  resourceId: number | null;
  onResourceChange: (resourceId: number | null) => void;
  typeError?: string | undefined;
  resourceError?: string | undefined;
}

const typesKey = ['appointmentTypes', 'list'] as const;

/**
 * The booking's appointment type (only those the slot's doctor offers) and room: a type that
 * needs a kind of resource gets the first free one unless the desk picks one of the free ones.
 * Shown only when the clinic has types or rooms.
 */
export function TypeAndRoomChoice(props: TypeAndRoomChoiceProps) {
  const { slotId, doctorId, typeId, resourceId } = props;
  const types = useQuery({ queryKey: typesKey, queryFn: () => call('types.list', {}) });
  const offered = (types.data ?? []).filter((t) => doctorId === null || t.doctorIds.includes(doctorId));
  const type = offered.find((t) => t.appointmentTypeId === typeId) ?? null;
  const free = useQuery({
    queryKey: ['resources', 'freeFor', slotId, type?.appointmentTypeId ?? null],
    queryFn: () =>
      call('resources.freeFor', {
        availabilityId: slotId ?? 0,
        ...(type ? { appointmentTypeId: type.appointmentTypeId } : {}),
      }),
    enabled: slotId !== null,
    staleTime: 0,
  });
  const rooms = free.data ?? [];
  if (offered.length === 0 && rooms.length === 0 && resourceId === null) return null;
  const kind = type?.needsResourceKind ?? null;
  const roomHint = kind ? (rooms.length === 0 ? strings.noneFree : strings.needsRoom(kind)) : undefined;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={strings.type}
        description={strings.typeHint}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        value={type ? String(type.appointmentTypeId) : ''}
        error={props.typeError}
        onChange={(event) => {
          const chosen = offered.find((t) => String(t.appointmentTypeId) === event.currentTarget.value) ?? null;
          props.onTypeChange(chosen?.appointmentTypeId ?? null, chosen?.minutes ?? null);
          props.onResourceChange(null);
        }}
        data={[
          { value: '', label: strings.noType },
          ...offered.map((t) => ({ value: String(t.appointmentTypeId), label: strings.typeOption(t.name, t.minutes) })),
        ]}
      />
      <NativeSelect
        label={strings.room}
        description={roomHint}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        value={resourceId === null ? '' : String(resourceId)}
        error={props.resourceError}
        disabled={slotId === null}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onResourceChange(value === '' ? null : Number(value));
        }}
        data={[
          { value: '', label: kind ? strings.automatic : strings.noRoom },
          ...rooms.map((r) => ({ value: String(r.resourceId), label: r.name })),
        ]}
      />
    </SimpleGrid>
  );
}
