/**
 * Ribbon function file. The only ribbon control («Взыскание ЖКУ») opens the taskpane (ShowTaskpane), which needs
 * no code; Office still requires a FunctionFile with Office.js initialised.
 */
if (typeof Office !== "undefined") void Office.onReady();
export {};
