// Preferred languages of patients: ISO 639-1 codes (the primary subtag of a BCP 47 tag, as
// FHIR's Patient.communication expects), with an optional region ("fr-CA"). Names come from
// Intl, so the list is the one copy and every screen names a language the same way.

export const LANGUAGE_CODES = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el ' +
  'en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it ' +
  'iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt ' +
  'my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl ' +
  'sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo ' +
  'za zh zu'
).split(' ');

const KNOWN = new Set(LANGUAGE_CODES);

/** The language's name in the given display language ("si" → "Sinhala"), or the code itself. */
export function languageName(code: string, displayIn = 'en'): string {
  try {
    return new Intl.DisplayNames([displayIn], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

let byEnglishName: Map<string, string> | null = null;

/**
 * A typed language as its canonical tag: a known code ("SI", "fr-ca" → "si", "fr-CA") or an
 * English name ("Sinhala", "tamil"); null when it is neither.
 */
export function languageTag(typed: string): string | null {
  const text = typed.trim();
  const match = /^([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?$/.exec(text);
  if (match) {
    const code = (match[1] ?? '').toLowerCase();
    if (!KNOWN.has(code)) return null;
    return match[2] ? `${code}-${match[2].toUpperCase()}` : code;
  }
  byEnglishName ??= new Map(LANGUAGE_CODES.map((code) => [languageName(code).toLowerCase(), code]));
  return byEnglishName.get(text.toLowerCase()) ?? null;
}
