import { Select, type SelectProps } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

type ChoiceSelectFieldProps<T extends FieldValues> = Omit<
  SelectProps,
  'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'searchable' | 'allowDeselect'
> & {
  control: Control<T>;
  name: Path<T>;
};

/**
 * A searchable list bound to a form field whose value is one of its choices (time zone,
 * currency): typing narrows the list, and a choice cannot be cleared.
 */
export function ChoiceSelectField<T extends FieldValues>({ control, name, ...select }: ChoiceSelectFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          {...select}
          searchable
          allowDeselect={false}
          value={typeof field.value === 'string' ? field.value : null}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
