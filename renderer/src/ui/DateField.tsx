import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { formatDateMedium } from '../lib/date-format.ts';
import { parseTypedDate } from '../lib/typed-input.ts';
import { uiStrings } from './strings.ts';

const picker = uiStrings.dateField.picker;
// The arrow buttons of the open picker need a name (axe: button-name) at every level; the
// month and year buttons between them are named by their text.
const pickerAriaLabels = {
  previousMonth: picker.previousMonth,
  nextMonth: picker.nextMonth,
  previousYear: picker.previousYear,
  nextYear: picker.nextYear,
  previousDecade: picker.previousDecade,
  nextDecade: picker.nextDecade,
};

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'dateParser' | 'valueFormat'> & {
  /** 'YYYY-MM-DD', or null when empty. */
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * A date picker that also accepts typing (2026-03-14, 14/03/2026, 14 Mar 2026); it shows the
 * date with its weekday. Values are the contract's 'YYYY-MM-DD' strings.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  return (
    <DateInput
      {...props}
      value={value}
      onChange={onChange}
      dateParser={parseTypedDate}
      valueFormat={(date) => formatDateMedium(date)}
      firstDayOfWeek={1}
      ariaLabels={pickerAriaLabels}
      clearButtonProps={{ 'aria-label': uiStrings.dateField.clearDate }}
      popoverProps={{ withinPortal: true }}
    />
  );
}
