// Sentences of the shared components in ui/ (every feature shows them the same way).

export const uiStrings = {
  /** Read out where a table or fact shows a dash for a missing value. */
  notGiven: 'Not given',
  dateField: {
    clearDate: 'Clear the date',
    picker: {
      previousMonth: 'Previous month',
      nextMonth: 'Next month',
      previousYear: 'Previous year',
      nextYear: 'Next year',
      previousDecade: 'Previous decade',
      nextDecade: 'Next decade',
    },
  },
};
