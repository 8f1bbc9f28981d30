// The messages domain's public face: Doctor–front-desk conversations about a patient.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createMessagesService } from './messages.ts';
