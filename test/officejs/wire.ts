/** What the Office.js client library and its host say to each other: the request and response bodies. */
/** The request message the library hands to its executor: Body is what travels to Excel as JSON. */
export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** What the host answers: results per action id, or an error (code and message as Excel sends them). */
export interface ResponseMessage {
  ErrorCode: string | null;
  HttpStatusCode: number;
  Headers: Record<string, string>;
  Body: {
    Results?: { ActionId: number; Value: unknown }[];
    Error?: { Code: string; Message: string; HttpStatusCode: number; ActionIndex?: number; Location?: string };
  };
}

export type Executor = (message: RequestMessage) => Promise<ResponseMessage>;
