// Sentences of the shared components in ui/ (every feature shows them the same way).

export const uiStrings = {
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
