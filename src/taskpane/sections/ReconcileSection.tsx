import { ru } from "../../i18n/ru";
import { NotBuilt } from "../components/Notices";

/** «Сверка с ССП»: reconciliation with the bailiffs' register (not built yet). */
export function ReconcileSection() {
  return <NotBuilt text={ru.notBuilt.reconcile} />;
}
