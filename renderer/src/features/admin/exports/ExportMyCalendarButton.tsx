import { Button, Tooltip } from '@mantine/core';
import { IconCalendarDown } from '@tabler/icons-react';
import { addDays } from '#shared/dates.ts';
import { exportsStrings as strings } from './strings.ts';
import { useExportDownload } from './use-export-download.ts';

/** Twelve weeks, as far ahead as slots are usually generated. */
const WEEKS_AHEAD = 12;

/** A doctor's own appointments from a day on, as an .ics file for their calendar app. */
export function ExportMyCalendarButton({ doctorId, from }: { doctorId: number; from: string }) {
  const { busy, run } = useExportDownload({ notifyRefusals: true });
  return (
    <Tooltip label={strings.myCalendar.hint} withArrow>
      <Button
        variant="default"
        size="compact-sm"
        leftSection={<IconCalendarDown size={16} aria-hidden />}
        loading={busy !== null}
        onClick={() => void run('exports.doctorIcs', { doctorId, from, to: addDays(from, WEEKS_AHEAD * 7 - 1) })}
      >
        {strings.myCalendar.button}
      </Button>
    </Tooltip>
  );
}
