import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarPlus, IconEdit, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { OrMissing } from '../../ui/OrMissing.tsx';
import { useNow } from '../../lib/use-now.ts';
import { byTime, isUpcoming, useDesk, useAppointmentActions, WaitlistAddDialog } from '../front-desk/index.ts';
import { isDeskRole, useClinicMoment, useDeskFormat, useViewer } from '../../lib/use-desk-format.ts';
import { PatientPaymentsSection } from '../payments/index.ts';
import { PatientMessages } from '../messages/index.ts';
import { birthText } from './birth.ts';
import { EditPatientDialog } from './EditPatientDialog.tsx';
import { Fact } from './PatientFact.tsx';
import { PatientDemographics } from './PatientDemographics.tsx';
import { MergedAwayNotice, MergeWithButton } from './MergeButtons.tsx';
import { usePatient } from './patient-api.ts';
import { AppointmentTable, RescheduleHistory } from './PatientAppointments.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.page;

/** Each doctor the patient has appointments with, once, in order of first appearance. */
const doctorsOf = (appointments: readonly { doctorId: number; doctorName: string }[]) => [
  ...new Map(appointments.map((a) => [a.doctorId, { doctorId: a.doctorId, doctorName: a.doctorName }])).values(),
];

/** One patient: details (editable), upcoming and past appointments with actions, reschedule history. */
export function PatientPage() {
  const params = useParams();
  const patientId = Number(params.patientId);
  const patient = usePatient(Number.isInteger(patientId) && patientId > 0 ? patientId : null);
  const desk = useDesk();
  const viewer = useViewer();
  const format = useDeskFormat();
  const moment = useClinicMoment(useNow(60_000));
  const actions = useAppointmentActions();
  const [editing, setEditing] = useState(false);
  const [waitlisting, setWaitlisting] = useState(false);

  if (patient.isError) return <FormAlert title={strings.loadFailed}>{messageOf(patient.error)}</FormAlert>;
  if (!patient.data || !viewer || !moment) {
    return (
      <Stack aria-busy="true">
        <Skeleton height={36} width="40%" />
        <Skeleton height={120} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  const p = patient.data;
  const desktop = isDeskRole(viewer);
  const upcoming = p.appointments.filter((a) => isUpcoming(a, moment.date)).sort(byTime);
  const past = p.appointments.filter((a) => !isUpcoming(a, moment.date)).sort((a, b) => byTime(b, a));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/patients" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
        {strings.back}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{p.name}</Title>
          <Text c="dimmed">{p.patientNumber}</Text>
        </div>
        {desktop ? (
          <Group gap="xs">
            <Button
              leftSection={<IconCalendarPlus size={18} aria-hidden />}
              onClick={() => desk.openBooking({ patientId: p.patientId })}
            >
              {strings.book}
            </Button>
            <Button
              variant="default"
              leftSection={<IconListDetails size={18} aria-hidden />}
              onClick={() => setWaitlisting(true)}
            >
              {strings.addToWaitlist}
            </Button>
            <MergeWithButton patientId={p.patientId} />
          </Group>
        ) : null}
      </Group>
      <MergedAwayNotice patientId={p.patientId} />
      <Paper withBorder p="md" component="section" aria-label={strings.details}>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {strings.details}
          </Title>
          {desktop ? (
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconEdit size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {strings.edit}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={strings.phone}>
            <OrMissing value={p.phone} />
          </Fact>
          <Fact label={strings.email}>
            <OrMissing value={p.email} />
          </Fact>
          <Fact label={strings.gender}>
            <OrMissing value={p.gender && (patientsStrings.genders[p.gender] ?? p.gender)} />
          </Fact>
          <Fact label={p.dateOfBirth || p.age === null ? strings.dateOfBirth : strings.age}>
            <OrMissing value={birthText(p)} />
          </Fact>
        </SimpleGrid>
        <PatientDemographics patient={p} />
        <Stack gap={4} mt="sm">
          <Fact label={strings.medicalNotes}>
            <OrMissing value={p.medicalNotes} />
          </Fact>
          <Text size="xs" c="dimmed">
            {strings.registeredOn(format.instant(p.createdAt))}
          </Text>
        </Stack>
      </Paper>
      <AppointmentTable
        title={strings.upcoming}
        empty={desktop ? strings.noUpcoming : strings.noUpcomingPlain}
        appointments={upcoming}
        viewer={viewer}
        moment={moment}
        busyId={actions.busyId}
        onAction={actions.perform}
      />
      <AppointmentTable
        title={strings.past}
        empty={strings.noPast}
        appointments={past}
        viewer={viewer}
        moment={moment}
        busyId={actions.busyId}
        onAction={actions.perform}
      />
      <RescheduleHistory reschedules={p.reschedules} />
      <PatientMessages patientId={p.patientId} viewer={viewer} doctors={doctorsOf(p.appointments)} />
      <PatientPaymentsSection patientId={p.patientId} />
      {actions.dialogs}
      <EditPatientDialog patient={p} opened={editing} onClose={() => setEditing(false)} />
      <WaitlistAddDialog
        patientId={p.patientId}
        patientName={p.name}
        opened={waitlisting}
        onClose={() => setWaitlisting(false)}
      />
    </Stack>
  );
}
