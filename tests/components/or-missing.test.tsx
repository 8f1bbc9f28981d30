import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrMissing } from '../../renderer/src/ui/OrMissing.tsx';

// A missing value is a dash to the eye and "Not given" to a screen reader, never "None".
describe('OrMissing', () => {
  it('shows the value when there is one, zero included', () => {
    render(
      <MantineProvider>
        <p data-testid="phone">
          <OrMissing value="+233 20 000 0000" />
        </p>
        <p data-testid="age">
          <OrMissing value={0} />
        </p>
      </MantineProvider>,
    );
    expect(screen.getByTestId('phone')).toHaveTextContent('+233 20 000 0000');
    expect(screen.getByTestId('age')).toHaveTextContent(/^0$/);
  });

  it('shows a dash read out as "Not given" for null, undefined and empty text', () => {
    render(
      <MantineProvider>
        {[null, undefined, ''].map((value, index) => (
          <p key={index} data-testid={`missing-${index}`}>
            <OrMissing value={value} />
          </p>
        ))}
      </MantineProvider>,
    );
    for (const index of [0, 1, 2]) {
      const cell = screen.getByTestId(`missing-${index}`);
      expect(cell).toHaveTextContent('—Not given');
      expect(cell).not.toHaveTextContent('None');
      expect(cell.querySelector('[aria-hidden]')).toHaveTextContent('—');
    }
  });
});
