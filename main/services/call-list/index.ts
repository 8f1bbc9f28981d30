// The call-list domain's public face: the confirmation call list and the printed day sheets
// (day list, appointment card). Other domains import this domain only through this file.

export { createCallListService } from './call-list.ts';
export { createPrintoutsService } from './printouts.ts';
