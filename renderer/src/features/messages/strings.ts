// Every user-facing sentence of the Messages area, patient-page section and nav badge.

export const messagesStrings = {
  title: 'Messages',
  intro: 'Conversations between doctors and the front desk, one per doctor and patient.',
  list: {
    label: 'Conversations',
    filters: 'Filter conversations',
    search: 'Search conversations',
    searchPlaceholder: 'Patient, doctor or last message',
    doctor: 'Doctor',
    anyDoctor: 'All doctors',
    unreadOnly: 'Unread only',
    empty: 'No conversations yet. Press “New conversation” to message a doctor about a patient.',
    emptyFiltered: 'No conversations match these filters.',
    loadMore: 'Show older conversations',
    loadFailed: 'The conversations could not be loaded.',
    noMessagesYet: 'No messages yet',
    unread: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
    threadLabel: (doctor: string, patient: string) => `${doctor} about ${patient}`,
  },
  newThread: {
    open: 'New conversation',
    title: 'New conversation',
    doctor: 'Doctor',
    doctorPlaceholder: 'Choose a doctor',
    patient: 'Patient',
    patientPlaceholder: 'Search by name, phone or number',
    chosenPatient: (name: string, number: string) => `Patient: ${name} (${number})`,
    submit: 'Open conversation',
    cancel: 'Cancel',
    choosePatient: 'Choose a patient first.',
    chooseDoctor: 'Choose a doctor first.',
  },
  thread: {
    none: 'Choose a conversation on the left, or start a new one.',
    history: (doctor: string, patient: string) => `Messages between ${doctor} and the front desk about ${patient}`,
    loadingOlder: 'Loading older messages…',
    beginning: 'This is the start of the conversation.',
    empty: 'No messages yet. Write the first one below.',
    loadFailed: 'The messages could not be loaded.',
    openPatient: 'Open patient page',
    you: 'You',
    roles: { admin: 'Admin', receptionist: 'Front desk', doctor: 'Doctor', patient: 'Patient' } as Record<
      string,
      string
    >,
  },
  composer: {
    label: 'Message',
    placeholder: 'Write a message. Enter sends, Shift+Enter starts a new line.',
    send: 'Send',
    hint: 'Enter sends · Shift+Enter new line',
    remaining: (left: number) =>
      left >= 0
        ? `${left.toLocaleString('en')} characters left`
        : `${(-left).toLocaleString('en')} characters too many`,
    empty: 'Write a message first.',
    tooLong: 'Use at most 4,000 characters.',
    failed: 'The message was not sent. Your text is kept; try again.',
  },
  link: {
    title: 'Open this link in your browser?',
    body: 'Clinic desk does not open links itself. Copy the address and paste it into your web browser if you trust it.',
    copy: 'Copy link',
    copied: 'Copied',
    close: 'Close',
    hint: (url: string) => `Link: ${url}. Activate to copy it.`,
  },
  search: {
    label: 'Search within messages',
    placeholder: 'Search all messages',
    results: 'Messages found',
    none: 'No messages contain that text.',
    hit: (sender: string, doctor: string, patient: string) => `${sender} in ${doctor} about ${patient}`,
  },
  nav: {
    badge: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  },
  patient: {
    title: 'Messages',
    none: 'No conversations about this patient yet.',
    open: (doctor: string) => `Open the conversation with ${doctor}`,
    messageDoctor: (doctor: string) => `Message ${doctor} about this patient`,
    messageFrontDesk: 'Message the front desk about this patient',
  },
  appointment: {
    messageDoctor: 'Message doctor',
    // Starts with the visible "Message doctor", so speech control users can say what they see.
    messageDoctorLabel: (doctor: string, patient: string) => `Message doctor: ${doctor} about ${patient}`,
    messageDesk: 'Message the desk',
    messageDeskLabel: (patient: string) => `Message the desk about ${patient}`,
  },
  openFailed: 'The conversation could not be opened.',
};
