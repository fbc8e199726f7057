/**
 * What a bailiff register becomes after parsing: one Proceeding per enforcement proceeding (ИП), whichever shape the
 * register had (FSSP data-bank table pasted in one of five ways, the ОСП department's own list, an API-derived sheet).
 */
import type { IsoDate } from "../dates";
import type { Kopecks } from "../money";
import type { EndReason } from "../law/enforcement";

export type RegisterKind = "fssp-bank" | "osp-list" | "api";
/** A multi-line cells · B record over several rows · C flattened · D glued · E plain-text paste · table (one row per record). */
export type RegisterShape = "A" | "B" | "C" | "D" | "E" | "table";

export interface Proceeding {
  /** 1-based Excel row where the record starts (the line number for pasted text). */
  row: number;
  /** Canonical `N/YY/RRSSS-ИП` (or the old form); null when the record has none. */
  ip: string | null;
  ipRaw: string;
  ipDate: IsoDate | null;
  /** Consolidated proceeding (`…-СД`/`…-СВ`): a group id, not a proceeding key. */
  consolidated: string | null;
  debtor: {
    name: string;
    birthDate: IsoDate | null;
    birthPlace: string;
    /** Organisation debtor's ИНН. */
    inn: string | null;
    address: string;
  };
  document: {
    type: string;
    date: IsoDate | null;
    /** Canonical comparison key (see normalize.ts documentKey); null when no number was found. */
    key: string | null;
    kind: "writ" | "case" | "e-writ" | "decree" | "other" | null;
    suffix: string;
    raw: string;
    issuer: string;
    claimantInn: string | null;
    /** «Постановление о взыскании исполнительского сбора» is shown with the document. */
    feeDecree: boolean;
  };
  end: { date: IsoDate | null; reason: EndReason | null; raw: string };
  subject: string;
  amount: Kopecks | null;
  remaining: Kopecks | null;
  fee: Kopecks | null;
  /** Money passed on to the claimant (ОСП lists only). */
  paidOut: Kopecks | null;
  /** Status text of an ОСП list («на исполнении», «окончено»). */
  statusText: string;
  claimant: string;
  department: string;
  bailiff: string;
  /** Parts the parser could not read (Russian, for the «unreadable» list). */
  problems: string[];
}

export interface UnreadableRecord {
  row: number;
  reason: string;
  text: string;
}

export interface ParsedBailiffRegister {
  kind: RegisterKind;
  shape: RegisterShape;
  proceedings: Proceeding[];
  unreadable: UnreadableRecord[];
  /** Region title rows met (the region also follows from the department code). */
  regions: string[];
  /** «Найдено записей: N» as the page said, when pasted. */
  declaredCount: number | null;
  /** True when the register shows no document numbers: matching falls back to names. */
  noDocumentNumbers: boolean;
}

/** A register the parser could not recognise: what it saw, for the message. */
export class BailiffRegisterError extends Error {
  constructor(
    readonly code: "empty" | "unrecognised",
    message: string,
  ) {
    super(message);
    this.name = "BailiffRegisterError";
  }
}

export function emptyProceeding(row: number): Proceeding {
  return {
    row,
    ip: null,
    ipRaw: "",
    ipDate: null,
    consolidated: null,
    debtor: { name: "", birthDate: null, birthPlace: "", inn: null, address: "" },
    document: {
      type: "",
      date: null,
      key: null,
      kind: null,
      suffix: "",
      raw: "",
      issuer: "",
      claimantInn: null,
      feeDecree: false,
    },
    end: { date: null, reason: null, raw: "" },
    subject: "",
    amount: null,
    remaining: null,
    fee: null,
    paidOut: null,
    statusText: "",
    claimant: "",
    department: "",
    bailiff: "",
    problems: [],
  };
}
