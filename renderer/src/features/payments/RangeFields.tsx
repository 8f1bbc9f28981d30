import { Button, Group } from '@mantine/core';
import { DateField } from '../../ui/DateField.tsx';
import { paymentsStrings } from './strings.ts';
import { presetRange } from './use-range.ts';

const strings = paymentsStrings.page;

interface RangeFieldsProps {
  from: string;
  to: string;
  today: string;
  onChange: (range: { from: string; to: string }) => void;
}

/** First and last day (picker or typed), and one-press Today / This week / This month. */
export function RangeFields({ from, to, today, onChange }: RangeFieldsProps) {
  const presets = [
    { key: 'today', label: strings.today },
    { key: 'week', label: strings.thisWeek },
    { key: 'month', label: strings.thisMonth },
  ] as const;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <DateField
        label={strings.from}
        value={from}
        w={170}
        onChange={(value) => {
          if (value) onChange({ from: value, to: value > to ? value : to });
        }}
      />
      <DateField
        label={strings.to}
        value={to}
        w={170}
        onChange={(value) => {
          if (value) onChange({ from: value < from ? value : from, to: value });
        }}
      />
      <Group gap={4}>
        {presets.map((preset) => {
          const range = presetRange(preset.key, today);
          const active = range.from === from && range.to === to;
          return (
            <Button
              key={preset.key}
              variant={active ? 'light' : 'default'}
              aria-pressed={active}
              onClick={() => onChange(range)}
            >
              {preset.label}
            </Button>
          );
        })}
      </Group>
    </Group>
  );
}
