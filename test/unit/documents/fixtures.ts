/** Realistic requisites for document tests (valid check digits: the Сбербанк БИК and accounts). */
import type { ClaimantDetails } from "../../../src/documents/model";

export const CLAIMANT: ClaimantDetails = {
  name: "ООО «УК Северный квартал»",
  inn: "7707083893",
  kpp: "773601001",
  ogrn: "1027700132195",
  address: "125009, г. Москва, ул. Тверская, д. 7",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  account: "40702810938000000001",
  corrAccount: "30101810400000000225",
};
