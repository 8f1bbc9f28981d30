import { CHANNEL_NAMES, contract, type ChannelName } from '#contract/index.ts';
import { emailSchema } from '#contract/fields.ts';
import { DB_OPTION, PASSWORD_ENV, parseFlags, requiredFlag, stringFlag, UsageError } from '../args.ts';
import { passwordFromEnv, requireExistingDb, withCore, type CliIo } from '../io.ts';
import { readCallInput } from '../input.ts';
import { checked } from '../validate.ts';

const OPTIONS = { ...DB_OPTION, as: { type: 'string' }, input: { type: 'string' } } as const;

/** The transport key of the command line's one session. */
const CLIENT_KEY = 'cli';

const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name);

/** Signs in through the real dispatcher, then calls one channel with the given JSON input. */
export async function callCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, OPTIONS, 2);
  const [channel, json] = flags.positionals;
  if (channel === undefined) throw new UsageError('call needs a CHANNEL and its JSON input.');
  if (!isChannel(channel)) {
    throw new UsageError(`Unknown channel "${channel}". Channels: ${CHANNEL_NAMES.join(', ')}`);
  }
  const inputFile = stringFlag(flags, 'input');
  const dbFile = requiredFlag(flags, 'db');
  const asFlag = stringFlag(flags, 'as');
  const email = asFlag === undefined ? undefined : checked(emailSchema, asFlag, '--as');
  if (email === undefined && contract[channel].access !== 'public') {
    throw new UsageError(`${channel} needs a signed-in user: add --as EMAIL.`);
  }
  const password = email === undefined ? undefined : passwordFromEnv(io);
  if (email !== undefined && password === undefined) {
    throw new UsageError(`Set the password of ${email} in the ${PASSWORD_ENV} environment variable.`);
  }
  requireExistingDb(dbFile);
  // Read last, once every flag is known to be right: standard input can only be read once.
  const input = await readCallInput({ argument: json, file: inputFile }, io);

  return withCore(dbFile, io, async ({ dispatcher }) => {
    if (email !== undefined && password !== undefined) {
      const signIn = await dispatcher.dispatch(CLIENT_KEY, 'auth.signIn', { email, password });
      if (!signIn.ok) {
        io.err(`Sign-in as ${email} failed.`);
        io.out(JSON.stringify(signIn, null, 2));
        return 1;
      }
    }
    const result = await dispatcher.dispatch(CLIENT_KEY, channel, input);
    io.out(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  });
}
