import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef } from 'react';

/** A money field: text as typed (never turned into a float), right-aligned, with the currency code. */
export const AmountInput = forwardRef<HTMLInputElement, TextInputProps & { currency: string }>(function AmountInput(
  { currency, ...props },
  ref,
) {
  return (
    <TextInput
      ref={ref}
      inputMode="decimal"
      autoComplete="off"
      rightSection={<span aria-hidden>{currency}</span>}
      rightSectionWidth={52}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
    />
  );
});
