import { Button, Center, Stack } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { FormAlert } from '../ui/FormAlert.tsx';
import { commonStrings } from '../lib/strings.ts';

interface State {
  failed: boolean;
}

/** A screen that crashed shows a way out instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A screen failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Center mih="100%" p="xl">
        <Stack w={460}>
          <FormAlert>{commonStrings.somethingWentWrong}</FormAlert>
          <Button onClick={() => window.location.reload()}>{commonStrings.reloadApp}</Button>
        </Stack>
      </Center>
    );
  }
}
