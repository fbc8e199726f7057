export * from "./columns";
export * from "./recognize";
export * from "./rows";
