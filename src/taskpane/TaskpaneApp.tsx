import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  Caption1,
  Title3,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../workbook/port";
import { ru } from "../i18n/ru";
import { AppContext, type HostKind } from "./context";
import { Sections } from "./App";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: "0",
  },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
});

/** The taskpane inside Excel (or, outside Office, a page that says so and points to the standalone page). */
export function TaskpaneApp(props: { host: HostKind; port: WorkbookPort | null; theme: Theme; problem?: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={props.theme}>
      <AppContext.Provider value={{ host: props.host, port: props.port, workbookKey: "excel" }}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Title3 as="h1">{ru.appTitle}</Title3>
            <Caption1>{ru.appSubtitle}</Caption1>
          </header>
          {props.host === "outside" && (
            <MessageBar intent="warning" layout="multiline" data-testid="outside-excel">
              <MessageBarBody>
                {ru.host.outsideExcel} <Link href="standalone.html">{ru.host.openStandalone}</Link>
              </MessageBarBody>
            </MessageBar>
          )}
          {props.problem && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{props.problem}</MessageBarBody>
            </MessageBar>
          )}
          <Sections />
        </main>
      </AppContext.Provider>
    </FluentProvider>
  );
}
