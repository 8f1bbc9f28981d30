import { Radio, SimpleGrid } from '@mantine/core';
import { PAYMENT_METHODS, type PaymentMethod } from '#contract/payments.ts';
import { methodLabels } from './strings.ts';

interface MethodFieldProps {
  label: string;
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  error?: string;
}

const isMethod = (value: string): value is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(value);

/** The six methods as radio buttons: arrows move between them and Enter submits the form. */
export function MethodField({ label, value, onChange, error }: MethodFieldProps) {
  return (
    <Radio.Group
      label={label}
      value={value}
      onChange={(next) => {
        if (isMethod(next)) onChange(next);
      }}
      error={error}
    >
      <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs" mt={6}>
        {PAYMENT_METHODS.map((method) => (
          <Radio key={method} value={method} label={methodLabels[method]} />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
