export declare const DEV_BASE: string;
export declare function normaliseBaseUrl(url: string): string;
export declare function rewriteManifest(xml: string, baseUrl: string): string;
