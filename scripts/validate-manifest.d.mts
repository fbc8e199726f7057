export declare const SCHEMA: string;
export declare function validateManifestFile(file: string): { ok: boolean; output: string };
