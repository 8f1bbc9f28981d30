import { tzlib_get_ical_block } from 'timezones-ical-library';

// VTIMEZONE blocks from timezones-ical-library (current IANA rules; @touch4it/ical-timezones
// stopped at 2018's and lacks names such as Europe/Kyiv). The library answers a zone that
// IANA made a link with the target's block (Africa/Accra → TZID:Africa/Abidjan, UTC →
// Etc/UTC); the rules are the same, but RFC 5545 matches an event's TZID to the block's
// TZID by text, so the block is relabelled with the name the events use.

/** The VTIMEZONE component for a zone, its TZID exactly `timeZone`; null when unknown. */
export function vtimezoneFor(timeZone: string): string | null {
  const answer = tzlib_get_ical_block(timeZone);
  const block = Array.isArray(answer) ? answer[0] : undefined;
  if (!block?.startsWith('BEGIN:VTIMEZONE')) return null;
  return block.replace(/^TZID:.*$/m, `TZID:${timeZone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${timeZone}`);
}
