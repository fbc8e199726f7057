export * from "./template";
export * from "./defaultTemplate";
export * from "./sources";
export * from "./indicators";
export * from "./report";
export * from "./history";
