// Fixed texts the demo data is drawn from.

export const SPECIALIZATIONS = [
  {
    name: 'General practice',
    about: 'Family doctor for adults and children: check-ups, chronic conditions and referrals.',
  },
  {
    name: 'Paediatrics',
    about: 'Care for babies, children and teenagers, from vaccinations to growth and development.',
  },
  { name: 'Cardiology', about: 'Heart and blood vessel care: chest pain, high blood pressure, ECG follow-up.' },
  { name: 'Dermatology', about: 'Skin, hair and nail conditions, including eczema, acne and mole checks.' },
  { name: 'Gynaecology', about: 'Women’s health, antenatal visits, contraception and menopause care.' },
  { name: 'Orthopaedics', about: 'Bones, joints and sports injuries; back and knee pain clinics.' },
  { name: 'ENT', about: 'Ear, nose and throat: hearing, sinus problems and tonsillitis.' },
  { name: 'Psychiatry', about: 'Assessment and treatment of anxiety, depression and sleep problems.' },
  { name: 'Ophthalmology', about: 'Eye examinations, glaucoma follow-up and diabetic eye screening.' },
  { name: 'Endocrinology', about: 'Diabetes, thyroid and hormone disorders.' },
  { name: 'Neurology', about: 'Headaches, epilepsy, nerve and movement disorders.' },
  { name: 'Physiotherapy', about: 'Rehabilitation after injury or surgery, posture and mobility.' },
] as const;

export const MEDICAL_NOTES = [
  'Allergic to penicillin.',
  'Type 2 diabetes, on metformin.',
  'Asthma; uses a salbutamol inhaler.',
  'High blood pressure, on amlodipine.',
  'Allergic to peanuts (carries an adrenaline pen).',
  'Hypothyroidism, on levothyroxine.',
  'Pregnant, due in the spring.',
  'Prefers morning appointments.',
  'Needs an interpreter.',
  'Uses a wheelchair; book the ground-floor room.',
  'Migraine with aura.',
  'Latex allergy.',
  'Recovering from knee surgery.',
  'Seasonal hay fever.',
] as const;

export const RESCHEDULE_REASONS = [
  'Patient asked for another day.',
  'Doctor called away for an emergency.',
  'Patient is unwell and cannot travel.',
  'Clash with the patient’s work shift.',
  'Waiting for lab results before the visit.',
  null,
] as const;

/** Messages between a doctor and the front desk about one patient; {first} is the patient. */
export const FROM_RECEPTION = [
  '{first} called to ask whether the test results are back.',
  'Can you see {first} a few minutes early next time?',
  '{first} updated their phone number and insurance details.',
  '{first} is asking for a repeat prescription.',
  '{first} would like a letter for their employer.',
  '{first} is running 10 minutes late today.',
  'Lab results for {first} have arrived; I put them in the tray.',
] as const;

export const FROM_DOCTOR = [
  'Please book {first} a follow-up in two weeks.',
  'Thanks, noted.',
  'Ask {first} to bring previous test results next time.',
  'Yes, that is fine.',
  'Please call {first} and ask them to fast before the blood test.',
  'I will review it this afternoon.',
  'Can you send {first} the leaflet about the new medication?',
] as const;
