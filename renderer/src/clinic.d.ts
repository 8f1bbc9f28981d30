import type { ClinicApi } from '../../preload/api.ts';

declare global {
  interface Window {
    /** Provided before the app starts: by the Electron preload, or by the web shell's script. */
    clinic: ClinicApi;
  }
}

export {};
