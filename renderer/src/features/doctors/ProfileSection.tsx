import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Doctor } from '#contract/schedule.ts';
import { useSettings } from '../../api/settings.ts';
import { formatMajorNumber } from '#shared/money.ts';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { BookingBadge } from './DoctorsPage.tsx';
import { ProfileDialog } from './ProfileDialogs.tsx';
import { doctorsStrings } from './strings.ts';
import { OrMissing } from '../../ui/OrMissing.tsx';

const strings = doctorsStrings.profile;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** The doctor's profile; admins edit all of it, the doctor their own About text. */
export function ProfileSection({ doctor }: { doctor: Doctor }) {
  const currency = useSettings().data?.currency ?? 'USD';
  const rights = useScheduleRights();
  const [editing, setEditing] = useState<'full' | 'about' | null>(null);
  const mode = rights.canEditProfile ? 'full' : rights.canEditAbout(doctor.doctorId) ? 'about' : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="doctor-profile-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="doctor-profile-title">
            {strings.title}
          </Title>
          {mode ? (
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(mode)}
            >
              {mode === 'full' ? strings.edit : strings.editAbout}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label={strings.specialization}>{doctor.specialization}</Fact>
          <Fact label={strings.experience}>{strings.years(doctor.experienceYears)}</Fact>
          <Fact label={strings.fee}>{formatMajorNumber(doctor.consultationFee, currency)}</Fact>
          <Fact label={strings.rating}>
            {doctor.rating === null ? strings.noRating : strings.ratingValue(doctor.rating)}
          </Fact>
          <Fact label={strings.email}>
            <OrMissing value={doctor.email} />
          </Fact>
          <Fact label={strings.phone}>
            <OrMissing value={doctor.phone} />
          </Fact>
          <Fact label={strings.bookings}>
            <BookingBadge available={doctor.isAvailable} />
          </Fact>
        </SimpleGrid>
        <Fact label={strings.about}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {doctor.about ?? strings.noAbout}
          </Text>
        </Fact>
      </Stack>
      <ProfileDialog doctor={doctor} mode={editing} onClose={() => setEditing(null)} />
    </Paper>
  );
}
