import { Button, Group } from '@mantine/core';

interface DialogButtonsProps {
  submitLabel: string;
  cancelLabel: string;
  submitting: boolean;
  onCancel: () => void;
}

export function DialogButtons({ submitLabel, cancelLabel, submitting, onCancel }: DialogButtonsProps) {
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
}
