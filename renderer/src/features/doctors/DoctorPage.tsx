import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useClinicToday } from '../../lib/use-clinic-today.ts';
import { BookingBadge } from './DoctorsPage.tsx';
import { ExceptionsSection } from './ExceptionsSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { doctorsStrings } from './strings.ts';
import { TemplatesSection } from './TemplatesSection.tsx';
import { useDoctor } from './use-doctor.ts';

const strings = doctorsStrings.page;

function BackLink() {
  return (
    <Anchor component={Link} to="/calendar/doctors" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {strings.back}
      </Group>
    </Anchor>
  );
}

/** One doctor: profile, weekly schedule, and leave and extra sessions. */
export function DoctorPage() {
  const doctorId = Number(useParams().doctorId);
  const rights = useScheduleRights();
  const today = useClinicToday();
  const doctor = useDoctor(doctorId);

  if (doctor.isPending || !today) {
    return (
      <Stack aria-busy="true">
        <Skeleton height={28} width="40%" />
        <Skeleton height={140} />
        <Skeleton height={140} />
      </Stack>
    );
  }
  if (doctor.isError && !doctor.data) {
    return (
      <Stack>
        <BackLink />
        <FormAlert title={strings.loadFailed}>{messageOf(doctor.error)}</FormAlert>
      </Stack>
    );
  }
  const canManage = rights.canManage(doctorId);
  return (
    <Stack gap="md">
      <BackLink />
      <Group gap="sm" align="center">
        <Title order={2} size="h3">
          {doctor.data.name}
        </Title>
        <Text c="dimmed">{doctor.data.specialization}</Text>
        <BookingBadge available={doctor.data.isAvailable} />
      </Group>
      <ProfileSection doctor={doctor.data} />
      <TemplatesSection doctorId={doctorId} canManage={canManage} today={today} />
      <ExceptionsSection doctorId={doctorId} canManage={canManage} today={today} />
    </Stack>
  );
}
