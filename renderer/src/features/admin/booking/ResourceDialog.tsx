import { Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { resourceFieldsSchema, type Resource } from '#contract/appointment-types.ts';
import { call } from '../../../api/client.ts';
import { DialogButtons } from '../../../ui/DialogButtons.tsx';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { bookingSetupStrings } from './strings.ts';
import { fieldErrorsOf, serverErrorsOf, useRefreshBookingSetup, type FieldErrors } from './use-booking-setup.ts';

const strings = bookingSetupStrings.resources;

function ResourceForm({ resource, onDone }: { resource: Resource | null; onDone: () => void }) {
  const refresh = useRefreshBookingSetup();
  const [name, setName] = useState(resource?.name ?? '');
  const [kind, setKind] = useState(resource?.kind ?? 'room');
  const [active, setActive] = useState(resource?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const parsed = resourceFieldsSchema.safeParse({ name, kind, active });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setSaving(true);
    try {
      const saved = resource
        ? await call('resources.update', { ...parsed.data, resourceId: resource.resourceId })
        : await call('resources.create', parsed.data);
      notifications.show({ color: 'green', message: strings.saved(saved.name) });
      refresh();
      onDone();
    } catch (error) {
      setErrors(serverErrorsOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
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
        <DialogButtons
          submitLabel={bookingSetupStrings.save}
          cancelLabel={bookingSetupStrings.cancel}
          submitting={saving}
          onCancel={onDone}
        />
      </Stack>
    </form>
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
