import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Doctor } from '#contract/schedule.ts';
import { optionalTextSchema } from '#contract/fields.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { DoctorFields } from '../admin/index.ts';
import { SaveAlerts } from '../../ui/StaleAlert.tsx';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { PROFILE_FIELD_NAMES, profileFormSchema, profileToFormValues, underDoctor } from './profile-form.ts';
import { doctorsStrings } from './strings.ts';
import { useVersionedSave } from '../../lib/use-stale-reload.ts';

const strings = doctorsStrings.profile;

const staleStrings = { title: strings.staleTitle, body: strings.staleBody, reload: strings.reload };

/** The version to save against, and what to do when someone else saved first. */
const useVersioned = (doctor: Doctor, onFresh: (fresh: Doctor) => void) =>
  useVersionedSave(doctor.version, () => call('doctors.get', { doctorId: doctor.doctorId }), onFresh);

function ProfileForm({ doctor, onDone }: { doctor: Doctor; onDone: () => void }) {
  const refresh = useRefreshSchedules();
  const methods = useForm({
    resolver: zodResolver(profileFormSchema),
    mode: 'onBlur',
    defaultValues: profileToFormValues(doctor),
  });
  const saving = useVersioned(doctor, (fresh) => methods.reset(profileToFormValues(fresh)));
  const onSubmit = methods.handleSubmit(({ doctor: profile }) =>
    saving.save(
      async (version) => {
        const saved = await call('doctors.update', { ...profile, doctorId: doctor.doctorId, version });
        notifications.show({ color: 'green', message: strings.saved(saved.name) });
        refresh();
        onDone();
      },
      (error) => applyServerErrors(underDoctor(error), methods.setError, PROFILE_FIELD_NAMES),
    ),
  );
  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveAlerts {...saving} strings={staleStrings} />
          <DoctorFields />
          <DialogButtons
            submitLabel={strings.save}
            cancelLabel={doctorsStrings.cancel}
            submitting={methods.formState.isSubmitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </FormProvider>
  );
}

const aboutSchema = z.object({ about: optionalTextSchema(2000, 'about text') });

function AboutForm({ doctor, onDone }: { doctor: Doctor; onDone: () => void }) {
  const refresh = useRefreshSchedules();
  const { register, handleSubmit, setError, reset, formState } = useForm({
    resolver: zodResolver(aboutSchema),
    mode: 'onBlur',
    defaultValues: { about: doctor.about ?? '' },
  });
  const saving = useVersioned(doctor, (fresh) => reset({ about: fresh.about ?? '' }));
  const onSubmit = handleSubmit(({ about }) =>
    saving.save(
      async (version) => {
        const saved = await call('doctors.updateAbout', { doctorId: doctor.doctorId, version, about });
        notifications.show({ color: 'green', message: strings.saved(saved.name) });
        refresh();
        onDone();
      },
      (error) => applyServerErrors(error, setError, ['about']),
    ),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SaveAlerts {...saving} strings={staleStrings} />
        <Textarea
          label={strings.about}
          autosize
          minRows={4}
          maxRows={10}
          data-autofocus
          error={formState.errors.about?.message}
          {...register('about')}
        />
        <DialogButtons
          submitLabel={strings.save}
          cancelLabel={doctorsStrings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface ProfileDialogProps {
  doctor: Doctor;
  /** 'full': the admin edits every profile field; 'about': a doctor edits their introduction. */
  mode: 'full' | 'about' | null;
  onClose: () => void;
}

export function ProfileDialog({ doctor, mode, onClose }: ProfileDialogProps) {
  return (
    <Modal
      opened={mode !== null}
      onClose={onClose}
      title={mode === 'about' ? strings.editAboutTitle : strings.editTitle(doctor.name)}
      size={mode === 'full' ? 'lg' : 'md'}
    >
      {mode === 'full' ? <ProfileForm doctor={doctor} onDone={onClose} /> : null}
      {mode === 'about' ? <AboutForm doctor={doctor} onDone={onClose} /> : null}
    </Modal>
  );
}
