/** Progress texts that more than one use case reports, so the one who waits for them can recognise them. */

/** The last stage of a use case: its work is done. */
export const DONE_STAGE = "Готово";
