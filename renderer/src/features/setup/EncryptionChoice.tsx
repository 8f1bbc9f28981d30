import { Checkbox } from '@mantine/core';
import { setupEncryptionStrings as strings } from './strings.ts';

interface EncryptionChoiceProps {
  checked: boolean;
  onChange(checked: boolean): void;
  /** False where no keychain keeps the key (then the words are asked at every start). */
  keyCanBeKept: boolean;
}

/** First run: encrypt the new clinic's file (on by default where a keychain keeps the key). */
export function EncryptionChoice({ checked, onChange, keyCanBeKept }: EncryptionChoiceProps) {
  return (
    <Checkbox
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      label={strings.choice}
      description={keyCanBeKept ? strings.choiceHint : `${strings.choiceHint} ${strings.choiceHintNoKeychain}`}
    />
  );
}
