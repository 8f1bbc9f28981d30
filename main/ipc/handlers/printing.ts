import type { HandlerMap } from '../handler-types.ts';

type PrintingChannels = 'printing.settings' | 'printing.setSettings' | 'printing.printers' | 'printing.print';

// Printing on this PC (main/printing/printing.ts).
export const printingHandlers: HandlerMap<PrintingChannels> = {
  'printing.settings': (_input, { runtime }) => Promise.resolve(runtime.printing.settings()),
  'printing.setSettings': (input, { runtime }) => Promise.resolve(runtime.printing.setSettings(input)),
  'printing.printers': (_input, { runtime }) => runtime.printing.printers(),
  'printing.print': (input, { runtime }) => runtime.printing.print(input),
};
