import { NumberInput, TextInput } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { DateField } from '../../ui/DateField.tsx';
import { doctorsStrings } from './strings.ts';

const BELOW_INPUT = ['label', 'input', 'description', 'error'] as const;

interface ControlledProps<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  label: string;
  description?: string;
  autoFocus?: boolean;
  /** Optional dates can be emptied with a clear button. */
  clearable?: boolean;
}

/** A date picker that accepts typing, bound to a form field holding 'YYYY-MM-DD' or null. */
export function DateFormField<T extends FieldValues, TOut>(props: ControlledProps<T, TOut>) {
  const { control, name, label, description, autoFocus, clearable } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField
          label={label}
          description={description}
          inputWrapperOrder={[...BELOW_INPUT]}
          value={(field.value as string | null) ?? null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          clearable={clearable}
          data-autofocus={autoFocus || undefined}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** Slot length in minutes; starts at the clinic's default slot length. */
export function MinutesFormField<T extends FieldValues, TOut>({ control, name, label }: ControlledProps<T, TOut>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          min={5}
          max={240}
          step={5}
          allowDecimal={false}
          allowNegative={false}
          {...field}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

interface TimeFieldsProps<T extends FieldValues> {
  register: UseFormRegister<T>;
  errors: Partial<Record<string, { message?: string } | undefined>>;
  startName: Path<T>;
  endName: Path<T>;
  startLabel?: string;
  endLabel?: string;
}

/** Start and end times as typed text ("9:30", "14:00", "2:30 pm"), turned into HH:MM on submit. */
export function TimeFields<T extends FieldValues>(props: TimeFieldsProps<T>) {
  const strings = doctorsStrings.templates;
  return (
    <>
      <TextInput
        label={props.startLabel ?? strings.startTime}
        description={strings.timeHint}
        inputWrapperOrder={[...BELOW_INPUT]}
        autoComplete="off"
        error={props.errors[props.startName]?.message}
        {...props.register(props.startName)}
      />
      <TextInput
        label={props.endLabel ?? strings.endTime}
        description={strings.timeHint}
        inputWrapperOrder={[...BELOW_INPUT]}
        autoComplete="off"
        error={props.errors[props.endName]?.message}
        {...props.register(props.endName)}
      />
    </>
  );
}
