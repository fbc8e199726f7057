import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ru } from "../../i18n/ru";
import { useAppEnvironment } from "../context";

/** Says plainly that a capability is not part of this build yet (never shows invented results). */
export function NotBuilt(props: { text: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{ru.notBuilt.title}</MessageBarTitle>
        {props.text}
      </MessageBarBody>
    </MessageBar>
  );
}

export function NoWorkbook() {
  const { host } = useAppEnvironment();
  const text = host === "outside" ? ru.noWorkbookOutside : host === "excel" ? ru.noWorkbookExcel : ru.noWorkbook;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

export function ErrorNotice(props: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.message}
      </MessageBarBody>
    </MessageBar>
  );
}
