import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '#contract/index.ts';
import { personNameSchema, searchQuerySchema, textSchema } from '#contract/fields.ts';

// Every text a channel takes refuses control characters and broken UTF-16, wherever it sits in
// the input (nested objects, unions, arrays, optional and piped fields). PostgreSQL refuses
// U+0000 in any text, so one raw z.string() would turn a pasted NUL into an INTERNAL error.

interface Leaf {
  path: string;
  schema: z.ZodType;
}

/** True when a schema's input is text (possibly through wrappers and pipes). */
function takesText(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodString) return true;
  if (schema instanceof z.ZodPipe) return takesText(schema.in as z.ZodType);
  return false;
}

/** The text-taking parts of an input schema, each as the schema that judges it in full. */
function textLeaves(schema: z.ZodType, path: string): Leaf[] {
  if (takesText(schema)) return [{ path, schema }];
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
      textLeaves(child, path ? `${path}.${key}` : key),
    );
  }
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => textLeaves(o, path));
  if (schema instanceof z.ZodArray) return textLeaves(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodRecord) return textLeaves(schema.valueType as z.ZodType, `${path}{}`);
  if (schema instanceof z.ZodPipe) return textLeaves(schema.in as z.ZodType, path);
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodReadonly
  ) {
    return textLeaves(schema.unwrap() as z.ZodType, path);
  }
  return [];
}

const leaves = CHANNEL_NAMES.flatMap((channel) =>
  textLeaves(contract[channel].input, '').map((leaf) => ({ ...leaf, channel })),
);

const BAD_TEXTS = {
  NUL: 'Ana\u0000Lee',
  'a C0 control (ESC)': 'Ana\u001bLee',
  DEL: 'Ana\u007fLee',
  'a C1 control': 'Ana\u0085Lee',
  'a lone high surrogate': 'Ana\ud83dLee',
  'a lone low surrogate': 'Ana\ude00Lee',
};

describe('text inputs of every channel', () => {
  it('finds the text fields (the walk reaches nested and optional ones)', () => {
    const names = new Set(leaves.map((l) => `${l.channel}:${l.path}`));
    expect(names).toContain('patients.register:name');
    expect(names).toContain('payments.list:query');
    expect(names).toContain('users.create:doctor.specialization');
    expect(leaves.length).toBeGreaterThan(40);
  });

  for (const [what, text] of Object.entries(BAD_TEXTS)) {
    it(`refuses ${what} in every text field`, () => {
      const accepted = leaves.filter((l) => l.schema.safeParse(text).success).map((l) => `${l.channel}:${l.path}`);
      expect(accepted).toEqual([]);
    });
  }
});

describe('the shared text schema', () => {
  it('names the field in its sentence', () => {
    const nul = personNameSchema.safeParse('Ana\u0000');
    expect(nul.error?.issues.map((i) => i.message)).toEqual(['Remove the invisible control character from the name.']);
    const broken = searchQuerySchema.safeParse('\ud83d');
    expect(broken.error?.issues[0]?.message).toBe(
      'Type the search text again: it contains a broken character (half of an emoji or symbol).',
    );
  });

  it('keeps tabs, new lines and whole emoji; turns pasted \\r\\n and a lone \\r into \\n', () => {
    const notes = textSchema('notes');
    expect(notes.parse('one\r\ntwo\rthree\n\tfour 😀')).toBe('one\ntwo\nthree\n\tfour 😀');
  });
});
