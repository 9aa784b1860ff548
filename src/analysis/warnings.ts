/** Warnings travel with results as data ({code, message}) and are printed or serialised by output/. */
export interface Warning {
  code: string;
  message: string;
}
