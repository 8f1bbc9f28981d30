import type { Rng } from './prng.ts';

// Generated people only: a first and a last name drawn independently from common names of
// one culture. Any match with a real person is a coincidence of common names.

interface Culture {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
  weight: number;
}

const CULTURES: readonly Culture[] = [
  {
    weight: 4,
    female: ['Emma', 'Olivia', 'Grace', 'Charlotte', 'Hannah', 'Lucy', 'Megan', 'Sophie', 'Eleanor', 'Ruth'],
    male: ['James', 'Oliver', 'Thomas', 'William', 'Henry', 'George', 'Daniel', 'Samuel', 'Edward', 'Peter'],
    last: [
      'Smith',
      'Taylor',
      'Brown',
      'Walker',
      'Wright',
      'Hughes',
      'Green',
      'Hall',
      'Clarke',
      'Turner',
      'Baker',
      'Cooper',
    ],
  },
  {
    weight: 3,
    female: ['Lucía', 'María', 'Sofía', 'Valentina', 'Camila', 'Isabel', 'Carmen', 'Elena', 'Paula', 'Daniela'],
    male: ['Javier', 'Carlos', 'Mateo', 'Diego', 'Alejandro', 'Pablo', 'Andrés', 'Luis', 'Miguel', 'Sergio'],
    last: ['García', 'Martínez', 'López', 'Hernández', 'Romero', 'Torres', 'Ramírez', 'Vargas', 'Castillo', 'Morales'],
  },
  {
    weight: 3,
    female: ['Amara', 'Chiamaka', 'Ngozi', 'Funmilayo', 'Adaeze', 'Yetunde', 'Ifeoma', 'Temitope', 'Zainab', 'Folake'],
    male: ['Chinedu', 'Oluwaseun', 'Emeka', 'Babatunde', 'Ikenna', 'Tunde', 'Obinna', 'Kelechi', 'Ayodele', 'Segun'],
    last: ['Okafor', 'Adeyemi', 'Nwosu', 'Balogun', 'Eze', 'Okonkwo', 'Adebayo', 'Obi', 'Afolabi', 'Chukwu'],
  },
  {
    weight: 3,
    female: ['Priya', 'Ananya', 'Kavya', 'Meera', 'Lakshmi', 'Divya', 'Sneha', 'Aditi', 'Pooja', 'Nisha'],
    male: ['Arjun', 'Rahul', 'Vikram', 'Sanjay', 'Rohan', 'Aditya', 'Karthik', 'Anil', 'Suresh', 'Nikhil'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Menon', 'Rao', 'Kulkarni', 'Banerjee'],
  },
  {
    weight: 2,
    female: ['Li Na', 'Mei', 'Xiu Ying', 'Hui', 'Jing', 'Yan', 'Ling', 'Xin', 'Fang', 'Qing'],
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Tao', 'Ming', 'Jian', 'Bo', 'Qiang', 'Yong'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
  },
  {
    weight: 2,
    female: ['Fatima', 'Layla', 'Mariam', 'Noor', 'Yasmin', 'Huda', 'Salma', 'Rania', 'Aisha', 'Leila'],
    male: ['Omar', 'Youssef', 'Khalid', 'Hassan', 'Karim', 'Tariq', 'Samir', 'Bilal', 'Nabil', 'Rami'],
    last: ['Haddad', 'Khalil', 'Nasser', 'Saleh', 'Mansour', 'Aziz', 'Farouk', 'Hamdan', 'Karam', 'Rahman'],
  },
  {
    weight: 2,
    female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Zofia', 'Ewa', 'Joanna', 'Natalia', 'Marta', 'Alicja'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Michał', 'Paweł', 'Jakub', 'Marek', 'Łukasz', 'Adam', 'Wojciech'],
    last: [
      'Nowak',
      'Kowalczyk',
      'Wiśniewski',
      'Wójcik',
      'Kamiński',
      'Lewandowski',
      'Zieliński',
      'Szymański',
      'Dąbrowski',
      'Mazur',
    ],
  },
  {
    weight: 1,
    female: ['Linh', 'Thu', 'Huong', 'Mai', 'Lan', 'Ngoc', 'Trang', 'Phuong', 'Hanh', 'Thao'],
    male: ['Minh', 'Duc', 'Tuan', 'Hung', 'Quang', 'Nam', 'Long', 'Khoa', 'Bao', 'Thanh'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'],
  },
  {
    weight: 1,
    female: ['Yuki', 'Haruka', 'Sakura', 'Aiko', 'Emi', 'Naomi', 'Rina', 'Keiko', 'Mio', 'Ayaka'],
    male: ['Haruto', 'Kenji', 'Takeshi', 'Hiroshi', 'Ren', 'Daiki', 'Sota', 'Yuto', 'Kaito', 'Shun'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
  },
];

const CULTURE_WEIGHTS = CULTURES.map((c) => [c, c.weight] as const);

export type Gender = 'female' | 'male' | 'other';

export interface GeneratedName {
  first: string;
  last: string;
  gender: Gender;
}

export function generateName(rng: Rng, gender: Gender): GeneratedName {
  const culture = rng.weighted(CULTURE_WEIGHTS);
  const firstList = gender === 'male' || (gender === 'other' && rng.chance(0.5)) ? culture.male : culture.female;
  return { first: rng.pick(firstList), last: rng.pick(culture.last), gender };
}

/** ASCII, lowercase, for email addresses ("Łukasz Wiśniewski" -> "lukasz.wisniewski"). */
export function emailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}
