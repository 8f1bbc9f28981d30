import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { DrawerSession } from '#contract/payments.ts';
import { call } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { AmountInput } from './AmountInput.tsx';
import { amountFieldSchema, currencyHint, useMoneySubmit } from './money-form.ts';
import { NoteInput } from './MoneyFormParts.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney, type MoneyContext } from './use-money.ts';

const strings = paymentsStrings.drawer;

interface OpenDrawerDialogProps {
  opened: boolean;
  money: MoneyContext;
  onClose: () => void;
  onOpened: (session: DrawerSession) => void;
}

function OpenDrawerForm({ money, onClose, onOpened }: Omit<OpenDrawerDialogProps, 'opened'>) {
  const form = useForm({
    resolver: zodResolver(z.object({ float: amountFieldSchema(money.minorDigits, { allowZero: true }) })),
    mode: 'onBlur',
    defaultValues: { float: '' },
  });
  const { register, formState } = form;
  const { formError, onSubmit } = useMoneySubmit(form, ['float'], async ({ float }) => {
    onOpened(await call('drawer.open', { float }));
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <AmountInput
          label={strings.floatLabel}
          description={strings.floatHint(currencyHint(money.minorDigits))}
          currency={money.currency}
          data-autofocus
          error={formState.errors.float?.message}
          {...register('float')}
        />
        <DialogButtons
          submitLabel={strings.submitOpen}
          cancelLabel={strings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function OpenDrawerDialog({ opened, ...props }: OpenDrawerDialogProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={strings.openTitle}>
      {opened ? <OpenDrawerForm {...props} /> : null}
    </Modal>
  );
}

interface CloseDrawerDialogProps {
  session: DrawerSession | null;
  opened: boolean;
  onClose: () => void;
  onClosed: (session: DrawerSession) => void;
}

function CloseDrawerForm({
  session,
  onClose,
  onClosed,
}: Omit<CloseDrawerDialogProps, 'opened'> & { session: DrawerSession }) {
  const money = useMoney(session);
  const form = useForm({
    resolver: zodResolver(
      z.object({
        counted: amountFieldSchema(session.minorDigits, { allowZero: true }),
        note: z.string().trim().max(300, 'Use at most 300 characters for the note.'),
      }),
    ),
    mode: 'onBlur',
    defaultValues: { counted: '', note: '' },
  });
  const { register, formState } = form;
  const { formError, onSubmit } = useMoneySubmit(form, ['counted', 'note'], async ({ counted, note }) => {
    onClosed(await call('drawer.close', { counted, note: note || null }));
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <Text>{strings.closeBody(money(session.expectedMinor))}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <AmountInput
          label={strings.countedLabel}
          description={strings.countedHint(currencyHint(session.minorDigits))}
          currency={session.currency}
          data-autofocus
          error={formState.errors.counted?.message}
          {...register('counted')}
        />
        <NoteInput
          label={strings.note}
          description={strings.noteHint}
          error={formState.errors.note?.message}
          {...register('note')}
        />
        <DialogButtons
          submitLabel={strings.submitClose}
          cancelLabel={strings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function CloseDrawerDialog({ opened, session, ...props }: CloseDrawerDialogProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={strings.closeTitle}>
      {opened && session ? <CloseDrawerForm session={session} {...props} /> : null}
    </Modal>
  );
}
