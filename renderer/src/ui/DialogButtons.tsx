import { Button, Group } from '@mantine/core';

export interface DialogButtonsProps {
  submitLabel: string;
  cancelLabel: string;
  submitting: boolean;
  onCancel: () => void;
  /** A colour other than the theme's, e.g. red for money given back. */
  submitColor?: string;
  submitDisabled?: boolean;
}

export function DialogButtons({
  submitLabel,
  cancelLabel,
  submitting,
  onCancel,
  submitColor,
  submitDisabled,
}: DialogButtonsProps) {
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" color={submitColor} loading={submitting} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
