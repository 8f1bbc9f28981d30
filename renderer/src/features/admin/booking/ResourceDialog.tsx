import { Checkbox, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { resourceFieldsSchema, type Resource } from '#contract/appointment-types.ts';
import { call } from '../../../api/client.ts';
import { SetupForm, useSetupSave } from './SetupForm.tsx';
import { bookingSetupStrings } from './strings.ts';

const strings = bookingSetupStrings.resources;

function ResourceForm({ resource, onDone }: { resource: Resource | null; onDone: () => void }) {
  const [name, setName] = useState(resource?.name ?? '');
  const [kind, setKind] = useState(resource?.kind ?? 'room');
  const [active, setActive] = useState(resource?.active ?? true);
  const { errors, saving, submit } = useSetupSave({
    schema: resourceFieldsSchema,
    save: (fields) =>
      resource
        ? call('resources.update', { ...fields, resourceId: resource.resourceId })
        : call('resources.create', fields),
    saved: strings.saved,
    onDone,
  });

  return (
    <SetupForm errors={errors} saving={saving} onSubmit={() => void submit({ name, kind, active })} onCancel={onDone}>
      <TextInput
        label={strings.name}
        data-autofocus
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <TextInput
        label={strings.kind}
        description={strings.kindHint}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        autoComplete="off"
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value)}
        error={errors.kind}
      />
      <Checkbox label={strings.active} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </SetupForm>
  );
}

/** Adds or edits a room or resource (admins); main audits the change. */
export function ResourceDialog({
  opened,
  resource,
  onClose,
}: {
  opened: boolean;
  resource: Resource | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={resource ? strings.editTitle : strings.newTitle}>
      {opened ? <ResourceForm resource={resource} onDone={onClose} /> : null}
    </Modal>
  );
}
