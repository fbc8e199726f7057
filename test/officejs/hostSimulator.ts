/**
 * The simulated Excel host for Node tests: simulatorCore.ts over the real client library loaded in jsdom.
 */
import type { FakeExcelHost } from "../fakes/excel/host";
import { jsdomRuntime } from "./realOfficeJs";
import { SimulatorCore, type SimulatorOptions } from "./simulatorCore";

export { bodyBytes, type RealRequest, type SimulatorOptions } from "./simulatorCore";

export class SimulatedExcelHost extends SimulatorCore {
  constructor(fake: FakeExcelHost, options: SimulatorOptions = {}) {
    super(fake, jsdomRuntime(), options);
  }
}
