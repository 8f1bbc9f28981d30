import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface FormAlertProps {
  title?: string;
  children: ReactNode;
}

/** A refusal that belongs to the whole form rather than one field. Announced to screen readers. */
export function FormAlert({ title, children }: FormAlertProps) {
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title}>
      {children}
    </Alert>
  );
}
