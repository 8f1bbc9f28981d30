import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { credentialsSchema } from '#contract/fields.ts';
import { applyServerErrors } from '../api/form-errors.ts';
import { FormAlert } from './FormAlert.tsx';

type Credentials = z.output<typeof credentialsSchema>;

export interface CredentialsFormWords {
  email: string;
  password: string;
  submit: string;
  failedTitle: string;
}

/**
 * An email and password form (signing in, an administrator confirming a step): the fields are
 * checked on blur, main's field errors land on their field, and any other refusal shows above.
 * `refusal` turns a refusal into the screen's own sentence (null keeps the generic one).
 */
export function CredentialsForm({
  words,
  onSubmit,
  refusal,
  before,
  after,
}: {
  words: CredentialsFormWords;
  onSubmit: (values: Credentials) => Promise<void>;
  refusal?: (error: unknown) => string | null;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(credentialsSchema), mode: 'onBlur', defaultValues: { email: '', password: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      const generic = applyServerErrors(error, setError, ['email', 'password']);
      setFormError(refusal?.(error) ?? generic);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {before}
        {formError ? <FormAlert title={words.failedTitle}>{formError}</FormAlert> : null}
        <TextInput
          label={words.email}
          type="email"
          autoComplete="username"
          autoFocus
          error={errors.email?.message}
          {...register('email')}
        />
        <PasswordInput
          label={words.password}
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} fullWidth>
          {words.submit}
        </Button>
        {after}
      </Stack>
    </form>
  );
}
