import { Checkbox, ColorInput, Group, Modal, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { typeFieldsSchema, type AppointmentType } from '#contract/appointment-types.ts';
import { call } from '../../../api/client.ts';
import { SetupForm, useSetupSave } from './SetupForm.tsx';
import { bookingSetupStrings } from './strings.ts';
import { useDoctorsToChoose } from './use-booking-setup.ts';

const strings = bookingSetupStrings.types;

interface TypeFormProps {
  /** The type to edit; null: a new one. */
  type: AppointmentType | null;
  onDone: () => void;
}

function TypeForm({ type, onDone }: TypeFormProps) {
  const doctors = useDoctorsToChoose();
  const [name, setName] = useState(type?.name ?? '');
  const [minutes, setMinutes] = useState<number | string>(type?.minutes ?? 30);
  const [colour, setColour] = useState(type?.colour ?? '#3b6ea8');
  const [fee, setFee] = useState(type?.defaultFee === null || type === null ? '' : String(type.defaultFee));
  const [needs, setNeeds] = useState(type?.needsResourceKind ?? '');
  const [doctorIds, setDoctorIds] = useState<string[]>((type?.doctorIds ?? []).map(String));
  const [active, setActive] = useState(type?.active ?? true);
  const { errors, saving, submit } = useSetupSave({
    schema: typeFieldsSchema,
    save: (fields) =>
      type
        ? call('types.update', { ...fields, appointmentTypeId: type.appointmentTypeId })
        : call('types.create', fields),
    saved: strings.saved,
    onDone,
  });
  const fields = () => ({
    name,
    minutes: typeof minutes === 'number' ? minutes : Number.NaN,
    colour,
    defaultFee: fee.trim() === '' ? null : Number(fee),
    needsResourceKind: needs.trim() === '' ? null : needs,
    active,
    doctorIds: doctorIds.map(Number),
  });

  return (
    <SetupForm errors={errors} saving={saving} onSubmit={() => void submit(fields())} onCancel={onDone}>
      <TextInput
        label={strings.name}
        data-autofocus
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={strings.minutes}
          min={5}
          max={480}
          step={5}
          allowDecimal={false}
          value={minutes}
          onChange={setMinutes}
          error={errors.minutes}
        />
        <ColorInput
          label={strings.colour}
          format="hex"
          withEyeDropper={false}
          value={colour}
          onChange={setColour}
          error={errors.colour}
        />
        <TextInput
          label={strings.fee}
          description={strings.feeHint}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          inputMode="decimal"
          autoComplete="off"
          value={fee}
          onChange={(e) => setFee(e.currentTarget.value)}
          error={errors.defaultFee}
        />
      </SimpleGrid>
      <TextInput
        label={strings.needs}
        description={strings.needsHint}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        autoComplete="off"
        value={needs}
        onChange={(e) => setNeeds(e.currentTarget.value)}
        error={errors.needsResourceKind}
      />
      <Checkbox.Group label={strings.doctors} value={doctorIds} onChange={setDoctorIds} error={errors.doctorIds}>
        <Group mt="xs">
          {(doctors.data ?? []).map((d) => (
            <Checkbox key={d.doctorId} value={String(d.doctorId)} label={d.name} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox label={strings.active} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </SetupForm>
  );
}

/** Adds or edits an appointment type (admins); main audits the change. */
export function TypeDialog({
  opened,
  type,
  onClose,
}: {
  opened: boolean;
  type: AppointmentType | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={type ? strings.editTitle : strings.newTitle} size="lg">
      {opened ? <TypeForm type={type} onDone={onClose} /> : null}
    </Modal>
  );
}
