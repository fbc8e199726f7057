export * from "./debtor";
export * from "./lawEngine";
export * from "./rules";
export * from "./select";
export * from "./defaultLaw";
