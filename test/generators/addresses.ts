/** Towns, streets and micro-districts of a northern district (ХМАО-Югра flavour, as in docs/formats.md, § 3.4 and § 4.6). */
import type { Prng } from "./prng";

export interface Town {
  name: string;
  postcode: string;
  /** Street names (with type word) or micro-districts. */
  streets: readonly string[];
}

export const TOWNS: readonly Town[] = [
  {
    name: "г. Белоярский",
    postcode: "628160",
    streets: [
      "мкр. 1",
      "мкр. 2",
      "мкр. 3",
      "мкр. 4",
      "мкр. 5",
      "мкр. 6",
      "мкр. 7",
      "ул. Центральная",
      "ул. Молодости",
      "ул. Набережная",
      "ул. Школьная",
      "ул. Газовиков",
      "ул. Строителей",
      "ул. Лыжников",
    ],
  },
  {
    name: "п. Сосновка",
    postcode: "628169",
    streets: ["ул. Школьная", "ул. Лесная", "ул. Центральная", "ул. Заречная", "пер. Сосновый"],
  },
  {
    name: "г. Нягань",
    postcode: "628181",
    streets: [
      "мкр. 1",
      "мкр. 2",
      "мкр. 3",
      "ул. Ленина",
      "ул. Интернациональная",
      "ул. Сибирская",
      "ул. Мира",
      "ул. 30 лет Победы",
      "пр-т Нефтяников",
      "ул. Толстого",
    ],
  },
  {
    name: "г. Югорск",
    postcode: "628260",
    streets: [
      "ул. Ленина",
      "ул. Мира",
      "ул. Газовиков",
      "ул. Геологов",
      "ул. Калинина",
      "ул. Менделеева",
      "ул. Таёжная",
      "ул. Садовая",
    ],
  },
  {
    name: "пгт Игрим",
    postcode: "628146",
    streets: ["ул. Кооперативная", "ул. Транспортная", "ул. Губкина", "ул. Кустарная", "пер. Рыбников"],
  },
];

export interface House {
  town: Town;
  street: string;
  /** "5", "14А", "5/1", "5 корп. 1" */
  number: string;
  flats: number;
  /** A private house: one account, no flat number. */
  privateHouse: boolean;
  /** «г. Белоярский, мкр. 3, д. 5» */
  address: string;
}

/** A new house; `taken` keeps addresses unique within a ledger (a collision gets the next free корпус). */
export function randomHouse(rng: Prng, town: Town, taken?: Set<string>): House {
  const street = rng.pick(town.streets);
  const privateHouse = street.startsWith("ул.") && rng.chance(0.08);
  const n = rng.int(1, privateHouse ? 90 : 45);
  const suffix = rng.weighted([85, 6, 4, 3, 2]);
  let number = [`${n}`, `${n}А`, `${n}Б`, `${n}/${rng.int(1, 4)}`, `${n} корп. ${rng.int(1, 3)}`][suffix];
  if (taken) {
    for (let k = 1; taken.has(`${town.name}, ${street}, д. ${number}`); k++) number = `${n} корп. ${k}`;
    taken.add(`${town.name}, ${street}, д. ${number}`);
  }
  const flats = privateHouse ? 1 : rng.pick([8, 12, 16, 24, 36, 45, 60, 70, 80, 90, 108, 120, 144]);
  return { town, street, number, flats, privateHouse, address: `${town.name}, ${street}, д. ${number}` };
}

/** The flat's address as a billing prints it. */
export function flatAddress(h: House, flat: number): string {
  return h.privateHouse ? h.address : `${h.address}, кв. ${flat}`;
}
