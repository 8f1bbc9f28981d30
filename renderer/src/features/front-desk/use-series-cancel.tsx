import { Group, Radio } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Appointment } from '#contract/front-desk.ts';
import { call } from '../../api/client.ts';
import { deskKeys } from './desk-api.ts';
import { seriesStrings as strings } from './strings.ts';

type Scope = 'only_this' | 'this_and_following';

/**
 * Cancelling a visit of a recurring series: the choice "only this visit" or "this and
 * following" for the cancel dialog (nothing shown outside a series or on its last open visit),
 * and the cancel itself through the channel the choice needs.
 */
export function useSeriesCancel(target: Appointment | null) {
  const appointmentId = target?.appointmentId ?? 0;
  const series = useQuery({
    queryKey: [...deskKeys.all, 'seriesOf', appointmentId],
    queryFn: () => call('appointments.seriesOf', { appointmentId }),
    enabled: target !== null,
    staleTime: 0,
  }).data;
  const [picked, setPicked] = useState<{ appointmentId: number; scope: Scope } | null>(null);
  const following = series ? series.openFromHere : 0;
  const scope: Scope = picked?.appointmentId === appointmentId && following > 1 ? picked.scope : 'only_this';

  const choice =
    following > 1 ? (
      <Radio.Group
        label={strings.scopeLabel}
        value={scope}
        onChange={(value) => setPicked({ appointmentId, scope: value === 'this_and_following' ? value : 'only_this' })}
      >
        <Group mt={4}>
          <Radio value="only_this" label={strings.onlyThis} />
          <Radio value="this_and_following" label={strings.thisAndFollowing(following)} />
        </Group>
      </Radio.Group>
    ) : null;

  const cancel = async (reason: string): Promise<void> => {
    if (scope === 'this_and_following') await call('appointments.cancelSeries', { appointmentId, scope, reason });
    else await call('appointments.cancel', { appointmentId, reason });
  };

  return { choice, cancel };
}
