import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DateField } from '../../renderer/src/ui/DateField.tsx';

// Every date picker in the app is this field: the open picker's buttons all need a name
// (axe's button-name rule failed on the month arrows in the leave dialog).
function expectEveryButtonNamed(): void {
  const unnamed = screen
    .queryAllByRole('button', { hidden: true })
    .filter((button) => !button.getAttribute('aria-label') && !button.textContent?.trim());
  expect(unnamed.map((button) => button.outerHTML)).toEqual([]);
}

describe('DateField picker', () => {
  it('names the previous and next buttons of every level of the open picker', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <DateField label="First day" value="2026-12-07" onChange={() => undefined} />
      </MantineProvider>,
    );
    await user.click(screen.getByLabelText('First day'));
    // jsdom runs no CSS transitions, so the popover counts as hidden to the role queries.
    const button = (name: string) => screen.findByRole('button', { name, hidden: true });
    expect(await button('Previous month')).toBeInTheDocument();
    expect(await button('Next month')).toBeInTheDocument();
    expectEveryButtonNamed();
    await user.click(await button('December 2026'));
    expect(await button('Previous year')).toBeInTheDocument();
    expect(await button('Next year')).toBeInTheDocument();
    expectEveryButtonNamed();
    await user.click(await button('2026'));
    expect(await button('Previous decade')).toBeInTheDocument();
    expect(await button('Next decade')).toBeInTheDocument();
    expectEveryButtonNamed();
  });
});
