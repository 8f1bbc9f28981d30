import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Doctor } from '../../../../preload/contract-schedule.ts';
import { optionalTextSchema } from '../../../../preload/schemas.ts';
import { call } from '../../api/client.ts';
import { hasCode } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DialogButtons } from '../admin/users/DialogButtons.tsx';
import { DoctorFields } from '../admin/users/DoctorFields.tsx';
import { StaleAlert } from '../admin/users/StaleAlert.tsx';
import { useRefreshSchedules } from '../calendar/schedule-api.ts';
import { PROFILE_FIELD_NAMES, profileFormSchema, profileToFormValues, underDoctor } from './profile-form.ts';
import { doctorsStrings } from './strings.ts';
import { useStaleReload } from '../../lib/use-stale-reload.ts';

const strings = doctorsStrings.profile;

/** The version to save against, and what to do when someone else saved first. */
function useVersioned(doctor: Doctor, onFresh: (fresh: Doctor) => void) {
  const [version, setVersion] = useState(doctor.version);
  const [formError, setFormError] = useState<string | null>(null);
  const { stale, setStale, reloading, reload } = useStaleReload(
    () => call('doctors.get', { doctorId: doctor.doctorId }),
    (fresh) => {
      onFresh(fresh);
      setVersion(fresh.version);
    },
    setFormError,
  );
  const alerts = (
    <>
      {stale ? (
        <StaleAlert
          title={strings.staleTitle}
          body={strings.staleBody}
          reloadLabel={strings.reload}
          reloading={reloading}
          onReload={() => void reload()}
        />
      ) : null}
      {formError ? <FormAlert>{formError}</FormAlert> : null}
    </>
  );
  return { version, setStale, setFormError, alerts };
}

function ProfileForm({ doctor, onDone }: { doctor: Doctor; onDone: () => void }) {
  const refresh = useRefreshSchedules();
  const methods = useForm({
    resolver: zodResolver(profileFormSchema),
    mode: 'onBlur',
    defaultValues: profileToFormValues(doctor),
  });
  const versioned = useVersioned(doctor, (fresh) => methods.reset(profileToFormValues(fresh)));
  const onSubmit = methods.handleSubmit(async ({ doctor: profile }) => {
    versioned.setFormError(null);
    versioned.setStale(false);
    try {
      const saved = await call('doctors.update', { ...profile, doctorId: doctor.doctorId, version: versioned.version });
      notifications.show({ color: 'green', message: strings.saved(saved.name) });
      refresh();
      onDone();
    } catch (error) {
      if (hasCode(error, 'STALE')) versioned.setStale(true);
      else versioned.setFormError(applyServerErrors(underDoctor(error), methods.setError, PROFILE_FIELD_NAMES));
    }
  });
  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {versioned.alerts}
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
  const versioned = useVersioned(doctor, (fresh) => reset({ about: fresh.about ?? '' }));
  const onSubmit = handleSubmit(async ({ about }) => {
    versioned.setFormError(null);
    versioned.setStale(false);
    try {
      const saved = await call('doctors.updateAbout', { doctorId: doctor.doctorId, version: versioned.version, about });
      notifications.show({ color: 'green', message: strings.saved(saved.name) });
      refresh();
      onDone();
    } catch (error) {
      if (hasCode(error, 'STALE')) versioned.setStale(true);
      else versioned.setFormError(applyServerErrors(error, setError, ['about']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {versioned.alerts}
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
