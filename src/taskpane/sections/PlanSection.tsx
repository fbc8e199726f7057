import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ru } from "../../i18n/ru";
import { NotBuilt } from "../components/Notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "4px" },
});

/** «План мероприятий»: where the plan's four measures live, and the month's indicator table (not built yet). */
export function PlanSection() {
  const styles = useStyles();
  const m = ru.planMeasures;
  return (
    <div className={styles.root}>
      <NotBuilt text={ru.notBuilt.plan} />
      <Text>{m.intro}</Text>
      <ul className={styles.list}>
        {[m.measure1, m.measure2, m.measure3, m.measure4].map((t) => (
          <li key={t}>
            <Text>{t}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
